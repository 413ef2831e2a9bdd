/**
 * Several processes, one election: N api processes (default 3) behind a round-robin proxy and M
 * projector processes (default 2), all the real entry points as child processes on one private
 * PostgreSQL cluster and one DATA_DIR (the signing keys and round keys a shared volume would hold).
 * Every process connects with its own application_name (PGAPPNAME), so pg_locks tells which one
 * holds a projection's or a reactor's advisory lock.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { issueLocalToken, type Role } from '@lib/platform';
import { ALL_PROJECTIONS, READ_MODEL_SCHEMA } from '@lib/projections';
import { freePort, type PgCluster, startPgCluster } from '../../support/pg-cluster.js';
import { type AppExit, type AppProcess, spawnApp, startApiProcess } from './app-process.js';
import { TENANT } from './ballot-workload.js';
import { eventually } from './load.js';
import { type RoundRobinProxy, startRoundRobinProxy } from './proxy.js';

export interface Member {
  /** `api-1`…, `projector-1`…: its PGAPPNAME and the proxy's `X-Upstream`. */
  name: string;
  kind: 'api' | 'projector';
  /** The api's port (kept across restarts, so the proxy finds it again). */
  port: number;
  process: AppProcess;
  /** False after a kill or SIGTERM, until `restart`. */
  up: boolean;
}

export interface Cluster {
  pg: PgCluster;
  /** Direct SQL on the cluster (checks, locks). */
  sql: pg.Pool;
  dataDir: string;
  /** What every process gets (DATABASE_URL, DATA_DIR, …). */
  env: Record<string, string>;
  apis: Member[];
  projectors: Member[];
  proxy: RoundRobinProxy;
  /** The proxy's URL: where clients go. */
  url: string;
  token(role: Role | Role[], subject?: string, extra?: { round?: string }): Promise<string>;
  /** SIGKILL, and wait for the exit. */
  kill9(member: Member): Promise<AppExit>;
  /** SIGTERM, and wait for the exit. */
  terminate(member: Member): Promise<AppExit>;
  /** Starts a stopped member again (an api on its old port) and waits until it is ready. */
  restart(member: Member): Promise<Member>;
  /** Which member holds each granted advisory lock whose key is one of `keys` (key → member name). */
  lockHolders(keys: readonly string[]): Promise<Map<string, string>>;
  /** Which member holds each projection's lock (projection name → member name; absent: nobody). */
  projectionLockHolders(): Promise<Map<string, string>>;
  /** Which member holds the reactor's lock, if any. */
  reactorLockHolder(reactor: string): Promise<string | undefined>;
  /** Waits until one member holds every projection's lock and answers its name. */
  projectionsHeldByOne(timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

export interface ClusterOptions {
  apis?: number;
  projectors?: number;
  env?: Record<string, string>;
}

/** The advisory-lock key of a projection (libs/platform runner-lock: `<kind>:<schema>:<name>`). */
export const projectionLockKey = (projection: string) => `projection:${READ_MODEL_SCHEMA}:${projection}`;
export const reactorLockKey = (reactor: string) => `reactor:${READ_MODEL_SCHEMA}:${reactor}`;

/**
 * Starts the database, the api processes (at once: their migrations queue on an advisory lock), the
 * proxy, and the projectors one after another: the first takes every projection's lock before the
 * next starts, so the others are standbys.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const pgCluster = await startPgCluster({ settings: { max_connections: '200' } });
  const dataDir = await mkdtemp(join(tmpdir(), 'reliability-cluster-'));
  const sql = new pg.Pool({ connectionString: pgCluster.url, max: 4 });
  sql.on('error', () => undefined);
  const env = { DATABASE_URL: pgCluster.url, DATA_DIR: dataDir, EVENTSTORE_DEADLINE_MS: '2000', ...options.env };
  const apis: Member[] = [];
  const projectors: Member[] = [];

  const launch = async (member: Member): Promise<Member> => {
    const own = { ...env, PGAPPNAME: member.name };
    if (member.kind === 'api') {
      member.process = await startApiProcess(own, member.port);
    } else {
      member.process = spawnApp('projector', { ...own, LOG_LEVEL: 'warn' });
      await member.process.waitFor(/projector \(\w+ mode\) running/);
    }
    member.up = true;
    return member;
  };

  const lockHolders = async (keys: readonly string[]): Promise<Map<string, string>> => {
    // An advisory lock on a bigint key shows in pg_locks as classid (high 32 bits) and objid (low 32 bits), objsubid 1.
    const { rows } = await sql.query<{ key: string; holder: string }>(
      `SELECT k.key, a.application_name AS holder
         FROM unnest($1::text[]) AS k(key)
         JOIN pg_locks l ON l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                        AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtext(k.key)::bigint
         JOIN pg_stat_activity a ON a.pid = l.pid`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, r.holder]));
  };

  const cluster: Cluster = {
    pg: pgCluster,
    sql,
    dataDir,
    env,
    apis,
    projectors,
    proxy: undefined as unknown as RoundRobinProxy,
    url: '',
    token: (role, subject = 'staff-1', extra = {}) =>
      issueLocalToken(dataDir, { subject, roles: Array.isArray(role) ? role : [role], tenant: TENANT, audience: 'inwonersbudget', ttlSeconds: 3600, ...extra }),
    async kill9(member) {
      member.up = false;
      return member.process.kill9();
    },
    async terminate(member) {
      member.up = false;
      return member.process.terminate();
    },
    restart: (member) => launch(member),
    lockHolders,
    async projectionLockHolders() {
      const held = await lockHolders(ALL_PROJECTIONS.map((p) => projectionLockKey(p.name)));
      const byProjection = new Map<string, string>();
      for (const p of ALL_PROJECTIONS) {
        const holder = held.get(projectionLockKey(p.name));
        if (holder) byProjection.set(p.name, holder);
      }
      return byProjection;
    },
    async reactorLockHolder(reactor) {
      return (await lockHolders([reactorLockKey(reactor)])).get(reactorLockKey(reactor));
    },
    projectionsHeldByOne: (timeoutMs = 60_000) =>
      eventually(
        'one process holding every projection lock',
        async () => {
          const held = await cluster.projectionLockHolders();
          const holders = new Set(held.values());
          return held.size === ALL_PROJECTIONS.length && holders.size === 1 ? [...holders][0] : undefined;
        },
        timeoutMs,
        100,
      ),
    async close() {
      await Promise.all([...apis, ...projectors].map((m) => m.process?.kill9().catch(() => undefined)));
      await cluster.proxy?.close();
      // The database goes first: its stop cuts every connection, so ending the pool cannot wait on one.
      await pgCluster.destroy();
      await sql.end().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };

  try {
    for (let i = 1; i <= (options.apis ?? 3); i++) apis.push({ name: `api-${i}`, kind: 'api', port: await freePort(), process: undefined as unknown as AppProcess, up: false });
    await Promise.all(apis.map(launch));
    cluster.proxy = await startRoundRobinProxy(() => apis.map((m) => ({ name: m.name, port: m.port })));
    cluster.url = cluster.proxy.url;
    for (let i = 1; i <= (options.projectors ?? 2); i++) {
      const member = await launch({ name: `projector-${i}`, kind: 'projector', port: 0, process: undefined as unknown as AppProcess, up: false });
      projectors.push(member);
      if (i === 1) await cluster.projectionsHeldByOne();
    }
  } catch (error) {
    await cluster.close();
    throw error;
  }
  return cluster;
}
