import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CryptoKey } from 'jose';
import type { AppConfig } from '../config/app-config.js';
import { readOrCreateFile } from '../fs/atomic-file.js';
import { appTokenKeys, signAppToken, verifyAppToken } from './app-tokens.js';
import { CBS_MUNICIPALITY_CODE, type Principal } from './principal.js';
import { InvalidTokenError } from './token-verifier.js';

/** Issuer of resident tokens: the app signs them after the residents' provider signed the resident in. */
export const RESIDENT_ISSUER = 'urn:inwonersbudget:resident';

/** A resident token lives 15 minutes: long enough to vote or submit a plan, short enough not to need revoking. */
export const RESIDENT_TOKEN_TTL_SECONDS = 15 * 60;

/**
 * The resident's pseudonym: HMAC-SHA-256 under RESIDENT_PSEUDONYM_KEY of the municipality, the
 * provider's issuer and its subject. The same person at the same provider is the same pseudonym in
 * this municipality and another one elsewhere; without the key it cannot be computed or reversed.
 */
export function residentPseudonym(key: Buffer, tenant: string, issuer: string, subject: string): string {
  return createHmac('sha256', key).update('resident').update('\0').update(tenant).update('\0').update(issuer).update('\0').update(subject).digest('hex');
}

/** Length of the pseudonym key made in embedded mode. */
const PSEUDONYM_KEY_BYTES = 32;

/**
 * The pseudonym key: RESIDENT_PSEUDONYM_KEY, or in embedded mode one made once in DATA_DIR (never
 * committed). Processes started together on a new directory all get the one that was made first; a
 * key file that is not a key is refused, never used: another key would give every resident another
 * pseudonym, and with it a second vote.
 */
export async function residentPseudonymKey(config: AppConfig): Promise<Buffer> {
  if (config.RESIDENT_PSEUDONYM_KEY) return Buffer.from(config.RESIDENT_PSEUDONYM_KEY, 'utf8');
  const file = join(config.DATA_DIR, 'auth', 'resident-pseudonym.key');
  const text = await readOrCreateFile(file, () => randomBytes(PSEUDONYM_KEY_BYTES).toString('base64'));
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== PSEUDONYM_KEY_BYTES || key.toString('base64') !== text.trim()) {
    throw new Error(`${file} is not a pseudonym key (${text.length} bytes): set RESIDENT_PSEUDONYM_KEY, or restore the file; a new key gives every resident a new pseudonym`);
  }
  return key;
}

/**
 * The age band of a birth date (`YYYY-MM-DD`) on a day, among `bands` (`0-11,…,75+`); null for a
 * date that is not one. Only the band leaves this function: the birth date is never kept.
 */
export function ageBandOf(birthdate: unknown, on: Date, bands: string): string | null {
  if (typeof birthdate !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthdate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const born = new Date(Date.UTC(year, month - 1, day));
  if (born.getUTCFullYear() !== year || born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day || born > on) return null;
  const birthdayPassed = on.getUTCMonth() > month - 1 || (on.getUTCMonth() === month - 1 && on.getUTCDate() >= day);
  const age = on.getUTCFullYear() - year - (birthdayPassed ? 0 : 1);
  for (const band of bands.split(',')) {
    const from = Number(/^\d+/.exec(band)![0]);
    const to = band.endsWith('+') ? Number.POSITIVE_INFINITY : Number(band.split('-')[1]);
    if (age >= from && age <= to) return band;
  }
  return null;
}

/** What a resident token says: the pseudonym, the municipality, and what eligibility needs. */
export interface ResidentIdentity {
  pseudonym: string;
  tenant: string;
  area?: string;
  ageBand?: string;
}

/**
 * The app's resident tokens: role `resident` only, a municipality, the pseudonym as subject and
 * at most an area code and an age band. Signed with the app's own key under their own issuer, so
 * neither the staff provider's tokens nor voter tokens pass for one.
 */
export class ResidentTokens {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly audience: string,
  ) {}

  static async fromConfig(config: AppConfig): Promise<ResidentTokens> {
    const { privateKey, publicKey } = await appTokenKeys(config);
    return new ResidentTokens(privateKey, publicKey, config.AUTH_AUDIENCE);
  }

  /** A short-lived token for one resident. */
  issue(identity: ResidentIdentity, ttlSeconds = RESIDENT_TOKEN_TTL_SECONDS): Promise<string> {
    const claims: Record<string, unknown> = { roles: ['resident'], tenant: identity.tenant };
    if (identity.area !== undefined) claims.area = identity.area;
    if (identity.ageBand !== undefined) claims.age_band = identity.ageBand;
    return signAppToken(this.privateKey, claims, { subject: identity.pseudonym, issuer: RESIDENT_ISSUER, audience: this.audience, ttlSeconds });
  }

  /** Verifies a resident token: the resident role and nothing else, a municipality, a pseudonym. */
  async verify(token: string): Promise<Principal> {
    const payload = await verifyAppToken(token, this.publicKey, RESIDENT_ISSUER, this.audience);
    const { roles, tenant, area, age_band: ageBand } = payload;
    if (!Array.isArray(roles) || roles.length !== 1 || roles[0] !== 'resident' || typeof tenant !== 'string' || !CBS_MUNICIPALITY_CODE.test(tenant) || payload.round !== undefined) {
      throw new InvalidTokenError('A resident token carries the resident role and a municipality, nothing else');
    }
    const principal: Principal = { subject: payload.sub, roles: ['resident'], tenant };
    if (typeof area === 'string') principal.area = area;
    if (typeof ageBand === 'string') principal.ageBand = ageBand;
    return principal;
  }
}
