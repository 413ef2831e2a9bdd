import { join } from 'node:path';
import {
  createRemoteJWKSet,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
  SignJWT,
} from 'jose';
import { readOrCreateFile } from '../fs/atomic-file.js';
import { CBS_MUNICIPALITY_CODE, type Principal, type Role, STAFF_ROLES } from './principal.js';

/** Issuer of tokens signed by the embedded development key. */
export const LOCAL_ISSUER = 'urn:inwonersbudget:local';

/** Allowed skew between our clock and the issuer's when checking `exp`, `nbf` and `iat`. */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** Longest lifetime the `token` CLI issues (development and tests only). */
export const MAX_LOCAL_TTL_SECONDS = 7 * 24 * 3600;
/** The longest a token of the staff provider may be valid (`exp − iat`): a working day and a night, never years. */
export const MAX_REMOTE_LIFETIME_SECONDS = 24 * 3600;
/** Asymmetric algorithms only: an HMAC or `none` token is refused whatever its header says. */
export const REMOTE_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
const LOCAL_ALGORITHMS = ['ES256'];
/** Longer bearer tokens are refused before parsing. */
export const MAX_TOKEN_LENGTH = 8192;

export class InvalidTokenError extends Error {}

interface LocalKeys {
  privateJwk: JWK;
  publicJwk: JWK;
}

/**
 * The embedded-mode signing key: made once per data directory, kept there, never committed.
 * Processes started together on a new directory all get the one made first (`readOrCreateFile`);
 * a key file that holds no key is refused, never replaced.
 */
export async function localSigningKey(dataDir: string): Promise<LocalKeys> {
  const file = join(dataDir, 'auth', 'signing-key.json');
  const text = await readOrCreateFile(file, async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const keys: LocalKeys = { privateJwk: { ...(await exportJWK(privateKey)), alg: 'ES256' }, publicJwk: { ...(await exportJWK(publicKey)), alg: 'ES256' } };
    return JSON.stringify(keys);
  });
  let keys: Partial<LocalKeys> | null = null;
  try {
    keys = JSON.parse(text) as Partial<LocalKeys> | null;
  } catch {
    // reported below
  }
  const isObject = (value: unknown) => typeof value === 'object' && value !== null;
  if (!isObject(keys?.privateJwk) || !isObject(keys?.publicJwk)) {
    throw new Error(`${file} is not a signing key (${text.length} bytes): remove it to have a new key made; tokens signed with the old key then stop working`);
  }
  return keys as LocalKeys;
}

export interface IssueTokenInput {
  subject: string;
  roles: Role[];
  tenant: string;
  round?: string;
  /** Resident tokens of development and tests: an area code and an age band, as the residents' sign-in gives them. */
  area?: string;
  ageBand?: string;
  audience: string;
  ttlSeconds?: number;
}

/** Signs a token with the embedded key (development, tests, the `token` CLI). */
export async function issueLocalToken(dataDir: string, input: IssueTokenInput): Promise<string> {
  const ttl = input.ttlSeconds ?? 8 * 3600;
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > MAX_LOCAL_TTL_SECONDS) throw new RangeError(`ttlSeconds must be a whole number between 1 and ${MAX_LOCAL_TTL_SECONDS}`);
  if (!CBS_MUNICIPALITY_CODE.test(input.tenant)) throw new RangeError('tenant must be a CBS municipality code such as GM0363');
  const { privateJwk } = await localSigningKey(dataDir);
  const key = await importJWK(privateJwk, 'ES256');
  const claims: Record<string, unknown> = { roles: input.roles, tenant: input.tenant };
  if (input.round) claims.round = input.round;
  if (input.area !== undefined) claims.area = input.area;
  if (input.ageBand !== undefined) claims.age_band = input.ageBand;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(input.subject)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(input.audience)
    .setIssuedAt()
    .setExpirationTime(`${ttl}s`)
    .sign(key);
}

/**
 * The time claims every token must carry: `exp`, `sub` and `iat`, with `iat` not in the future and not
 * older than the longest lifetime allowed (both within the clock tolerance).
 */
export function lifetimeChecks(maxLifetimeSeconds: number): { clockTolerance: number; requiredClaims: string[]; maxTokenAge: number } {
  return { clockTolerance: CLOCK_TOLERANCE_SECONDS, requiredClaims: ['exp', 'sub', 'iat'], maxTokenAge: maxLifetimeSeconds };
}

/** A token valid for longer than `maxLifetimeSeconds` (`exp − iat`) is refused, however fresh: a stolen one would live too long. */
export function requireBoundedLifetime(payload: JWTPayload, maxLifetimeSeconds: number): void {
  if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number' || payload.exp - payload.iat > maxLifetimeSeconds) {
    throw new InvalidTokenError('The bearer token is valid for longer than allowed');
  }
}

/** The `iss` a token claims, unverified: only to choose the key that verifies it. */
function claimedIssuer(token: string): string | undefined {
  try {
    const iss = decodeJwt(token).iss;
    return typeof iss === 'string' ? iss : undefined;
  } catch (_error) {
    return undefined;
  }
}

/** Verifies bearer tokens: against the issuer's JWKS in production, the local key in embedded mode. */
export class TokenVerifier {
  private voterTokens?: { verify(token: string): Promise<Principal> };
  private residentTokens?: { verify(token: string): Promise<Principal> };

  private constructor(
    private readonly key: JWTVerifyGetKey | CryptoKey,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly algorithms: string[],
    private readonly maxLifetimeSeconds: number,
  ) {}

  /** Also accept the app's own voter tokens (issuer `urn:inwonersbudget:voter`), which carry only the voter role. */
  withVoterTokens(voterTokens: { verify(token: string): Promise<Principal> }): this {
    this.voterTokens = voterTokens;
    return this;
  }

  /** Also accept the app's own resident tokens (issuer `urn:inwonersbudget:resident`), which carry only the resident role. */
  withResidentTokens(residentTokens: { verify(token: string): Promise<Principal> }): this {
    this.residentTokens = residentTokens;
    return this;
  }

  /** Production: keys from the issuer's JWKS (cached, refetched on an unknown `kid`). */
  static remote(jwksUrl: string, issuer: string, audience: string): TokenVerifier {
    return new TokenVerifier(createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 }), issuer, audience, REMOTE_ALGORITHMS, MAX_REMOTE_LIFETIME_SECONDS);
  }

  static async local(dataDir: string, audience: string): Promise<TokenVerifier> {
    const { publicJwk } = await localSigningKey(dataDir);
    const key = (await importJWK(publicJwk, 'ES256')) as CryptoKey;
    return new TokenVerifier(key, LOCAL_ISSUER, audience, LOCAL_ALGORITHMS, MAX_LOCAL_TTL_SECONDS);
  }

  async verify(token: string): Promise<Principal> {
    if (token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('The bearer token is invalid or expired');
    const claimed = claimedIssuer(token);
    if (this.voterTokens && claimed === 'urn:inwonersbudget:voter') return this.voterTokens.verify(token);
    if (this.residentTokens && claimed === 'urn:inwonersbudget:resident') return this.residentTokens.verify(token);
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key as CryptoKey, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: this.algorithms,
        ...lifetimeChecks(this.maxLifetimeSeconds),
      }));
      requireBoundedLifetime(payload, this.maxLifetimeSeconds);
    } catch (_error) {
      throw new InvalidTokenError('The bearer token is invalid or expired');
    }
    // The staff provider speaks for staff only: voters sign in with a code, residents at their own provider; both get the app's own tokens.
    const known: string[] = this.issuer === LOCAL_ISSUER ? [...STAFF_ROLES, 'voter', 'resident'] : [...STAFF_ROLES];
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => typeof r === 'string' && known.includes(r)) : [];
    const tenant = typeof payload.tenant === 'string' ? payload.tenant : '';
    if (!payload.sub || roles.length === 0 || !CBS_MUNICIPALITY_CODE.test(tenant)) {
      throw new InvalidTokenError('The bearer token lacks a subject, a known role or a municipality (CBS code)');
    }
    const principal: Principal = { subject: payload.sub, roles, tenant };
    if (typeof payload.round === 'string') principal.round = payload.round;
    if (roles.includes('resident')) {
      if (typeof payload.area === 'string') principal.area = payload.area;
      if (typeof payload.age_band === 'string') principal.ageBand = payload.age_band;
    }
    return principal;
  }
}
