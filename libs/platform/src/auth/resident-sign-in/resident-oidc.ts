import { hkdfSync, timingSafeEqual } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import * as oidc from 'openid-client';
import type { AppConfig } from '../../config/app-config.js';
import { ageBandOf, type ResidentIdentity, residentPseudonym, residentPseudonymKey } from '../resident-tokens.js';

/** Why a resident's sign-in failed: each has its own code (docs/security.md). */
export type ResidentSignInFailure =
  | 'NOT_CONFIGURED'
  | 'NO_SIGN_IN_STARTED'
  | 'STATE_MISMATCH'
  | 'PROVIDER_REFUSED'
  | 'TOKEN_REJECTED'
  | 'PROVIDER_UNAVAILABLE';

export class ResidentSignInError extends Error {
  constructor(
    readonly failure: ResidentSignInFailure,
    message: string,
    /** The library's error code, for the log only (never a claim or a token). */
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** The cookie that binds a sign-in to the browser that started it (state, nonce, PKCE verifier), encrypted, 10 minutes. */
export const LOGIN_COOKIE = 'ib_resident_login';
export const LOGIN_COOKIE_TTL_SECONDS = 10 * 60;

interface LoginState {
  state: string;
  nonce: string;
  verifier: string;
}

interface Settings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  scopes: string;
  tenant: string;
  areaClaim?: string;
  birthdateClaim?: string;
  ageBands: string;
  insecure: boolean;
}

/**
 * The api as relying party of the residents' OIDC provider (openid-client): authorization code
 * flow with PKCE (S256), state and nonce, the ID token verified by the provider's JWKS (issuer,
 * audience, expiry, nonce), the `iss` of the authorization response checked (RFC 9207). What
 * comes out is a pseudonym, a municipality, an area code and an age band, never a name or a BSN.
 */
export class ResidentOidc {
  private discovered?: Promise<oidc.Configuration>;

  private constructor(
    private readonly settings: Settings,
    private readonly pseudonymKey: Buffer,
    private readonly cookieKey: Uint8Array,
  ) {}

  /** Null when no residents' provider is configured (residents then sign in with a voting code only). */
  static async fromConfig(config: AppConfig): Promise<ResidentOidc | null> {
    if (!config.RESIDENT_AUTH_ISSUER) return null;
    const pseudonymKey = await residentPseudonymKey(config);
    const cookieKey = new Uint8Array(hkdfSync('sha256', pseudonymKey, Buffer.alloc(0), 'inwonersbudget resident login cookie', 32));
    return new ResidentOidc(
      {
        issuer: config.RESIDENT_AUTH_ISSUER,
        clientId: config.RESIDENT_AUTH_CLIENT_ID!,
        clientSecret: config.RESIDENT_AUTH_CLIENT_SECRET,
        redirectUri: config.RESIDENT_AUTH_REDIRECT_URI!,
        scopes: config.RESIDENT_AUTH_SCOPES,
        tenant: config.RESIDENT_AUTH_TENANT!,
        areaClaim: config.RESIDENT_AUTH_AREA_CLAIM,
        birthdateClaim: config.RESIDENT_AUTH_BIRTHDATE_CLAIM,
        ageBands: config.RESIDENT_AGE_BANDS,
        insecure: config.NODE_ENV !== 'production' && config.RESIDENT_AUTH_ISSUER.startsWith('http:'),
      },
      pseudonymKey,
      cookieKey,
    );
  }

  /** The municipality this provider speaks for. */
  get tenant(): string {
    return this.settings.tenant;
  }

  /** Whether the login cookie must be `Secure` (the redirect comes back over https). */
  get secureCookie(): boolean {
    return this.settings.redirectUri.startsWith('https:');
  }

  /** Discovery once per process; a failed discovery is tried again on the next sign-in. */
  private configuration(): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret === undefined ? {} : { client_secret: this.settings.clientSecret },
        this.settings.clientSecret ? oidc.ClientSecretBasic(this.settings.clientSecret) : oidc.None(),
        { execute: this.settings.insecure ? [oidc.allowInsecureRequests] : [], timeout: 5 },
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw new ResidentSignInError('PROVIDER_UNAVAILABLE', 'The residents\' sign-in provider cannot be reached; try again in a minute', codeOf(error));
      });
    return this.discovered;
  }

  /** 1. A new sign-in: the provider's authorization URL, and the encrypted cookie that remembers its state, nonce and verifier. */
  async begin(): Promise<{ authorizationUrl: string; cookie: string }> {
    const configuration = await this.configuration();
    const login: LoginState = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      state: login.state,
      nonce: login.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(login.verifier),
      code_challenge_method: 'S256',
    });
    const cookie = await new EncryptJWT({ ...login }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).setIssuedAt().setExpirationTime(`${LOGIN_COOKIE_TTL_SECONDS}s`).encrypt(this.cookieKey);
    return { authorizationUrl: url.href, cookie };
  }

  /** 2. The provider sent the browser back: check state, exchange the code (PKCE), verify the ID token and its nonce, derive the identity. */
  async complete(query: URLSearchParams, cookie: string | undefined, now: Date): Promise<ResidentIdentity> {
    const login = await this.loginOf(cookie);
    const state = query.get('state') ?? '';
    if (!sameString(state, login.state)) throw new ResidentSignInError('STATE_MISMATCH', 'This answer of the sign-in provider belongs to another sign-in; start again');
    const configuration = await this.configuration();
    const callback = new URL(this.settings.redirectUri);
    callback.search = query.toString();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callback, { pkceCodeVerifier: login.verifier, expectedState: login.state, expectedNonce: login.nonce, idTokenExpected: true }, { redirect_uri: this.settings.redirectUri });
      claims = { ...tokens.claims()! };
      if (this.needsUserInfo(claims) && tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
        claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub as string)), ...claims };
      }
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError) throw new ResidentSignInError('PROVIDER_REFUSED', 'The sign-in provider did not sign you in (cancelled or refused)', error.error);
      if (error instanceof TypeError) throw new ResidentSignInError('PROVIDER_UNAVAILABLE', 'The residents\' sign-in provider cannot be reached; try again in a minute', codeOf(error));
      throw new ResidentSignInError('TOKEN_REJECTED', 'The sign-in provider\'s answer was not accepted; start again', codeOf(error));
    }
    return this.identityOf(claims, now);
  }

  private needsUserInfo(claims: Record<string, unknown>): boolean {
    return [this.settings.areaClaim, this.settings.birthdateClaim].some((name) => name !== undefined && claims[name] === undefined);
  }

  /** The pseudonym, and only what eligibility needs: the area code as given, the birth date reduced to its band. */
  private identityOf(claims: Record<string, unknown>, now: Date): ResidentIdentity {
    const identity: ResidentIdentity = { pseudonym: residentPseudonym(this.pseudonymKey, this.settings.tenant, this.settings.issuer, String(claims.sub)), tenant: this.settings.tenant };
    const area = this.settings.areaClaim === undefined ? undefined : claims[this.settings.areaClaim];
    if (typeof area === 'string' && /^[A-Za-z0-9._-]{1,40}$/.test(area)) identity.area = area;
    const band = this.settings.birthdateClaim === undefined ? null : ageBandOf(claims[this.settings.birthdateClaim], now, this.settings.ageBands);
    if (band !== null) identity.ageBand = band;
    return identity;
  }

  private async loginOf(cookie: string | undefined): Promise<LoginState> {
    if (!cookie) throw new ResidentSignInError('NO_SIGN_IN_STARTED', 'No sign-in was started in this browser, or it took longer than 10 minutes; start again');
    try {
      const { payload } = await jwtDecrypt(cookie, this.cookieKey, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'], requiredClaims: ['exp'] });
      if (typeof payload.state === 'string' && typeof payload.nonce === 'string' && typeof payload.verifier === 'string') return { state: payload.state, nonce: payload.nonce, verifier: payload.verifier };
    } catch (_error) {
      // Tampered, expired or from another key: the same as none.
    }
    throw new ResidentSignInError('NO_SIGN_IN_STARTED', 'No sign-in was started in this browser, or it took longer than 10 minutes; start again');
  }
}

function sameString(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

function codeOf(error: unknown): string | undefined {
  if (error && typeof error === 'object') {
    const { code, error: oauthError, name } = error as { code?: unknown; error?: unknown; name?: unknown };
    for (const value of [oauthError, code, name]) if (typeof value === 'string') return value;
  }
  return undefined;
}
