/**
 * What every fault test starts from: a private PostgreSQL cluster (never the shared server, which
 * other test files use in parallel), the real api as a child process on it, and signed tokens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { issueLocalToken, type Role } from '@lib/platform';
import { freePort, type PgCluster, startPgCluster } from '../../support/pg-cluster.js';
import { type AppProcess, startApiProcess } from './app-process.js';

export const TENANT = 'GM0363';

export interface Fixture {
  cluster: PgCluster;
  /** Direct SQL on the cluster (checks, locks). */
  sql: pg.Pool;
  dataDir: string;
  env: Record<string, string>;
  api: AppProcess & { url: string };
  /** Starts the api again (after a kill) on a fresh port. */
  restartApi(): Promise<AppProcess & { url: string }>;
  token(role: Role | Role[], subject?: string, extra?: { round?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startFixture(extraEnv: Record<string, string> = {}): Promise<Fixture> {
  const cluster = await startPgCluster();
  const dataDir = await mkdtemp(join(tmpdir(), 'reliability-'));
  const sql = new pg.Pool({ connectionString: cluster.url, max: 4 });
  sql.on('error', () => undefined);
  const env = { DATABASE_URL: cluster.url, DATA_DIR: dataDir, EVENTSTORE_DEADLINE_MS: '2000', ...extraEnv };
  const fixture: Fixture = {
    cluster,
    sql,
    dataDir,
    env,
    api: undefined as unknown as Fixture['api'],
    async restartApi() {
      fixture.api = await startApiProcess(env, await freePort());
      return fixture.api;
    },
    token: (role, subject = 'staff-1', extra = {}) =>
      issueLocalToken(dataDir, { subject, roles: Array.isArray(role) ? role : [role], tenant: TENANT, audience: 'inwonersbudget', ttlSeconds: 3600, ...extra }),
    async close() {
      await fixture.api?.kill9().catch(() => undefined);
      // The cluster goes first: its stop cuts every connection, so ending the pool cannot wait on one.
      await cluster.destroy();
      await sql.end().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await fixture.restartApi();
  } catch (error) {
    await fixture.close();
    throw error;
  }
  return fixture;
}

/** Rows of one event type in the event store (schema `event_store`, the api's default). */
export async function eventsOfType(sql: pg.Pool, type: string): Promise<{ stream_id: string; event_id: string; data: Record<string, unknown> }[]> {
  const { rows } = await sql.query<{ stream_id: string; event_id: string; data: Record<string, unknown> }>(
    'SELECT stream_id, event_id::text AS event_id, data FROM event_store.events WHERE event_type = $1 ORDER BY global_position',
    [type],
  );
  return rows;
}
