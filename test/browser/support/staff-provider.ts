import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { jest } from '@jest/globals';
import { exportJWK, generateKeyPair } from 'jose';

/** A civil servant at the municipality's provider: the roles and the municipality the access token states. */
export type StaffAccounts = Record<string, { roles: string[]; tenant: string }>;

export interface StaffProviderOptions {
  accounts: StaffAccounts;
  clientId: string;
  redirectUri: string;
  audience: string;
}

export interface RunningStaffProvider {
  issuer: string;
  jwksUrl: string;
  /** Starts answering as the provider: the back office's redirect URI is known only once the api listens, after it was given the issuer. */
  configure(options: StaffProviderOptions): Promise<void>;
  close(): Promise<void>;
}

/** The resource server's own scope: the back office asks for it beside `openid`. */
export const STAFF_API_SCOPE = 'inwonersbudget';

/**
 * The municipality's staff provider, a real `oidc-provider` on a random loopback port, as the back office
 * meets it: a public client (no secret, PKCE) whose only redirect is the back office's callback, CORS for
 * the browser's token request (the redirect's origin), and resource indicators that give a JWT access
 * token for `audience` carrying the account's `roles` and `tenant` (extraTokenClaims). Its development
 * login page takes any password; the login names the account.
 */
export async function openStaffProvider(): Promise<RunningStaffProvider> {
  const server: Server = createServer();
  let handler: ((request: IncomingMessage, response: ServerResponse) => void) | null = null;
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (handler) return handler(request, response);
    response.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    configure: async (options) => {
      handler = await providerCallback(issuer, options);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function providerCallback(issuer: string, options: StaffProviderOptions): Promise<(request: IncomingMessage, response: ServerResponse) => void> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  // The provider warns about its quick-start parts (memory adapter, development login pages): meant for tests like this one.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { default: Provider } = await import('oidc-provider');
  const configuration = {
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'staff-key' }] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    clients: [
      {
        client_id: options.clientId,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      },
    ],
    claims: { openid: ['sub'] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource !== options.audience) throw new Error(`Unknown resource ${resource}`);
          return { scope: STAFF_API_SCOPE, audience: options.audience, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    async extraTokenClaims(_ctx: unknown, token: { accountId?: string }) {
      const account = token.accountId ? options.accounts[token.accountId] : undefined;
      return account ? { roles: account.roles, tenant: account.tenant } : undefined;
    },
    async findAccount(_ctx: unknown, id: string) {
      if (!options.accounts[id]) return undefined;
      return { accountId: id, claims: async () => ({ sub: id }) };
    },
  };
  const provider = new Provider(issuer, configuration as never);
  warn.mockRestore();
  return provider.callback();
}
