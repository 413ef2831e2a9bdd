import * as oauth from 'oauth4webapi';
import { frontEndConfig } from '../common/config';
import { STAFF, tokens } from '../common/session';

/**
 * Staff sign-in at the municipality's OIDC provider: authorization code with PKCE, as a public client
 * (oauth4webapi). The access token (audience: the api) is the bearer the back office sends; it is
 * kept in sessionStorage only. The provider's ID token is not kept.
 */
const PENDING = 'ib.staff.pending';
export const CALLBACK_PATH = '/beheer/aanmelden/terug';

function settings() {
  const staff = frontEndConfig().staffSignIn;
  if (!staff) throw new Error('No staff provider configured');
  return staff;
}

async function discover(): Promise<{ as: oauth.AuthorizationServer; client: oauth.Client }> {
  const staff = settings();
  const issuer = new URL(staff.issuer);
  const options = issuer.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options });
  const as = await oauth.processDiscoveryResponse(issuer, response);
  return { as, client: { client_id: staff.clientId } };
}

const redirectUri = () => new URL(CALLBACK_PATH, window.location.origin).href;

/** Sends the browser to the provider; `back` is where the back office returns to afterwards. */
export async function beginStaffSignIn(back: string): Promise<void> {
  const staff = settings();
  const { as } = await discover();
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  window.sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, back }));
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: staff.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: staff.scopes,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    resource: staff.audience,
  }).toString();
  window.location.assign(url.href);
}

/** Finishes the sign-in on the callback page: the access token is stored; answers where to go next. */
export async function finishStaffSignIn(current: URL): Promise<string> {
  const staff = settings();
  const pending = JSON.parse(window.sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string; back: string } | null;
  window.sessionStorage.removeItem(PENDING);
  if (!pending) throw new Error('NO_PENDING_SIGN_IN');
  const { as, client } = await discover();
  const params = oauth.validateAuthResponse(as, client, current, pending.state);
  const options = new URL(staff.issuer).protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri(), pending.verifier, { additionalParameters: { resource: staff.audience }, ...options });
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, { requireIdToken: false });
  tokens.set(STAFF, result.access_token, result.expires_in ?? 300);
  return pending.back || '/';
}

export function signOutStaff(): void {
  tokens.clear(STAFF);
}

/** The roles and tenant in the staff token (read for display only: the api checks the token). */
export function staffClaims(): { roles: string[]; tenant: string | null; sub: string | null } {
  const token = tokens.get(STAFF);
  if (!token) return { roles: [], tenant: null, sub: null };
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const roles = Array.isArray(payload.roles) ? (payload.roles as string[]) : typeof payload.role === 'string' ? [payload.role] : [];
    return { roles, tenant: typeof payload.tenant === 'string' ? payload.tenant : null, sub: typeof payload.sub === 'string' ? payload.sub : null };
  } catch {
    return { roles: [], tenant: null, sub: null };
  }
}
