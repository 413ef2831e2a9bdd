/**
 * The voting peak (issue #10): commands over HTTP against the real api (a child process running
 * apps/api/src/main.ts) with 1, 16 and 64 concurrent clients, beside the raw single-event append
 * rate (SqlEventStore.append, a new stream with `no_stream` each, as a first ballot is) at the same
 * concurrency in the same run; then a fixed offered load (BENCH_RATE, default 1,000 requests/s)
 * for its p99. On PostgreSQL (a scratch database on DATABASE_URL's server, dropped afterwards)
 * and in embedded mode (PGlite in a temporary DATA_DIR).
 *
 * Usage: npm run bench:ballots
 *   DATABASE_URL   default postgres://postgres@127.0.0.1:5432/test (only its server is used)
 *   BENCH_SECONDS  per measurement, default 5
 *   BENCH_MODES    postgres,pglite (default both)
 *   BENCH_RATE     offered load of the fixed-rate run, default 1000
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPgliteDriver, createPgPoolDriver, createSqlEventStore, type NewEvent, type SqlEventStore } from '../libs/event-store/src/index.js';
import { issueLocalToken } from '../libs/platform/src/auth/token-verifier.js';
import { freePort } from '../test/support/pg-cluster.js';
import { type AppProcess, startApiProcess } from '../test/reliability/support/app-process.js';
import { chooseWorkload, type Workload } from '../test/reliability/support/workload.js';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const modes = (process.env.BENCH_MODES ?? 'postgres,pglite').split(',').map((m) => m.trim());
const offeredRate = Number(process.env.BENCH_RATE ?? 1000);
const CONCURRENCY = [1, 16, 64] as const;

/** The part of autocannon 9 used here (the package ships no types). */
interface AutocannonRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}
interface AutocannonResult {
  '2xx': number;
  '5xx': number;
  errors: number;
  timeouts: number;
  duration: number;
  latency: { p50: number; p99: number };
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannonModule: string = 'autocannon';
const autocannon = ((await import(autocannonModule)) as { default: Autocannon }).default;
/** The api's own pool (libs/platform open-database.ts); the raw appends get the same. */
const POOL_SIZE = 20;

interface HttpFigures {
  clients: number;
  ok: number;
  refused: number;
  errors: number;
  rate: number;
  p50: number;
  p99: number;
}

interface ModeFigures {
  mode: string;
  workload: string;
  http: HttpFigures[];
  raw: Map<number, number>;
  fixed?: HttpFigures & { offered: number };
  lag?: string;
}

function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drives `clients` connections for `seconds` (or at `overallRate`), each request built by the workload. */
async function drive(api: { url: string }, workload: Workload, clients: number, overallRate?: number): Promise<HttpFigures> {
  let refusedBodies = 0;
  const result = await autocannon({
    url: api.url,
    connections: clients,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (request: AutocannonRequest) => {
          const next = workload.next();
          return { ...request, path: next.path, body: JSON.stringify(next.body), headers: { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${next.token}` } };
        },
        onResponse: (status: number) => {
          if (status >= 400 && status < 500) refusedBodies++;
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    clients,
    ok,
    refused: refusedBodies,
    errors: result.errors + result.timeouts + result['5xx'],
    rate: ok / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** The raw append rate: `clients` loops each appending one event to a fresh stream with `no_stream`. */
async function rawAppends(store: SqlEventStore, clients: number, sample: () => NewEvent): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let appends = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        await store.append(`BenchRaw-${randomUUID()}`, [sample()], { expectedRevision: 'no_stream' });
        appends++;
      }
    }),
  );
  return appends / ((performance.now() - started) / 1000);
}

async function runMode(mode: string): Promise<ModeFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), `bench-ballots-${mode}-`));
  const scratch = `bench_ballots_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const admin = mode === 'postgres' ? new pg.Pool({ connectionString: serverUrl, max: 1 }) : undefined;
  let api: (AppProcess & { url: string }) | undefined;
  let rawStore: SqlEventStore | undefined;
  let rawClose: (() => Promise<void>) | undefined;
  try {
    const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };
    if (admin) {
      await admin.query(`CREATE DATABASE ${scratch}`);
      env.DATABASE_URL = databaseUrl(serverUrl, scratch);
    }
    api = await startApiProcess(env, await freePort());
    const token = (role: 'administrator' | 'voter', subject: string, extra: { round?: string } = {}) =>
      issueLocalToken(dataDir, { subject, roles: [role], tenant: 'GM0363', audience: 'inwonersbudget', ttlSeconds: 3600, ...extra });
    const workload = await chooseWorkload({ url: api.url, token });
    // Enough distinct voters / requests for every measurement (the fastest plausible rate × time × runs).
    await workload.prepare(Math.ceil(4000 * seconds * (CONCURRENCY.length + 2)));

    // The raw store: PostgreSQL in its own schema of the same scratch database, PGlite in memory (a
    // PGlite directory opens in one process only); same pool size as the api.
    if (admin) {
      const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: POOL_SIZE });
      pool.on('error', () => undefined);
      rawStore = await createSqlEventStore(createPgPoolDriver(pool, { ownsPool: true }), { schema: 'bench_raw' });
      rawClose = () => rawStore!.close();
    } else {
      const { PGlite } = await import('@electric-sql/pglite');
      const pglite = await PGlite.create('memory://');
      rawStore = await createSqlEventStore(createPgliteDriver(pglite), { schema: 'bench_raw' });
      rawClose = async () => {
        await rawStore!.close();
        await pglite.close();
      };
    }

    // Warm-up: connections, JIT, plans.
    await drive(api, workload, 16).catch(() => undefined);
    await rawAppends(rawStore, 16, workload.sampleEvent);

    const figures: ModeFigures = { mode, workload: workload.name, http: [], raw: new Map() };
    for (const clients of CONCURRENCY) {
      const http = await drive(api, workload, clients);
      const raw = await rawAppends(rawStore, clients, workload.sampleEvent);
      figures.http.push(http);
      figures.raw.set(clients, raw);
      console.log(
        `${mode.padEnd(8)} ${String(clients).padStart(2)} clients: ${workload.unit} ${http.rate.toFixed(0).padStart(5)}/s (p50 ${http.p50} ms, p99 ${http.p99} ms, ` +
          `${http.refused} refused, ${http.errors} errors)  raw appends ${raw.toFixed(0).padStart(5)}/s  ratio ${(http.rate / raw).toFixed(2)}`,
      );
    }
    const fixed = await drive(api, workload, 64, offeredRate);
    figures.fixed = { ...fixed, offered: offeredRate };
    console.log(`${mode.padEnd(8)} offered ${offeredRate}/s over 64 connections: ${fixed.rate.toFixed(0)}/s answered 2xx, p50 ${fixed.p50} ms, p99 ${fixed.p99} ms, ${fixed.errors} errors`);
    figures.lag = await workload.projectionLag?.();
    await workload.verify?.();
    return figures;
  } finally {
    await rawClose?.().catch(() => undefined);
    if (api) {
      const exit = await api.terminate(30_000).catch((error: unknown) => error);
      if (!(typeof exit === 'object' && exit !== null && 'code' in exit && exit.code === 0)) console.error(`api did not stop cleanly: ${String(exit instanceof Error ? exit.message : JSON.stringify(exit))}`);
    }
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).catch((error: unknown) => console.error(`could not drop ${scratch}:`, error));
      await admin.end();
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
  const version = modes.includes('postgres') ? (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version : 'n/a';
  await admin.end();
  console.log(`${new Date().toISOString()}  Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, PostgreSQL ${version}, ${seconds} s per measurement`);
  const all: ModeFigures[] = [];
  for (const mode of modes) all.push(await runMode(mode));

  console.log('\nSummary');
  for (const figures of all) {
    const at16 = figures.http.find((h) => h.clients === 16)!;
    const ratio = at16.rate / figures.raw.get(16)!;
    console.log(`${figures.mode}: workload ${figures.workload}; 16 clients at ${(ratio * 100).toFixed(0)}% of raw appends (target ≥ 70%): ${ratio >= 0.7 ? 'MET' : 'NOT MET'}`);
    if (figures.fixed) {
      const met = figures.fixed.p99 < 50 && figures.fixed.rate >= figures.fixed.offered * 0.95;
      console.log(`${figures.mode}: p99 at ${figures.fixed.offered}/s offered: ${figures.fixed.p99} ms, ${figures.fixed.rate.toFixed(0)}/s answered (target p99 < 50 ms): ${met ? 'MET' : 'NOT MET'}`);
    }
    if (figures.lag) console.log(`${figures.mode}: projection lag: ${figures.lag}`);
  }
}

await main();
