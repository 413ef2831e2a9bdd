import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, importJWK, SignJWT } from 'jose';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { ageBandOf, RESIDENT_ISSUER, ResidentTokens, residentPseudonym, residentPseudonymKey } from './resident-tokens.js';
import { InvalidTokenError, localSigningKey, TokenVerifier } from './token-verifier.js';
import { VoterTokens } from './voter-tokens.js';

const BANDS = '0-11,12-13,14-15,16-17,18-24,25-34,35-44,45-54,55-64,65-74,75+';
const ISSUER = 'https://login.gemeente.example/realms/inwoners';

describe('the resident pseudonym', () => {
  const key = Buffer.from('k'.repeat(32));

  it('is HMAC-SHA-256 of municipality, issuer and subject: the same person is the same pseudonym, and it shows nothing of the subject', () => {
    const pseudonym = residentPseudonym(key, 'GM0363', ISSUER, 's-900150983');
    expect(pseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonym).not.toContain('900150983');
    expect(residentPseudonym(key, 'GM0363', ISSUER, 's-900150983')).toBe(pseudonym);
  });

  it('differs per municipality, per issuer, per subject and per key, and the separators cannot be shifted', () => {
    const pseudonym = residentPseudonym(key, 'GM0363', ISSUER, 's-1');
    const others = [
      residentPseudonym(key, 'GM0014', ISSUER, 's-1'),
      residentPseudonym(key, 'GM0363', 'https://other.example', 's-1'),
      residentPseudonym(key, 'GM0363', ISSUER, 's-2'),
      residentPseudonym(Buffer.from('j'.repeat(32)), 'GM0363', ISSUER, 's-1'),
      residentPseudonym(key, 'GM0363', `${ISSUER}\0s`, '-1'),
    ];
    expect(new Set([pseudonym, ...others]).size).toBe(6);
  });
});

describe('the pseudonym key', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'resident-key-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('is RESIDENT_PSEUDONYM_KEY when set', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, RESIDENT_PSEUDONYM_KEY: 'p'.repeat(40) });
    expect(await residentPseudonymKey(config)).toEqual(Buffer.from('p'.repeat(40)));
  });

  it('in embedded mode is made once in DATA_DIR, readable by the owner only, and the same at every start', async () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = await residentPseudonymKey(config);
    expect(first).toHaveLength(32);
    expect(await residentPseudonymKey(config)).toEqual(first);
    expect((await stat(join(dataDir, 'auth', 'resident-pseudonym.key'))).mode & 0o777).toBe(0o600);
  });

  it('refuses a key file that holds no key (empty, or not 32 bytes of base64) and leaves it as it is', async () => {
    for (const text of ['', 'c2hvcnQ=', 'not base64 at all, but long enough to be 32 bytes or more']) {
      const dir = await mkdtemp(join(tmpdir(), 'resident-key-bad-'));
      try {
        await mkdir(join(dir, 'auth'));
        await writeFile(join(dir, 'auth', 'resident-pseudonym.key'), text);
        await expect(residentPseudonymKey(loadConfig({ DATA_DIR: dir }))).rejects.toThrow(/resident-pseudonym\.key is not a pseudonym key/);
        expect(await readFile(join(dir, 'auth', 'resident-pseudonym.key'), 'utf8')).toBe(text);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });
});

describe('the age band of a birth date', () => {
  const on = new Date('2026-12-04T10:00:00Z');

  it.each([
    ['2010-12-05', '14-15'],
    ['2010-12-04', '16-17'],
    ['2008-12-04', '18-24'],
    ['1990-05-01', '35-44'],
    ['1926-01-01', '75+'],
    ['2026-12-04', '0-11'],
  ])('%s is %s on 4 December 2026 (a birthday counts from its day)', (birthdate, band) => {
    expect(ageBandOf(birthdate, on, BANDS)).toBe(band);
  });

  it.each([['2023-02-30'], ['1990-13-01'], ['04-12-1990'], ['2027-01-01'], [19900501], [undefined]])('is none for %p (not a date, or in the future)', (birthdate) => {
    expect(ageBandOf(birthdate, on, BANDS)).toBeNull();
  });
});

describe('resident tokens', () => {
  let dataDir: string;
  let config: AppConfig;
  let tokens: ResidentTokens;
  let verifier: TokenVerifier;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'resident-tokens-'));
    config = loadConfig({ DATA_DIR: dataDir });
    tokens = await ResidentTokens.fromConfig(config);
    verifier = (await TokenVerifier.local(dataDir, config.AUTH_AUDIENCE)).withVoterTokens(await VoterTokens.fromConfig(config)).withResidentTokens(tokens);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const sign = async (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('a'.repeat(64))
      .setIssuer(RESIDENT_ISSUER)
      .setAudience(config.AUTH_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importJWK((await localSigningKey(dataDir)).privateJwk, 'ES256'));

  it('carry the resident role, the municipality, the pseudonym, the area and the age band, for 15 minutes', async () => {
    const token = await tokens.issue({ pseudonym: 'a'.repeat(64), tenant: 'GM0363', area: 'WK036301', ageBand: '35-44' });
    expect(await verifier.verify(token)).toEqual({ subject: 'a'.repeat(64), roles: ['resident'], tenant: 'GM0363', area: 'WK036301', ageBand: '35-44' });
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(900);
  });

  it('never carry another role or a round, even when signed by the app\'s key', async () => {
    for (const claims of [{ roles: ['administrator'], tenant: 'GM0363' }, { roles: ['resident', 'auditor'], tenant: 'GM0363' }, { roles: ['resident'], tenant: 'GM0363', round: 'r-1' }, { roles: ['resident'], tenant: 'Amsterdam' }]) {
      await expect(verifier.verify(await sign(claims))).rejects.toBeInstanceOf(InvalidTokenError);
    }
  });

  it('are no voter tokens, and voter tokens are no resident tokens', async () => {
    const voter = await (await VoterTokens.fromConfig(config)).issue({ participant: 'p-1', tenant: 'GM0363', round: 'r-1', ttlSeconds: 60 });
    await expect(tokens.verify(voter)).rejects.toBeInstanceOf(InvalidTokenError);
    const resident = await tokens.issue({ pseudonym: 'a'.repeat(64), tenant: 'GM0363' });
    expect(await verifier.verify(resident)).toEqual({ subject: 'a'.repeat(64), roles: ['resident'], tenant: 'GM0363' });
  });
});

describe('the residents\' provider in the configuration', () => {
  const complete = { RESIDENT_AUTH_ISSUER: ISSUER, RESIDENT_AUTH_CLIENT_ID: 'inwonersbudget', RESIDENT_AUTH_REDIRECT_URI: 'https://inwonersbudget.example/resident-sessions/oidc/callback', RESIDENT_AUTH_TENANT: 'GM0363' };

  it('is configured whole: the client, the return address and the municipality with the issuer', () => {
    expect(loadConfig(complete).RESIDENT_AUTH_TENANT).toBe('GM0363');
    expect(() => loadConfig({ RESIDENT_AUTH_ISSUER: ISSUER })).toThrow(/RESIDENT_AUTH_CLIENT_ID: required[\s\S]*RESIDENT_AUTH_REDIRECT_URI: required[\s\S]*RESIDENT_AUTH_TENANT: required/);
    expect(() => loadConfig({ RESIDENT_AUTH_CLIENT_ID: 'x' })).toThrow(/RESIDENT_AUTH_CLIENT_ID: only together with RESIDENT_AUTH_ISSUER/);
    expect(() => loadConfig({ ...complete, RESIDENT_AUTH_TENANT: 'Amsterdam' })).toThrow(/RESIDENT_AUTH_TENANT/);
    expect(() => loadConfig({ ...complete, RESIDENT_AUTH_SCOPES: 'profile' })).toThrow(/RESIDENT_AUTH_SCOPES must include openid/);
  });

  it('is never the staff provider', () => {
    expect(() => loadConfig({ ...complete, AUTH_ISSUER: ISSUER })).toThrow(/RESIDENT_AUTH_ISSUER: must not be the staff provider/);
  });

  it('needs the pseudonym key outside embedded mode, and https in production', () => {
    expect(() => loadConfig({ ...complete, DATABASE_URL: 'postgres://u@h/db' })).toThrow(/RESIDENT_PSEUDONYM_KEY: required/);
    expect(loadConfig({ ...complete, DATABASE_URL: 'postgres://u@h/db', RESIDENT_PSEUDONYM_KEY: 'p'.repeat(32) }).mode).toBe('server');
    expect(() => loadConfig({ ...complete, RESIDENT_PSEUDONYM_KEY: 'short' })).toThrow(/RESIDENT_PSEUDONYM_KEY must be at least 32 characters/);
    expect(() => loadConfig({ ...complete, NODE_ENV: 'production', RESIDENT_AUTH_ISSUER: 'http://login.example', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example' })).toThrow(/RESIDENT_AUTH_ISSUER: must be https/);
  });

  it('refuses age bands with a gap or an overlap', () => {
    expect(() => loadConfig({ RESIDENT_AGE_BANDS: '0-15,17-64,65+' })).toThrow(/RESIDENT_AGE_BANDS/);
    expect(() => loadConfig({ RESIDENT_AGE_BANDS: '0-17,16-64,65+' })).toThrow(/RESIDENT_AGE_BANDS/);
    expect(() => loadConfig({ RESIDENT_AGE_BANDS: '0-17,18-64' })).toThrow(/RESIDENT_AGE_BANDS must be like/);
    expect(() => loadConfig({ RESIDENT_AGE_BANDS: 'young,old' })).toThrow(/RESIDENT_AGE_BANDS must be like/);
    expect(loadConfig({ RESIDENT_AGE_BANDS: '0-15,16-64,65+' }).RESIDENT_AGE_BANDS).toBe('0-15,16-64,65+');
  });
});
