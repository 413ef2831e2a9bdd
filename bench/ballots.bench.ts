/**
 * The voting peak (issues #10, #21): commands over HTTP against the real api (a child process) with
 * 1, 16 and 64 concurrent clients, beside the raw single-event append rate (SqlEventStore.append, a new
 * stream with `no_stream` each, as a first ballot is) at the same concurrency in the same run; then a
 * fixed offered load (BENCH_RATE, default 250 requests/s) for its p99; and GET /health/live at 16
 * clients, the HTTP stack's own ceiling with no database work. At 16 clients also: the machine's busy
 * CPU per ballot (projector included), the database transactions per ballot, and the peak resident set
 * of the api and the projector. On PostgreSQL (a scratch database on DATABASE_URL's server, dropped
 * afterwards) and in embedded mode (PGlite in a temporary DATA_DIR). The Summary prints each target of
 * issue #21 with its figure and MET / NOT MET.
 *
 * Usage: npm run bench:ballots
 *   DATABASE_URL   default postgres://postgres@127.0.0.1:5432/test (only its server is used)
 *   BENCH_QUICK    1: a fast check (2 s per measurement, 6,000 voters, PostgreSQL only)
 *   BENCH_SECONDS  per measurement, default 5 (2 with BENCH_QUICK)
 *   BENCH_MODES    postgres,pglite (default both; postgres with BENCH_QUICK)
 *   BENCH_VOTERS   voters signed in before the measurements
 *   BENCH_RATE     offered load of the fixed-rate run, default 250
 *   BENCH_BUILT    1: run the built apps (`npx nest build api && npx nest build projector` first) instead of the sources through the transpiler
 *   BENCH_RESTART  0: keep the api and projector that did the set-up (default: restart them, so the set-up's garbage is not measured)
 *   BENCH_PROJECTOR 0: PostgreSQL without the projector process (what projecting costs)
 *   BENCH_CPU_PROF <dir>: a V8 CPU profile of the api (written when it stops)
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { createPostgresEventStore, createPgliteDriver, createSqlEventStore, type NewEvent, type SqlEventStore } from '../libs/event-store/src/index.js';
import { sampleBallotEvent } from '../test/reliability/support/ballot-workload.js';
import { autocannon, type BallotStack, databaseUrl, drive, paced, type HttpFigures, type Mode, peakMemory, startBallotStack, workloadOf } from './support/ballot-stack.js';

const quick = process.env.BENCH_QUICK === '1';
const built = process.env.BENCH_BUILT === '1';
const restart = process.env.BENCH_RESTART !== '0';
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 5));
const modes = (process.env.BENCH_MODES ?? (quick ? 'postgres' : 'postgres,pglite')).split(',').map((m) => m.trim()) as Mode[];
const offeredRate = Number(process.env.BENCH_RATE ?? 250);
/** Voters (codes, sessions): enough for every measurement at the rates seen here. */
const voters = Number(process.env.BENCH_VOTERS ?? (quick ? 6000 : Math.ceil(400 * seconds * 5)));
const CONCURRENCY = [1, 16, 64] as const;
/** The api's own pool (libs/platform open-database.ts); the raw appends get the same. */
const POOL_SIZE = 20;

/** Issue #21's targets. */
const TARGET = {
  cpuPerBallotMs: 2.5,
  ratioToRaw: 0.25,
  ratioToBare: 0.5,
  p99Ms: 50,
  transactionsPerBallot: 2,
  rssMb: 300,
};

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
  /** Peak resident set (MB) of each app process during the 16-client ballot run. */
  peaks?: Map<string, number>;
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

/**
 * The scratch database's name while a PostgreSQL mode runs: PostgreSQL's CPU is counted over its
 * background processes and the backends connected to this database, not those of other databases on
 * the same server (other work on a shared machine), which count under "other".
 */
let benchDatabase: string | undefined;

/** A postgres process this benchmark's work runs in: a background process, or a backend of the scratch database ("postgres: user database host(port) state"). */
function ownPostgres(pid: string): boolean {
  if (!benchDatabase) return true;
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    if (!title.startsWith('postgres: ')) return true; // the postmaster
    const words = title.slice('postgres: '.length).split(' ');
    if (words[0]?.endsWith(':')) words.shift(); // cluster_name ("15/main:")
    // Background processes: "walwriter", "checkpointer", "autovacuum launcher", …; client backends have user, database, host(port).
    return words.length < 3 || !/\(\d+\)$|^\[local\]$/.test(words[2] ?? '') || words[1] === benchDatabase || words[1] === `${benchDatabase}_raw`;
  } catch {
    return false;
  }
}

/** The machine's busy CPU time, the given processes' own, and PostgreSQL's (its background processes and the scratch database's backends). */
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
      if (own?.name === 'postgres' && ownPostgres(entry)) postgres.set(entry, own.seconds);
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

/** How the apps ran (printed in the Summary). */
let appsUsed: string | undefined;

async function runMode(mode: Mode): Promise<ModeFigures> {
  let stack: BallotStack | undefined;
  let rawStore: SqlEventStore | undefined;
  let rawClose: (() => Promise<void>) | undefined;
  let lagPool: pg.Pool | undefined;
  try {
    // BENCH_PROJECTOR=0: without the projector, to see what it costs (lag figures are then meaningless).
    stack = await startBallotStack({
      mode,
      serverUrl,
      voters,
      built,
      projector: process.env.BENCH_PROJECTOR !== '0',
      // BENCH_API_NODE_ARGS: Node flags for the api (e.g. "--max-semi-space-size=32"), to try a setting.
      apiNodeArgs: [...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
      restartAfterSetup: restart,
      log: (line) => console.log(line),
    });
    const { round, queue } = stack;
    const tokens = queue.tokens;
    const workload = workloadOf(queue);
    const api = stack.api;
    const projector = stack.projector;
    const signIns = stack.signIns;
    appsUsed = stack.apps;
    benchDatabase = stack.databaseUrl ? new URL(stack.databaseUrl).pathname.slice(1) : undefined;

    // The raw store: PostgreSQL in a scratch database of its own (its transactions stay out of the count
    // of the api's database, whose statistics idle connections flush up to 10 s late), PGlite in memory
    // (a PGlite directory opens in one process only); same pool size as the api.
    if (stack.databaseUrl) {
      const rawDatabase = `${benchDatabase!}_raw`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${rawDatabase}`).finally(() => admin.end());
      rawStore = await createPostgresEventStore({ connectionString: databaseUrl(serverUrl, rawDatabase), schema: 'bench_raw', poolSize: POOL_SIZE });
      rawClose = async () => {
        await rawStore!.close();
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${rawDatabase} WITH (FORCE)`).finally(() => dropper.end());
      };
      lagPool = new pg.Pool({ connectionString: stack.databaseUrl, max: 1 });
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
    await drive(api, workload, 16, 1);
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
      const processes = { api: api.pid, projector: projector?.pid, 'bench process': process.pid };
      const run = () => metered(async () => (http = await drive(api, workload, clients, seconds)).rate, processes);
      let ballots: Awaited<ReturnType<typeof run>>;
      if (clients === 16) {
        const measured = await peakMemory({ api: api.pid, projector: projector?.pid }, run);
        ballots = measured.result;
        figures.peaks = measured.peaks;
        console.log(
          `${mode.padEnd(8)} 16 clients: peak RSS ${[...measured.peaks].map(([name, mb]) => `${name} ${mb.toFixed(0)} MB`).join(', ') || 'not readable (no /proc)'} ` +
            `(VmHWM reset before the run, and VmRSS sampled every 100 ms; ${stack.apps})`,
        );
      } else {
        ballots = await run();
      }
      if (clients === 16 && lagPool) {
        figures.transactionsPerBallot = (await transactions() - before) / Math.max(1, http.ok);
        console.log(`${mode.padEnd(8)} 16 clients: ${figures.transactionsPerBallot.toFixed(2)} database transactions per ballot (all connections of the api's database: api, projector, lag sampling; the raw appends have a database of their own)`);
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
    const bare = await metered(() => httpCeiling(api, 16), { api: api.pid, 'bench process': process.pid });
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
    const fixed = await paced(api, workload, 64, seconds, offeredRate);
    figures.fixed = { ...fixed, offered: offeredRate };
    console.log(`${mode.padEnd(8)} offered ${offeredRate}/s, evenly spaced, over at most 64 connections: ${fixed.rate.toFixed(0)}/s answered 2xx, p50 ${fixed.p50} ms, p99 ${fixed.p99} ms, ${fixed.refused} refused, ${fixed.errors} errors`);
    if (queue.used > tokens.length) console.log(`${mode.padEnd(8)} note: ${queue.used - tokens.length} requests reused a voter (409s); raise BENCH_VOTERS`);
    if (lag) figures.lag = await lag.finish();
    return figures;
  } finally {
    await rawClose?.().catch(() => undefined);
    await lagPool?.end().catch(() => undefined);
    await stack?.close();
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
  console.log(
    `${new Date().toISOString()}  Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, PostgreSQL ${version}, ${seconds} s per measurement, ${voters} voters, ` +
      `apps ${built ? 'built (dist/)' : 'from the TypeScript sources'}${restart ? ', restarted after the set-up' : ''}; load average before: ${loadavg().map((n) => n.toFixed(1)).join(' ')}`,
  );
  const all: ModeFigures[] = [];
  for (const mode of modes) all.push(await runMode(mode));

  console.log(`load average after: ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);

  console.log(`\nSummary (issue #21 targets; apps: ${appsUsed ?? 'n/a'}; ${seconds} s per measurement${quick ? ', BENCH_QUICK' : ''})`);
  const verdict = (met: boolean | undefined) => (met === undefined ? 'n/a' : met ? 'MET' : 'NOT MET');
  for (const figures of all) {
    const m = figures.mode.padEnd(8);
    const at16 = figures.http.find((h) => h.clients === 16)!;
    const raw16 = figures.raw.get(16)!;
    const cpu = figures.cpu?.ballot.machine;
    const includes = figures.mode === 'postgres' ? (process.env.BENCH_PROJECTOR === '0' ? 'WITHOUT the projector' : 'projector included') : 'projections in the api';
    console.log(`${m} machine CPU per ballot at 16 clients (${includes}): ${cpu === undefined ? 'n/a (no /proc)' : `${cpu.toFixed(2)} ms`} (target ≤ ${TARGET.cpuPerBallotMs} ms): ${verdict(cpu === undefined ? undefined : cpu <= TARGET.cpuPerBallotMs)}`);
    if (figures.cpu) {
      // On a shared machine the machine's figure includes other work ("other"); this benchmark's own processes alone are a lower bound.
      const own = [...figures.cpu.ballot.parts.values()].reduce((sum, ms) => sum + ms, 0);
      console.log(`${m}   of which this benchmark's processes (${[...figures.cpu.ballot.parts.keys()].join(', ')}): ${own.toFixed(2)} ms; other work on the machine: ${(figures.cpu.ballot.machine - own).toFixed(2)} ms`);
    }
    const toRaw = at16.rate / raw16;
    console.log(`${m} ballots/s ÷ raw appends/s at 16 clients: ${at16.rate.toFixed(0)} / ${raw16.toFixed(0)} = ${toRaw.toFixed(2)} (target ≥ ${TARGET.ratioToRaw}): ${verdict(toRaw >= TARGET.ratioToRaw)}`);
    if (figures.ceiling) {
      const toBare = at16.rate / figures.ceiling;
      console.log(`${m} ballots/s ÷ GET /health/live/s at 16 clients: ${at16.rate.toFixed(0)} / ${figures.ceiling.toFixed(0)} = ${toBare.toFixed(2)} (target ≥ ${TARGET.ratioToBare}): ${verdict(toBare >= TARGET.ratioToBare)}`);
    }
    if (figures.fixed) {
      const { p99, rate, offered } = figures.fixed;
      const met = p99 < TARGET.p99Ms && rate >= offered * 0.95;
      console.log(`${m} p99 at ${offered}/s offered (evenly spaced, at most 64 connections): ${p99} ms, ${rate.toFixed(0)}/s answered (target p99 < ${TARGET.p99Ms} ms, ≥ 95% answered): ${verdict(met)}`);
    }
    const tx = figures.transactionsPerBallot;
    console.log(`${m} database transactions per ballot at 16 clients: ${tx === undefined ? 'n/a (PGlite has no pg_stat_database)' : tx.toFixed(2)} (target ≤ ${TARGET.transactionsPerBallot}): ${verdict(tx === undefined ? undefined : tx <= TARGET.transactionsPerBallot)}`);
    for (const app of figures.mode === 'postgres' ? ['api', 'projector'] : ['api']) {
      const peak = figures.peaks?.get(app);
      console.log(`${m} peak RSS of the ${app} process during the 16-client run: ${peak === undefined ? 'n/a' : `${peak.toFixed(0)} MB`} (target < ${TARGET.rssMb} MB): ${verdict(peak === undefined ? undefined : peak < TARGET.rssMb)}`);
    }
    if (figures.cpu?.bare && figures.mode === 'postgres') {
      // With every CPU busy (as they are at 16 clients on PostgreSQL), a request that does an append costs at least both.
      // Not for PGlite: it runs in one thread of the api, and the machine is not saturated.
      const rawCpu = figures.cpu.raw.machine;
      const bare = figures.cpu.bare.machine;
      console.log(
        `${m} (for comparison: a request that did nothing but one append would cost at least ${(rawCpu + bare).toFixed(2)} ms of CPU here, ` +
          `${bare.toFixed(2)} for the bare request and ${rawCpu.toFixed(2)} for the raw append)`,
      );
    }
    if (figures.lag) console.log(`${m} projection lag: ${figures.lag}`);
  }
}

await main();
