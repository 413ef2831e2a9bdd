import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { type Clock, type IdGenerator, issueLocalToken, loadConfig, type Role } from '@lib/platform';
import { createApiApp } from '../../apps/api/src/create-api-app.js';

export interface TestApi {
  app: INestApplication;
  /** Base URL of the running server on loopback (real HTTP). */
  url: string;
  store: EventStore;
  /** A signed bearer token for a role in a municipality. */
  token(role: Role | Role[], tenant?: string, subject?: string, extra?: { round?: string }): Promise<string>;
  close(): Promise<void>;
}

export const TENANT = 'GM0363';
export const OTHER_TENANT = 'GM0014';

/**
 * Starts the api on a random loopback port (or `port`, when a test must know it beforehand: a
 * provider's redirect URI) over the given store, with a throwaway signing key.
 */
export async function startTestApi(store: EventStore, options: { clock?: Clock; ids?: IdGenerator; env?: Record<string, string>; port?: number } = {}): Promise<TestApi> {
  const dataDir = await mkdtemp(join(tmpdir(), 'inwonersbudget-test-'));
  // The round clock runs only where a test drives it (ROUND_CLOCK_TICK_MS in `env`): elsewhere the test takes each step itself.
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ROUND_CLOCK_TICK_MS: '0', ...options.env });
  const app = await createApiApp({ config, eventStore: store, clock: options.clock, ids: options.ids, quiet: true });
  await app.listen(options.port ?? 0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    store,
    token: (role, tenant = TENANT, subject = 'staff-1', extra = {}) =>
      issueLocalToken(dataDir, { subject, roles: Array.isArray(role) ? role : [role], tenant, audience: config.AUTH_AUDIENCE, ttlSeconds: 600, ...extra }),
    close: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
