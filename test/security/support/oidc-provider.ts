import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { jest } from '@jest/globals';
import { exportJWK, generateKeyPair } from 'jose';

/** A person at the provider: the subject and the claims it gives about them. */
export type Accounts = Record<string, Record<string, unknown>>;

export interface TestClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
}

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (`oidc-provider`) on a random loopback port, with its development
 * login and consent pages (any password; the login names the account).
 * `idTokenClaims`: the scope's claims in the ID token itself (a staff provider's roles), otherwise
 * only at userinfo, as the standard has it for the code flow.
 */
export async function startProvider(options: { accounts: Accounts; clients: TestClient[]; claims: Record<string, string[]>; idTokenClaims?: boolean }): Promise<RunningProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  // The provider warns about its quick-start parts (memory adapter, development login pages): meant for tests like this one.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { default: Provider } = await import('oidc-provider');
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-key' }] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    clients: options.clients.map((client) => ({
      ...client,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: client.client_secret ? 'client_secret_basic' : 'none',
    })),
    claims: { openid: ['sub'], ...options.claims },
    conformIdTokenClaims: options.idTokenClaims !== true,
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const claims = options.accounts[id];
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
  });
  warn.mockRestore();
  server.on('request', provider.callback());
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A browser's cookie jar, just enough for the provider's own cookies. */
class Jar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, index).trim(), pair!.slice(index + 1).trim()];
      const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * A resident in a browser at the provider: follows its redirects, signs in as `account`, consents,
 * and stops at the redirect to `redirectUri` (the front end's page), whose URL it returns. With
 * `abort`, cancels at the login page instead.
 */
export async function signInAtProvider(authorizationUrl: string, account: string, redirectUri: string, options: { abort?: boolean } = {}): Promise<URL> {
  const jar = new Jar();
  let url = new URL(authorizationUrl);
  for (let step = 0; step < 20; step++) {
    if (url.href.startsWith(redirectUri)) return url;
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url);
      continue;
    }
    const page = await response.text();
    if (response.status !== 200) throw new Error(`The provider answered ${response.status} at ${url.pathname}: ${page.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    const action = /action="([^"]+)"/.exec(page)?.[1];
    if (!prompt || !action) throw new Error(`No login or consent form at ${url.pathname}`);
    if (options.abort) {
      url = new URL(`${action}/abort`, url);
      continue;
    }
    const form: Record<string, string> = prompt === 'login' ? { prompt, login: account, password: 'anything' } : { prompt };
    const submitted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    jar.take(submitted);
    url = new URL(submitted.headers.get('location')!, url);
  }
  throw new Error('The provider never sent the browser back');
}

/** Signs `account` in at a provider for a client of the test's own and exchanges the code: the provider's raw ID token. */
export async function idTokenOf(issuer: string, client: Required<TestClient>, account: string, scope = 'openid'): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const authorization = new URL(`${issuer}/auth`);
  authorization.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: client.redirect_uris[0]!,
    response_type: 'code',
    scope,
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const back = await signInAtProvider(authorization.href, account, client.redirect_uris[0]!);
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: client.redirect_uris[0]!, code_verifier: verifier }).toString(),
  });
  const body = (await response.json()) as { id_token?: string };
  if (!body.id_token) throw new Error(`No ID token: ${JSON.stringify(body)}`);
  return body.id_token;
}

/** The front end's page the residents' provider sends the browser back to; it forwards the answer to the api's callback. */
export const FRONT_END_RETURN = 'http://localhost:5173/aanmelden/terug';

/** The api's client at the residents' provider (confidential: it has a secret). */
export const RESIDENTS_CLIENT = { client_id: 'inwonersbudget', client_secret: 'residents-client-secret-0123456789', redirect_uris: [FRONT_END_RETURN] } satisfies Required<TestClient>;

/**
 * The api's settings for residents signing in at `provider` as RESIDENTS_CLIENT: scopes `openid
 * profile wijk`, every resident of `tenant`, the area from the `wijkcode` claim, pseudonyms under `pseudonymKey`.
 */
export function residentAuthEnv(provider: RunningProvider, pseudonymKey: string, tenant: string): Record<string, string> {
  return {
    RESIDENT_AUTH_ISSUER: provider.issuer,
    RESIDENT_AUTH_CLIENT_ID: RESIDENTS_CLIENT.client_id,
    RESIDENT_AUTH_CLIENT_SECRET: RESIDENTS_CLIENT.client_secret,
    RESIDENT_AUTH_REDIRECT_URI: FRONT_END_RETURN,
    RESIDENT_AUTH_SCOPES: 'openid profile wijk',
    RESIDENT_AUTH_TENANT: tenant,
    RESIDENT_AUTH_AREA_CLAIM: 'wijkcode',
    RESIDENT_PSEUDONYM_KEY: pseudonymKey,
  };
}

/** The Set-Cookie of the login cookie the api sets when a sign-in starts, or undefined without one. */
export function loginCookieOf(headers: Headers): string | undefined {
  return headers.getSetCookie().find((c) => c.startsWith('ib_resident_login='));
}
