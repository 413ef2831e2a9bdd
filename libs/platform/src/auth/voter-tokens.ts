import type { CryptoKey } from 'jose';
import type { AppConfig } from '../config/app-config.js';
import { appTokenKeys, signAppToken, verifyAppToken } from './app-tokens.js';
import { InvalidTokenError } from './token-verifier.js';
import { CBS_MUNICIPALITY_CODE, type Principal } from './principal.js';

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
  issue(input: { participant: string; tenant: string; round: string; ttlSeconds: number; signedInWith?: 'voting-code' | 'oidc' }): Promise<string> {
    return signAppToken(
      this.privateKey,
      { roles: ['voter'], tenant: input.tenant, round: input.round, ...(input.signedInWith === 'oidc' ? { signed_in_with: 'oidc' } : {}) },
      { subject: input.participant, issuer: VOTER_ISSUER, audience: this.audience, ttlSeconds: input.ttlSeconds },
    );
  }

  /** Verifies a voter token: voter role only, bound to a round. */
  async verify(token: string): Promise<Principal> {
    const payload = await verifyAppToken(token, this.publicKey, VOTER_ISSUER, this.audience);
    const roles = payload.roles;
    if (!Array.isArray(roles) || roles.length !== 1 || roles[0] !== 'voter' || typeof payload.round !== 'string' || typeof payload.tenant !== 'string' || !CBS_MUNICIPALITY_CODE.test(payload.tenant)) {
      throw new InvalidTokenError('A voter token carries the voter role for one round, nothing else');
    }
    const signedInWith = payload.signed_in_with === 'oidc' ? 'oidc' : 'voting-code';
    return { subject: payload.sub, roles: ['voter'], tenant: payload.tenant, round: payload.round, signedInWith };
  }
}
