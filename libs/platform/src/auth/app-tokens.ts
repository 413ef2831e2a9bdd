import { createPublicKey } from 'node:crypto';
import { type CryptoKey, importJWK, importPKCS8, importSPKI, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '../config/app-config.js';
import { InvalidTokenError, lifetimeChecks, localSigningKey, requireBoundedLifetime } from './token-verifier.js';

/** The longest the app's own tokens (voters, residents: minutes, by design) may be valid. */
export const MAX_APP_TOKEN_LIFETIME_SECONDS = 3600;

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

/** Who a token the app signs itself is for, under which issuer, and for how long. */
export interface AppTokenHeader {
  subject: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** Signs `claims` with the app's own key (ES256) for one subject, under one issuer, for `ttlSeconds`. */
export function signAppToken(privateKey: CryptoKey, claims: Record<string, unknown>, header: AppTokenHeader): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(header.subject)
    .setIssuer(header.issuer)
    .setAudience(header.audience)
    .setIssuedAt()
    .setExpirationTime(`${header.ttlSeconds}s`)
    .sign(privateKey);
}

/**
 * Verifies the signature, issuer, audience and expiry of a token the app signed itself and that it
 * names a subject; any failure is one InvalidTokenError that says no more. What the claims must
 * hold beyond that is for each kind of token to check.
 */
export async function verifyAppToken(token: string, publicKey: CryptoKey, issuer: string, audience: string): Promise<JWTPayload & { sub: string }> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer,
      audience,
      algorithms: ['ES256'],
      ...lifetimeChecks(MAX_APP_TOKEN_LIFETIME_SECONDS),
    });
    requireBoundedLifetime(payload, MAX_APP_TOKEN_LIFETIME_SECONDS);
    return payload as JWTPayload & { sub: string };
  } catch (_error) {
    throw new InvalidTokenError('The bearer token is invalid or expired');
  }
}
