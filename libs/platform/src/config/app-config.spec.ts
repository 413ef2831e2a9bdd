import { describe, expect, it } from '@jest/globals';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './app-config.js';
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

  it('requires an identity provider in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL: required/);
  });

  it('.env.example lists exactly the variables the configuration reads', () => {
    const example = readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8');
    const names = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(CONFIG_VARIABLES));
  });
});
