import { describe, expect, it } from '@jest/globals';
import { CONFIG_VARIABLES, ConfigError, loadConfig, SECRET_VARIABLES } from './app-config.js';
import { readFileSync } from 'node:fs';

describe('loadConfig', () => {
  it('defaults to embedded mode on port 3000 with data in ./data', () => {
    const config = loadConfig({});
    expect([config.mode, config.PORT, config.DATA_DIR]).toEqual(['embedded', 3000, './data']);
  });

  it('switches to server mode with DATABASE_URL and production mode with EVENTSTORE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).mode).toBe('server');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', EVENTSTORE_URL: 'esdb://h:2113?tls=false' }).mode).toBe('production');
  });

  it('refuses a bad value and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('names a bad secret and its length, never its value', () => {
    const secrets = { METRICS_TOKEN: 'short secret 7f3c', RESIDENT_PSEUDONYM_KEY: 'too-short-pseudonym-key', VOTER_TOKEN_PRIVATE_KEY: 'not-a-pem-but-a-secret', DATABASE_URL: 'mysql://admin:hunter2@db/x' };
    let message = '';
    try {
      loadConfig(secrets);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('METRICS_TOKEN=(hidden, 17 characters)');
    expect(message).toContain('RESIDENT_PSEUDONYM_KEY=(hidden, 23 characters)');
    expect(message).toMatch(/VOTER_TOKEN_PRIVATE_KEY=\(hidden, 22 characters\)/);
    expect(message).toContain('DATABASE_URL=(hidden');
    for (const value of Object.values(secrets)) expect(message).not.toContain(value);
    expect(message).not.toContain('hunter2');
  });

  it('serves the OpenAPI page except in production, unless API_DOCS says otherwise', () => {
    const production = { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://login.example/jwks', AUTH_ISSUER: 'https://login.example', VOTER_TOKEN_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----x', ROUND_KEY_DIR: '/run/round-keys' };
    expect(loadConfig({}).apiDocsServed).toBe(true);
    expect(loadConfig({ API_DOCS: 'false' }).apiDocsServed).toBe(false);
    expect(loadConfig(production).apiDocsServed).toBe(false);
    expect(loadConfig({ ...production, API_DOCS: 'true' }).apiDocsServed).toBe(true);
    expect(() => loadConfig({ API_DOCS: 'yes' })).toThrow(/API_DOCS must be true or false/);
  });

  it('reads the key of the signed proces-verbaal as a file path and a secret passphrase, the passphrase only with the file', () => {
    const config = loadConfig({ RECORD_SIGNING_P12: '/run/secrets/pv.p12', RECORD_SIGNING_PASSPHRASE: 'open sesame 42' });
    expect([config.RECORD_SIGNING_P12, config.RECORD_SIGNING_PASSPHRASE]).toEqual(['/run/secrets/pv.p12', 'open sesame 42']);
    expect(SECRET_VARIABLES.has('RECORD_SIGNING_PASSPHRASE')).toBe(true);
    expect(loadConfig({ RECORD_SIGNING_P12: '' }).RECORD_SIGNING_P12).toBeUndefined();
    let message = '';
    try {
      loadConfig({ RECORD_SIGNING_PASSPHRASE: 'open sesame 42' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('RECORD_SIGNING_PASSPHRASE: only together with RECORD_SIGNING_P12');
    expect(message).not.toContain('open sesame 42');
  });

  it('keeps the round keys in DATA_DIR/round-keys unless ROUND_KEY_DIR says where, and requires ROUND_KEY_DIR in production', () => {
    expect(loadConfig({ DATA_DIR: '/srv/ib' }).roundKeyDir).toBe('/srv/ib/round-keys');
    expect(loadConfig({ DATA_DIR: '/srv/ib', ROUND_KEY_DIR: '/run/secrets/round-keys' }).roundKeyDir).toBe('/run/secrets/round-keys');
    const production = { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://login.example/jwks', AUTH_ISSUER: 'https://login.example', VOTER_TOKEN_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----x' };
    expect(() => loadConfig(production)).toThrow(/ROUND_KEY_DIR: required when NODE_ENV=production/);
    expect(loadConfig({ ...production, ROUND_KEY_DIR: '/run/round-keys' }).roundKeyDir).toBe('/run/round-keys');
  });

  it('requires an identity provider in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL: required/);
  });

  it('.env.example lists exactly the variables the configuration reads', () => {
    const example = readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8');
    const names = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(CONFIG_VARIABLES));
  });
});
