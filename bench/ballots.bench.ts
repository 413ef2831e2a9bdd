/**
 * The voting peak (issue #10): commands over HTTP against the real api (a child process running
 * apps/api/src/main.ts) with 1, 16 and 64 concurrent clients, beside the raw single-event append
 * rate (SqlEventStore.append, a new stream with `no_stream` each, as a first ballot is) at the same
 * concurrency in the same run; then a fixed offered load (BENCH_RATE, default 1,000 requests/s)
 * for its p99; and GET /health/live at 16 clients, the HTTP stack's own ceiling with no database work,
 * beside the same raw rate. On PostgreSQL (a scratch database on DATABASE_URL's server, dropped afterwards)
 * and in embedded mode (PGlite in a temporary DATA_DIR).
 *
 * Usage: npm run bench:ballots
 *   DATABASE_URL   default postgres://postgres@127.0.0.1:5432/test (only its server is used)
 *   BENCH_SECONDS  per measurement, default 5
 *   BENCH_MODES    postgres,pglite (default both)
 *   BENCH_RATE     offered load of the fixed-rate run, default 1000
 *   BENCH_PROJECTOR 0: PostgreSQL without the projector process (what projecting costs)
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPgliteDriver, createPostgresEventStore, createSqlEventStore, type NewEvent, type SqlEventStore } from '../libs/event-store/src/index.js';
import { issueLocalToken } from '../libs/platform/src/auth/token-verifier.js';
import { freePort } from '../test/support/pg-cluster.js';
import { type AppProcess, spawnApp, startApiProcess } from '../test/reliability/support/app-process.js';
import { type BallotRound, ballotRequest, openBallotRound, sampleBallotEvent, seedBallotRound, TENANT, voterSessions } from '../test/reliability/support/ballot-workload.js';
import type { LoadRequest } from '../test/reliability/support/load.js';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const modes = (process.env.BENCH_MODES ?? 'postgres,pglite').split(',').map((m) => m.trim());
const offeredRate = Number(process.env.BENCH_RATE ?? 1000);
/** Voters (codes, sessions): enough for every measurement at the rates seen here. */
const voters = Number(process.env.BENCH_VOTERS ?? Math.ceil(400 * seconds * 5));
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

interface Workload {
  next(): LoadRequest;
}

interface ModeFigures {
  mode: string;
  signIns: number;
  http: HttpFigures[];
  raw: Map<number, number>;
  fixed?: HttpFigures & { offered: number };
  /** GET /health/live at 16 clients: what the api's HTTP stack answers with no database work at all. */
  ceiling?: number;
  /** Busy CPU time of the whole machine per operation at 16 clients (ms), where /proc/stat can be read. */
  cpu?: { ballot: CpuPerOperation; raw: CpuPerOperation; bare?: CpuPerOperation };
  lag?: string;
  transactionsPerBallot?: number;
}

function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drives `clients` connections for `seconds` (or at `overallRate`), each request built by the workload. */
async function drive(api: { url: string }, workload: Workload, clients: number, overallRate?: number, duration = seconds): Promise<HttpFigures> {
  let refusedBodies = 0;
  const result = await autocannon({
    url: api.url,
    connections: clients,
    duration,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (request: AutocannonRequest) => {
          const next = workload.next();
          return { ...request, path: next.path, body: JSON.stringify(next.body), headers: { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${next.token!}` } };
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
    rate: ok / (result.duration || duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Busy CPU seconds of the whole machine, of named processes, and of each PostgreSQL process, from Linux's /proc; undefined elsewhere. */
interface CpuReading {
  machine: number;
  parts: Map<string, number>;
  postgres: Map<string, number>;
}

/** Clock ticks of /proc/stat and /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

function processCpuSeconds(pid: number | string): { name: string; seconds: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid … utime stime: the fields after the name start at "state" (field 3).
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS };
  } catch {
    return undefined;
  }
}

/** The machine's busy CPU time, the given processes' own, and PostgreSQL's (every process named postgres). */
function readCpu(processes: Record<string, number | undefined>): CpuReading | undefined {
  try {
    // cpu  user nice system idle iowait irq softirq steal …
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const parts = new Map<string, number>();
    for (const [part, pid] of Object.entries(processes)) {
      const own = pid === undefined ? undefined : processCpuSeconds(pid);
      if (own) parts.set(part, own.seconds);
    }
    const postgres = new Map<string, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const own = processCpuSeconds(entry);
      if (own?.name === 'postgres') postgres.set(entry, own.seconds);
    }
    return { machine: (user! + nice! + system! + irq! + softirq! + steal!) / TICKS, parts, postgres };
  } catch {
    return undefined;
  }
}

/** CPU ms per operation: the machine's and, by part, what each part used (a PostgreSQL process that ended meanwhile counts only under the machine). */
interface CpuPerOperation {
  machine: number;
  parts: Map<string, number>;
}

/** Runs `work` (which returns operations/s) and adds the busy CPU ms per operation it caused, on the machine and by process. */
async function metered(work: () => Promise<number>, processes: Record<string, number | undefined> = {}): Promise<{ rate: number; cpu?: CpuPerOperation }> {
  const before = readCpu(processes);
  const started = performance.now();
  const rate = await work();
  const after = readCpu(processes);
  const operations = rate * ((performance.now() - started) / 1000);
  if (!before || !after || operations === 0) return { rate };
  const perOperation = (seconds: number) => (seconds * 1000) / operations;
  const parts = new Map<string, number>();
  for (const [part, seconds] of after.parts) {
    const was = before.parts.get(part);
    if (was !== undefined) parts.set(part, perOperation(seconds - was));
  }
  // Per process: backends come and go (pools open and close connections), so only what each one used in between counts.
  let postgres = 0;
  for (const [pid, seconds] of after.postgres) postgres += seconds - (before.postgres.get(pid) ?? 0);
  parts.set('PostgreSQL', perOperation(postgres));
  return { rate, cpu: { machine: perOperation(after.machine - before.machine), parts } };
}

/** "6.12 ms (api 2.13, …, other 0.42); machine 87% busy" for operations at `rate` per second. */
function describeCpu(cpu: CpuPerOperation, rate: number): string {
  const parts = [...cpu.parts].map(([part, ms]) => `${part} ${ms.toFixed(2)}`);
  const other = cpu.machine - [...cpu.parts.values()].reduce((sum, ms) => sum + ms, 0);
  const busy = (cpu.machine * rate) / 1000 / cpus().length;
  return `${cpu.machine.toFixed(2)} ms (${[...parts, `other ${other.toFixed(2)}`].join(', ')}); machine ${(busy * 100).toFixed(0)}% busy`;
}

/** Requests/s of a GET that does no database work (the liveness probe): the HTTP stack's own ceiling here. */
async function httpCeiling(api: { url: string }, clients: number): Promise<number> {
  const result = await autocannon({ url: `${api.url}/health/live`, connections: clients, duration: seconds });
  return result['2xx'] / (result.duration || seconds);
}

/** The raw append rate: `clients` loops each appending one event to a fresh stream with `no_stream`. */
async function rawAppends(store: SqlEventStore, clients: number, sample: () => NewEvent, duration = seconds): Promise<number> {
  const deadline = performance.now() + duration * 1000;
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

interface BallotQueue {
  round: BallotRound;
  tokens: string[];
  used: number;
}

function workloadOf(queue: BallotQueue): Workload {
  return {
    next: () => {
      const i = queue.used++;
      // Out of fresh voters: reuse a token (answered 409 BALLOT.ALREADY_CAST and counted as refused).
      return ballotRequest(queue.round, queue.tokens[i % queue.tokens.length]!, i);
    },
  };
}

async function runMode(mode: string): Promise<ModeFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), `bench-ballots-${mode}-`));
  const scratch = `bench_ballots_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const admin = mode === 'postgres' ? new pg.Pool({ connectionString: serverUrl, max: 1 }) : undefined;
  let api: (AppProcess & { url: string }) | undefined;
  let projector: AppProcess | undefined;
  let rawStore: SqlEventStore | undefined;
  let rawClose: (() => Promise<void>) | undefined;
  let lagPool: pg.Pool | undefined;
  try {
    const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };
    // 1. The givens (budget, admitted plans), written before the api opens the database.
    let round: BallotRound;
    if (admin) {
      await admin.query(`CREATE DATABASE ${scratch}`);
      env.DATABASE_URL = databaseUrl(serverUrl, scratch);
      const store = await createPostgresEventStore({ connectionString: env.DATABASE_URL, poolSize: 2 });
      round = await seedBallotRound(store);
      await store.close();
    } else {
      const { PGlite } = await import('@electric-sql/pglite');
      const pglite = await PGlite.create(join(dataDir, 'pglite'));
      const store = await createSqlEventStore(createPgliteDriver(pglite));
      round = await seedBallotRound(store);
      await store.close();
      await pglite.close();
    }
    // 2. The api (and, on PostgreSQL, the projector beside it; embedded mode projects in the api).
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the api (written when it stops).
    api = await startApiProcess(env, await freePort(), process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []);
    // BENCH_PROJECTOR=0: without the projector, to see what it costs (lag figures are then meaningless).
    if (admin && process.env.BENCH_PROJECTOR !== '0') {
      projector = spawnApp('projector', { ...env, LOG_LEVEL: 'warn' });
      await projector.waitFor('projector (server mode) running');
    }
    const adminToken = await issueLocalToken(dataDir, { subject: 'staff-bench', roles: ['administrator'], tenant: TENANT, audience: 'inwonersbudget', ttlSeconds: 3600 });
    let started = performance.now();
    const codes = await openBallotRound(api.url, adminToken, round, voters);
    console.log(`${mode.padEnd(8)} setup: ${voters} voting codes printed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    const tokens = await voterSessions(api.url, round.roundId, codes, 16);
    const signIns = voters / ((performance.now() - started) / 1000);
    console.log(`${mode.padEnd(8)} setup: ${voters} voter sessions (sign-in with code, 16 clients) at ${signIns.toFixed(0)}/s`);
    const queue: BallotQueue = { round, tokens, used: 0 };
    const workload = workloadOf(queue);

    // The raw store: PostgreSQL in its own schema of the same scratch database, PGlite in memory (a
    // PGlite directory opens in one process only); same pool size as the api.
    if (admin) {
      rawStore = await createPostgresEventStore({ connectionString: env.DATABASE_URL!, schema: 'bench_raw', poolSize: POOL_SIZE });
      rawClose = () => rawStore!.close();
      lagPool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 });
    } else {
      const { PGlite } = await import('@electric-sql/pglite');
      const pglite = await PGlite.create('memory://');
      rawStore = await createSqlEventStore(createPgliteDriver(pglite), { schema: 'bench_raw' });
      rawClose = async () => {
        await rawStore!.close();
        await pglite.close();
      };
    }
    const sample = () => sampleBallotEvent(round);
    const lag = lagPool ? sampleLag(lagPool, round.roundId) : undefined;

    // Warm-up: connections, JIT, plans.
    await drive(api, workload, 16, undefined, 1);
    await rawAppends(rawStore, 16, sample, 1);

    const figures: ModeFigures = { mode, signIns, http: [], raw: new Map() };
    const transactions = async () => {
      if (!lagPool) return 0;
      await new Promise((resolve) => setTimeout(resolve, 1200)); // PostgreSQL 15 flushes its statistics about once a second
      const { rows } = await lagPool.query<{ n: string }>('SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = current_database()');
      return Number(rows[0]!.n);
    };
    for (const clients of CONCURRENCY) {
      const before = clients === 16 ? await transactions() : 0;
      let http!: HttpFigures;
      const processes = { api: api!.pid, projector: projector?.pid, 'bench process': process.pid };
      const ballots = await metered(async () => (http = await drive(api!, workload, clients)).rate, processes);
      if (clients === 16 && lagPool) {
        figures.transactionsPerBallot = (await transactions() - before) / Math.max(1, http.ok);
        console.log(`${mode.padEnd(8)} 16 clients: ${figures.transactionsPerBallot.toFixed(1)} database transactions per ballot (all connections of this database: api, projector, lag sampling)`);
      }
      const { rate: raw, cpu: rawCpu } = await metered(() => rawAppends(rawStore!, clients, sample), { 'bench process': process.pid });
      if (clients === 16 && ballots.cpu && rawCpu) figures.cpu = { ballot: ballots.cpu, raw: rawCpu };
      figures.http.push(http);
      figures.raw.set(clients, raw);
      console.log(
        `${mode.padEnd(8)} ${String(clients).padStart(2)} clients: ballots ${http.rate.toFixed(0).padStart(5)}/s (p50 ${http.p50} ms, p99 ${http.p99} ms, ` +
          `${http.refused} refused, ${http.errors} errors)  raw appends ${raw.toFixed(0).padStart(5)}/s  ratio ${(http.rate / raw).toFixed(2)}`,
      );
    }
    const bare = await metered(() => httpCeiling(api!, 16), { api: api.pid, 'bench process': process.pid });
    figures.ceiling = bare.rate;
    console.log(
      `${mode.padEnd(8)} 16 clients: GET /health/live (no database work) ${figures.ceiling.toFixed(0).padStart(5)}/s  ` +
        `ratio to raw appends ${(figures.ceiling / figures.raw.get(16)!).toFixed(2)}`,
    );
    if (figures.cpu && bare.cpu) {
      figures.cpu.bare = bare.cpu;
      console.log(`${mode.padEnd(8)} 16 clients: busy CPU per ballot ${describeCpu(figures.cpu.ballot, figures.http.find((h) => h.clients === 16)!.rate)}`);
      console.log(`${mode.padEnd(8)} 16 clients: busy CPU per raw append ${describeCpu(figures.cpu.raw, figures.raw.get(16)!)}`);
      console.log(`${mode.padEnd(8)} 16 clients: busy CPU per GET /health/live ${describeCpu(bare.cpu, bare.rate)}`);
    }
    const fixed = await drive(api, workload, 64, offeredRate);
    figures.fixed = { ...fixed, offered: offeredRate };
    console.log(`${mode.padEnd(8)} offered ${offeredRate}/s over 64 connections: ${fixed.rate.toFixed(0)}/s answered 2xx, p50 ${fixed.p50} ms, p99 ${fixed.p99} ms, ${fixed.refused} refused, ${fixed.errors} errors`);
    if (queue.used > tokens.length) console.log(`${mode.padEnd(8)} note: ${queue.used - tokens.length} requests reused a voter (409s); raise BENCH_VOTERS`);
    if (lag) figures.lag = await lag.finish();
    return figures;
  } finally {
    await rawClose?.().catch(() => undefined);
    await lagPool?.end().catch(() => undefined);
    for (const child of [projector, api]) {
      if (!child) continue;
      const exit = await child.terminate(30_000).catch((error: unknown) => error);
      if (!(typeof exit === 'object' && exit !== null && 'code' in exit && exit.code === 0)) console.error(`${child.name} did not stop cleanly: ${exit instanceof Error ? exit.message : JSON.stringify(exit)}`);
    }
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).catch((error: unknown) => console.error(`could not drop ${scratch}:`, error));
      await admin.end();
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Projection lag while the load runs: ballots in the store minus ballots in the live count (the
 * projector's read model), sampled every 250 ms; at the end, how long the projector took to catch up.
 */
function sampleLag(pool: pg.Pool, roundId: string): { finish(): Promise<string> } {
  let worst = 0;
  let samples = 0;
  let total = 0;
  let stopped = false;
  const behind = async () => {
    const { rows } = await pool.query<{ stored: number; projected: number }>(
      `SELECT (SELECT count(*)::int FROM event_store.events WHERE event_type = 'BallotCast' AND stream_id LIKE $1) AS stored,
              (SELECT coalesce(sum(ballots), 0)::int FROM read_model.live_count WHERE round_id = $2) AS projected`,
      [`Ballot-${roundId}_%`, roundId],
    );
    return rows[0]!.stored - rows[0]!.projected;
  };
  const loop = (async () => {
    while (!stopped) {
      const n = await behind().catch(() => 0);
      worst = Math.max(worst, n);
      total += n;
      samples++;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    async finish() {
      stopped = true;
      await loop;
      const started = performance.now();
      let left = await behind();
      while (left > 0 && performance.now() - started < 60_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        left = await behind();
      }
      return `mean ${(total / Math.max(1, samples)).toFixed(0)} ballots behind, worst ${worst}; caught up ${left === 0 ? `${((performance.now() - started) / 1000).toFixed(2)} s after the load stopped` : `NOT within 60 s (${left} behind)`}`;
    },
  };
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
    console.log(`${figures.mode}: ballots over HTTP; 16 clients at ${(ratio * 100).toFixed(0)}% of raw appends (target ≥ 70%): ${ratio >= 0.7 ? 'MET' : 'NOT MET'}`);
    if (figures.ceiling) {
      console.log(`${figures.mode}: the api's HTTP stack alone (GET /health/live, 16 clients) at ${((figures.ceiling / figures.raw.get(16)!) * 100).toFixed(0)}% of raw appends`);
    }
    if (figures.cpu?.bare && figures.mode === 'postgres') {
      // With every CPU busy (as they are at 16 clients on PostgreSQL), a request that does an append costs at least both.
      // Not for PGlite: it runs in one thread of the api, and the machine is not saturated.
      const raw = figures.cpu.raw.machine;
      const bare = figures.cpu.bare.machine;
      console.log(
        `${figures.mode}: CPU bound: a request that does nothing but one append costs at least ${(raw + bare).toFixed(2)} ms of CPU here, ` +
          `so it reaches at most ${((raw / (raw + bare)) * 100).toFixed(0)}% of the raw rate; a ballot costs ${figures.cpu.ballot.machine.toFixed(2)} ms`,
      );
    }
    if (figures.fixed) {
      const met = figures.fixed.p99 < 50 && figures.fixed.rate >= figures.fixed.offered * 0.95;
      console.log(`${figures.mode}: p99 at ${figures.fixed.offered}/s offered: ${figures.fixed.p99} ms, ${figures.fixed.rate.toFixed(0)}/s answered (target p99 < 50 ms): ${met ? 'MET' : 'NOT MET'}`);
    }
    if (figures.lag) console.log(`${figures.mode}: projection lag: ${figures.lag}`);
  }
}

await main();
