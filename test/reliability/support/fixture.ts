/**
 * What every fault test starts from: a private PostgreSQL cluster (never the shared server, which
 * other test files use in parallel), the real api as a child process on it, and signed tokens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresEventStore, type EventStore } from '@lib/event-store';
import { issueLocalToken, type Role } from '@lib/platform';
import { freePort, type PgCluster, startPgCluster } from '../../support/pg-cluster.js';
import { type AppProcess, startApiProcess } from './app-process.js';
import { type BallotRound, openBallotRound, seedBallotRound, voterSessions } from './ballot-workload.js';

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

/** A round open for voting on the fixture's api, with one voter token per voter. */
export async function openVoting(fixture: Fixture, voters: number): Promise<{ round: BallotRound; tokens: string[] }> {
  const store = await createPostgresEventStore({ connectionString: fixture.cluster.url, poolSize: 2 });
  try {
    return await openVotingAt({ store, apiUrl: fixture.api.url, token: fixture.token }, voters);
  } finally {
    await store.close();
  }
}

/**
 * A round open for voting through the api at `apiUrl` (one process, or a proxy in front of several),
 * its budget and plans given in `store`: the round, its codes, a voter token per signed-in code.
 */
export async function openVotingAt(
  target: { store: EventStore; apiUrl: string; token: Fixture['token'] },
  voters: number,
  /** How many of the codes sign in (the first ones); default all. */
  signedIn = voters,
): Promise<{ round: BallotRound; codes: string[]; tokens: string[] }> {
  const round = await seedBallotRound(target.store);
  const codes = await openBallotRound(target.apiUrl, await target.token('administrator'), round, voters);
  const tokens = await voterSessions(target.apiUrl, round.roundId, codes.slice(0, signedIn), 8);
  return { round, codes, tokens };
}

/** Every ballot stream of the round with its events: [stream, event types, content of the first]. */
export async function ballotStreams(sql: pg.Pool, roundId: string): Promise<{ stream_id: string; types: string[]; revisions: number[]; choice: string }[]> {
  const { rows } = await sql.query<{ stream_id: string; types: string[]; revisions: number[]; choice: string }>(
    `SELECT stream_id, array_agg(event_type ORDER BY revision) AS types, array_agg(revision::int ORDER BY revision) AS revisions,
            min(data->'content'->'choices'->>0) AS choice
       FROM event_store.events WHERE stream_id LIKE $1 GROUP BY stream_id`,
    [`Ballot-${roundId}_%`],
  );
  return rows;
}
