import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { decodeJwt, importPKCS8, SignJWT } from 'jose';
import { loadConfig } from '../config/app-config.js';
import { InvalidTokenError, TokenVerifier } from './token-verifier.js';
import { VOTER_ISSUER, VoterTokens } from './voter-tokens.js';

const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

async function production() {
  const dataDir = await mkdtemp(join(tmpdir(), 'voter-tokens-'));
  const config = loadConfig({ DATA_DIR: dataDir, AUTH_ISSUER: 'https://idp.example', AUTH_JWKS_URL: 'https://idp.example/jwks', VOTER_TOKEN_PRIVATE_KEY: pem.replaceAll('\n', '\\n') });
  const voterTokens = await VoterTokens.fromConfig(config);
  // The identity provider is never asked: voter tokens are verified with the app's own key.
  const verifier = TokenVerifier.remote(config.AUTH_JWKS_URL!, config.AUTH_ISSUER!, config.AUTH_AUDIENCE).withVoterTokens(voterTokens);
  return { config, voterTokens, verifier };
}

describe('voter tokens', () => {
  it('are signed by the app\'s own key and verified next to the identity provider', async () => {
    const { voterTokens, verifier } = await production();
    const token = await voterTokens.issue({ participant: 'p-1', tenant: 'GM0363', round: 'r-1', ttlSeconds: 900 });
    expect(await verifier.verify(token)).toEqual({ subject: 'p-1', roles: ['voter'], tenant: 'GM0363', round: 'r-1', signedInWith: 'voting-code' });
  });

  it('say when the voter signed in at the residents\' provider, and only then', async () => {
    const { voterTokens, verifier } = await production();
    const oidc = await voterTokens.issue({ participant: 'p-2', tenant: 'GM0363', round: 'r-1', ttlSeconds: 900, signedInWith: 'oidc' });
    expect(await verifier.verify(oidc)).toMatchObject({ subject: 'p-2', signedInWith: 'oidc' });
    const code = await voterTokens.issue({ participant: 'p-3', tenant: 'GM0363', round: 'r-1', ttlSeconds: 900, signedInWith: 'voting-code' });
    expect(decodeJwt(code)).not.toHaveProperty('signed_in_with');
    expect(await verifier.verify(code)).toMatchObject({ subject: 'p-3', signedInWith: 'voting-code' });
  });

  it('never carry a staff role, even when signed by the same key', async () => {
    const { verifier } = await production();
    const key = await importPKCS8(pem, 'ES256');
    const forged = await new SignJWT({ roles: ['administrator'], tenant: 'GM0363', round: 'r-1' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('p-1')
      .setIssuer(VOTER_ISSUER)
      .setAudience('inwonersbudget')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('are refused when valid for more than an hour or issued in the future, even when signed by the app\'s key', async () => {
    const { verifier } = await production();
    const key = await importPKCS8(pem, 'ES256');
    const voter = (build: (jwt: SignJWT) => SignJWT) => build(new SignJWT({ roles: ['voter'], tenant: 'GM0363', round: 'r-1' }).setProtectedHeader({ alg: 'ES256' }).setSubject('p-1').setIssuer(VOTER_ISSUER).setAudience('inwonersbudget')).sign(key);
    expect(await verifier.verify(await voter((jwt) => jwt.setIssuedAt().setExpirationTime('15m')))).toMatchObject({ subject: 'p-1', roles: ['voter'] });
    await expect(verifier.verify(await voter((jwt) => jwt.setIssuedAt().setExpirationTime('2h')))).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verifier.verify(await voter((jwt) => jwt.setIssuedAt('10m from now').setExpirationTime('20m')))).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verifier.verify(await voter((jwt) => jwt.setExpirationTime('15m')))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('are refused when signed by another key', async () => {
    const { verifier } = await production();
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const forged = await new SignJWT({ roles: ['voter'], tenant: 'GM0363', round: 'r-1' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('p-1')
      .setIssuer(VOTER_ISSUER)
      .setAudience('inwonersbudget')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importPKCS8(other, 'ES256'));
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('need the key configured whenever an identity provider is', () => {
    expect(() => loadConfig({ AUTH_ISSUER: 'https://idp.example', AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/VOTER_TOKEN_PRIVATE_KEY: required/);
    expect(() => loadConfig({ VOTER_TOKEN_PRIVATE_KEY: 'not a key' })).toThrow(/VOTER_TOKEN_PRIVATE_KEY/);
  });
});
