import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
  jwtVerify,
  type JWTVerifyGetKey,
  SignJWT,
} from 'jose';
import { CBS_MUNICIPALITY_CODE, type Principal, type Role, STAFF_ROLES } from './principal.js';

/** Issuer of tokens signed by the embedded development key. */
export const LOCAL_ISSUER = 'urn:inwonersbudget:local';

export class InvalidTokenError extends Error {}

interface LocalKeys {
  privateJwk: JWK;
  publicJwk: JWK;
}

/** The embedded-mode signing key: made once per data directory, kept there, never committed. */
export async function localSigningKey(dataDir: string): Promise<LocalKeys> {
  const file = join(dataDir, 'auth', 'signing-key.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LocalKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const keys: LocalKeys = { privateJwk: { ...(await exportJWK(privateKey)), alg: 'ES256' }, publicJwk: { ...(await exportJWK(publicKey)), alg: 'ES256' } };
  await mkdir(join(dataDir, 'auth'), { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(keys), { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return JSON.parse(await readFile(file, 'utf8')) as LocalKeys;
}

export interface IssueTokenInput {
  subject: string;
  roles: Role[];
  tenant: string;
  round?: string;
  audience: string;
  ttlSeconds?: number;
}

/** Signs a token with the embedded key (development, tests, the `token` CLI). */
export async function issueLocalToken(dataDir: string, input: IssueTokenInput): Promise<string> {
  const { privateJwk } = await localSigningKey(dataDir);
  const key = await importJWK(privateJwk, 'ES256');
  const claims: Record<string, unknown> = { roles: input.roles, tenant: input.tenant };
  if (input.round) claims.round = input.round;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(input.subject)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(input.audience)
    .setIssuedAt()
    .setExpirationTime(`${input.ttlSeconds ?? 8 * 3600}s`)
    .sign(key);
}

/** Verifies bearer tokens: against the issuer's JWKS in production, the local key in embedded mode. */
export class TokenVerifier {
  private constructor(
    private readonly key: JWTVerifyGetKey | CryptoKey | Uint8Array,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  static remote(jwksUrl: string, issuer: string, audience: string): TokenVerifier {
    return new TokenVerifier(createRemoteJWKSet(new URL(jwksUrl)), issuer, audience);
  }

  static async local(dataDir: string, audience: string): Promise<TokenVerifier> {
    const { publicJwk } = await localSigningKey(dataDir);
    const key = (await importJWK(publicJwk, 'ES256')) as CryptoKey;
    return new TokenVerifier(key, LOCAL_ISSUER, audience);
  }

  async verify(token: string): Promise<Principal> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key as CryptoKey, { issuer: this.issuer, audience: this.audience, algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'] }));
    } catch (_error) {
      throw new InvalidTokenError('The bearer token is invalid or expired');
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => typeof r === 'string' && ([...STAFF_ROLES, 'voter'] as string[]).includes(r)) : [];
    const tenant = typeof payload.tenant === 'string' ? payload.tenant : '';
    if (!payload.sub || roles.length === 0 || !CBS_MUNICIPALITY_CODE.test(tenant)) {
      throw new InvalidTokenError('The bearer token lacks a subject, a known role or a municipality (CBS code)');
    }
    const principal: Principal = { subject: payload.sub, roles, tenant };
    if (typeof payload.round === 'string') principal.round = payload.round;
    return principal;
  }
}
