import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK, SignJWT, UnsecuredJWT } from 'jose';
import { InvalidTokenError, issueLocalToken, LOCAL_ISSUER, localSigningKey, TokenVerifier } from './token-verifier.js';

const AUDIENCE = 'inwonersbudget';
const ISSUER = 'https://login.gemeente.example/realms/ambtenaren';
const now = () => Math.floor(Date.now() / 1000);

describe('TokenVerifier.local (embedded mode)', () => {
  let dataDir: string;
  let verifier: TokenVerifier;
  let privateKey: CryptoKey;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ib-auth-'));
    verifier = await TokenVerifier.local(dataDir, AUDIENCE);
    const { privateJwk } = await localSigningKey(dataDir);
    privateKey = (await (await import('jose')).importJWK(privateJwk, 'ES256')) as CryptoKey;
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const sign = (claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
    build(new SignJWT({ roles: ['administrator'], tenant: 'GM0363', ...claims }).setProtectedHeader({ alg: 'ES256' }).setIssuer(LOCAL_ISSUER).setAudience(AUDIENCE).setSubject('staff-1').setIssuedAt()).sign(privateKey);

  it('accepts a token of the CLI and reads subject, roles and municipality', async () => {
    const token = await issueLocalToken(dataDir, { subject: 'staff-9', roles: ['reviewer', 'auditor'], tenant: 'GM0014', audience: AUDIENCE, ttlSeconds: 60 });
    expect(await verifier.verify(token)).toEqual({ subject: 'staff-9', roles: ['reviewer', 'auditor'], tenant: 'GM0014' });
  });

  it('carries the round of a voter token', async () => {
    const token = await issueLocalToken(dataDir, { subject: 'v-1', roles: ['voter'], tenant: 'GM0363', round: 'r-2026', audience: AUDIENCE, ttlSeconds: 60 });
    expect(await verifier.verify(token)).toEqual({ subject: 'v-1', roles: ['voter'], tenant: 'GM0363', round: 'r-2026' });
  });

  it.each([
    ['without exp', () => sign({})],
    ['expired beyond the clock tolerance', () => sign({}, (jwt) => jwt.setExpirationTime(now() - 31))],
    ['not yet valid beyond the clock tolerance', () => sign({}, (jwt) => jwt.setExpirationTime(now() + 600).setNotBefore(now() + 120))],
    ['for another audience', () => sign({}, (jwt) => jwt.setExpirationTime(now() + 60).setAudience('other-app'))],
    ['from another issuer', () => sign({}, (jwt) => jwt.setExpirationTime(now() + 60).setIssuer('https://evil.example'))],
    ['without a subject', () => new SignJWT({ roles: ['administrator'], tenant: 'GM0363' }).setProtectedHeader({ alg: 'ES256' }).setIssuer(LOCAL_ISSUER).setAudience(AUDIENCE).setExpirationTime(now() + 60).sign(privateKey)],
    ['without a known role', () => sign({ roles: ['superuser'] }, (jwt) => jwt.setExpirationTime(now() + 60))],
    ['with roles as a string', () => sign({ roles: 'administrator' }, (jwt) => jwt.setExpirationTime(now() + 60))],
    ['without a municipality', () => sign({ tenant: undefined }, (jwt) => jwt.setExpirationTime(now() + 60))],
    ['with a municipality that is not a CBS code', () => sign({ tenant: 'GM0363; DROP' }, (jwt) => jwt.setExpirationTime(now() + 60))],
    ['without iat', () => new SignJWT({ roles: ['administrator'], tenant: 'GM0363' }).setProtectedHeader({ alg: 'ES256' }).setIssuer(LOCAL_ISSUER).setAudience(AUDIENCE).setSubject('staff-1').setExpirationTime(now() + 60).sign(privateKey)],
    ['issued in the future beyond the clock tolerance', () => sign({}, (jwt) => jwt.setIssuedAt(now() + 120).setExpirationTime(now() + 600))],
    ['valid for ten years', () => sign({}, (jwt) => jwt.setExpirationTime(now() + 10 * 365 * 86_400))],
    ['valid for a day longer than the CLI may issue (7 days)', () => sign({}, (jwt) => jwt.setExpirationTime(now() + 8 * 86_400))],
    ['issued longer ago than the longest lifetime', () => sign({}, (jwt) => jwt.setIssuedAt(now() - 8 * 86_400).setExpirationTime(now() + 60))],
  ])('refuses a token %s', async (_name, make) => {
    await expect(verifier.verify(await make())).rejects.toThrow(InvalidTokenError);
  });

  it('accepts a token issued within the clock tolerance ahead of our clock, valid for the 7 days the CLI allows', async () => {
    const token = await sign({}, (jwt) => jwt.setIssuedAt(now() + 10).setExpirationTime(now() + 10 + 7 * 86_400));
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'staff-1' });
  });

  it('accepts a token that expired within the clock tolerance (30 s)', async () => {
    const token = await sign({}, (jwt) => jwt.setExpirationTime(now() - 10));
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'staff-1' });
  });

  it('refuses alg none, an HMAC token keyed with the public key, and a token signed by another key', async () => {
    const unsecured = new UnsecuredJWT({ roles: ['administrator'], tenant: 'GM0363' }).setIssuer(LOCAL_ISSUER).setAudience(AUDIENCE).setSubject('x').setExpirationTime(now() + 60).encode();
    const { publicJwk } = await localSigningKey(dataDir);
    const hmac = await new SignJWT({ roles: ['administrator'], tenant: 'GM0363' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .setExpirationTime(now() + 60)
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    const stranger = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ roles: ['administrator'], tenant: 'GM0363' }).setProtectedHeader({ alg: 'ES256' }).setIssuer(LOCAL_ISSUER).setAudience(AUDIENCE).setSubject('x').setExpirationTime(now() + 60).sign(stranger.privateKey);
    for (const token of [unsecured, hmac, foreign]) await expect(verifier.verify(token)).rejects.toThrow(InvalidTokenError);
  });

  it('refuses an oversized token before parsing it', async () => {
    await expect(verifier.verify(`${'a'.repeat(9000)}.b.c`)).rejects.toThrow(InvalidTokenError);
  });

  it('issues no token with a lifetime beyond seven days or for a non-CBS municipality', async () => {
    await expect(issueLocalToken(dataDir, { subject: 's', roles: ['auditor'], tenant: 'GM0363', audience: AUDIENCE, ttlSeconds: 8 * 86_400 })).rejects.toThrow(RangeError);
    await expect(issueLocalToken(dataDir, { subject: 's', roles: ['auditor'], tenant: 'Amsterdam', audience: AUDIENCE })).rejects.toThrow(RangeError);
  });
});

describe('localSigningKey (one key per data directory)', () => {
  it('gives every concurrent caller on a new data directory the same complete key, as api processes started together on one directory do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ib-auth-race-'));
    try {
      const keys = await Promise.all(Array.from({ length: 24 }, () => localSigningKey(dir)));
      expect(new Set(keys.map((key) => JSON.stringify(key))).size).toBe(1);
      expect(keys[0].privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', d: expect.any(String) });
      expect(await readdir(join(dir, 'auth'))).toEqual(['signing-key.json']);
      expect(await localSigningKey(dir)).toEqual(keys[0]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the file when the key file is unreadable, and leaves it as it is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ib-auth-bad-'));
    try {
      await mkdir(join(dir, 'auth'));
      await writeFile(join(dir, 'auth', 'signing-key.json'), '');
      await expect(localSigningKey(dir)).rejects.toThrow(/signing-key\.json is not a signing key/);
      expect(await readFile(join(dir, 'auth', 'signing-key.json'), 'utf8')).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('TokenVerifier.remote (production: the issuer\'s JWKS)', () => {
  let server: Server;
  let jwksUrl: string;
  let keys: { privateKey: CryptoKey; publicJwk: JWK };
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    keys = { privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' } };
    server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [keys.publicJwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/certs`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const idpToken = (claims: Record<string, unknown>, kid = 'k1', key?: CryptoKey) =>
    new SignJWT({ roles: ['reviewer'], tenant: 'GM0363', iss: ISSUER, aud: AUDIENCE, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('medewerker-42')
      .setIssuedAt()
      .setExpirationTime(now() + 300)
      .sign(key ?? keys.privateKey);

  it('verifies a token of the identity provider against its JWKS', async () => {
    const verifier = TokenVerifier.remote(jwksUrl, ISSUER, AUDIENCE);
    expect(await verifier.verify(await idpToken({}))).toEqual({ subject: 'medewerker-42', roles: ['reviewer'], tenant: 'GM0363' });
  });

  it('refuses a token from another issuer, for another audience, or signed by a key not in the JWKS', async () => {
    const verifier = TokenVerifier.remote(jwksUrl, ISSUER, AUDIENCE);
    const other = await generateKeyPair('RS256');
    await expect(verifier.verify(await idpToken({ iss: 'https://evil.example' }))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await idpToken({ aud: 'another-client' }))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await idpToken({}, 'k1', other.privateKey))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await idpToken({}, 'k2', other.privateKey))).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a token of the identity provider valid for more than 24 hours, without iat, or issued in the future', async () => {
    const verifier = TokenVerifier.remote(jwksUrl, ISSUER, AUDIENCE);
    const token = (build: (jwt: SignJWT) => SignJWT) => build(new SignJWT({ roles: ['reviewer'], tenant: 'GM0363', iss: ISSUER, aud: AUDIENCE }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('medewerker-42')).sign(keys.privateKey);
    await expect(verifier.verify(await token((jwt) => jwt.setIssuedAt().setExpirationTime(now() + 25 * 3600)))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await token((jwt) => jwt.setExpirationTime(now() + 300)))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await token((jwt) => jwt.setIssuedAt(now() + 3600).setExpirationTime(now() + 7200)))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await token((jwt) => jwt.setIssuedAt().setExpirationTime(now() + 8 * 3600)))).resolves.toMatchObject({ subject: 'medewerker-42' });
  });

  it('never takes a voter from the identity provider: staff roles only', async () => {
    const verifier = TokenVerifier.remote(jwksUrl, ISSUER, AUDIENCE);
    await expect(verifier.verify(await idpToken({ roles: ['voter'], round: 'r-1' }))).rejects.toThrow(InvalidTokenError);
    expect(await verifier.verify(await idpToken({ roles: ['voter', 'auditor'] }))).toEqual({ subject: 'medewerker-42', roles: ['auditor'], tenant: 'GM0363' });
  });

  it('refuses an HMAC token keyed with the published public key (algorithm confusion)', async () => {
    const verifier = TokenVerifier.remote(jwksUrl, ISSUER, AUDIENCE);
    const token = await new SignJWT({ roles: ['administrator'], tenant: 'GM0363' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .setExpirationTime(now() + 60)
      .sign(new TextEncoder().encode(JSON.stringify(keys.publicJwk)));
    await expect(verifier.verify(token)).rejects.toThrow(InvalidTokenError);
  });
});
