import { type CryptoKey, importJWK, importPKCS8, importSPKI, jwtVerify, SignJWT } from 'jose';
import { createPublicKey } from 'node:crypto';
import type { AppConfig } from '../config/app-config.js';
import { CLOCK_TOLERANCE_SECONDS, InvalidTokenError, localSigningKey } from './token-verifier.js';
import { CBS_MUNICIPALITY_CODE, type Principal } from './principal.js';

/**
 * The app's own key pair for the tokens it issues itself (voters, residents): VOTER_TOKEN_PRIVATE_KEY,
 * or the embedded key in DATA_DIR when that is unset. Each kind has its own issuer and is verified for it alone.
 */
export async function appTokenKeys(config: AppConfig): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  if (config.VOTER_TOKEN_PRIVATE_KEY) {
    const pem = config.VOTER_TOKEN_PRIVATE_KEY.replaceAll('\\n', '\n');
    const privateKey = await importPKCS8(pem, 'ES256', { extractable: true });
    const publicPem = createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
    return { privateKey, publicKey: await importSPKI(publicPem, 'ES256') };
  }
  const { privateJwk, publicJwk } = await localSigningKey(config.DATA_DIR);
  return { privateKey: (await importJWK(privateJwk, 'ES256')) as CryptoKey, publicKey: (await importJWK(publicJwk, 'ES256')) as CryptoKey };
}

/** Issuer of voter tokens: the app itself signs them with its own key; only this issuer makes a voter. */
export const VOTER_ISSUER = 'urn:inwonersbudget:voter';

/**
 * The app's own key for voter tokens (a voter signs in with a voting code, not at the identity
 * provider). From VOTER_TOKEN_PRIVATE_KEY, or the embedded key in DATA_DIR when that is unset.
 * A token it signs carries the voter role and one round, and is refused for anything else.
 */
export class VoterTokens {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly audience: string,
  ) {}

  static async fromConfig(config: AppConfig): Promise<VoterTokens> {
    const { privateKey, publicKey } = await appTokenKeys(config);
    return new VoterTokens(privateKey, publicKey, config.AUTH_AUDIENCE);
  }

  /** A short-lived token for one participant (a pseudonym) in one round. */
  issue(input: { participant: string; tenant: string; round: string; ttlSeconds: number }): Promise<string> {
    return new SignJWT({ roles: ['voter'], tenant: input.tenant, round: input.round })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(input.participant)
      .setIssuer(VOTER_ISSUER)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(`${input.ttlSeconds}s`)
      .sign(this.privateKey);
  }

  /** Verifies a voter token: voter role only, bound to a round. */
  async verify(token: string): Promise<Principal> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, {
        issuer: VOTER_ISSUER,
        audience: this.audience,
        algorithms: ['ES256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (_error) {
      throw new InvalidTokenError('The bearer token is invalid or expired');
    }
    const roles = payload.roles;
    if (!Array.isArray(roles) || roles.length !== 1 || roles[0] !== 'voter' || typeof payload.round !== 'string' || typeof payload.tenant !== 'string' || !CBS_MUNICIPALITY_CODE.test(payload.tenant)) {
      throw new InvalidTokenError('A voter token carries the voter role for one round, nothing else');
    }
    return { subject: payload.sub!, roles: ['voter'], tenant: payload.tenant, round: payload.round };
  }
}
