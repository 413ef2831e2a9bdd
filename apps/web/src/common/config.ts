/** What the server tells a front end at load time: injected into index.html as JSON (no endpoint of its own). */
export interface FrontEndConfig {
  /** The municipality's name, as shown in the header. */
  municipality: string;
  /** The tenant (CBS code, e.g. GM0363) of this installation. */
  tenant: string;
  /** Staff sign-in at the municipality's OIDC provider (authorization code with PKCE, public client); null: none configured. */
  staffSignIn: { issuer: string; clientId: string; audience: string; scopes: string } | null;
  /** Development only: staff may paste a token from `npm run token` (never in production). */
  developmentTokens: boolean;
  /** Residents can sign in at the municipality's provider for residents (GET /resident-sessions/oidc). */
  residentSignIn: boolean;
}

const fallback: FrontEndConfig = { municipality: 'Gemeente', tenant: '', staffSignIn: null, developmentTokens: false, residentSignIn: false };

export function frontEndConfig(): FrontEndConfig {
  const element = document.getElementById('ib-config');
  if (!element?.textContent) return fallback;
  return { ...fallback, ...(JSON.parse(element.textContent) as Partial<FrontEndConfig>) };
}
