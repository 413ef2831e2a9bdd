/**
 * Soak (issue #21): the api and the projector on a scratch PostgreSQL database, ballots offered at a
 * steady rate (BENCH_SOAK_RATE, default 100/s, evenly spaced over at most 64 connections: paced()) for
 * BENCH_SOAK_SECONDS (default 600). Every 10 s: the resident set of the api and the projector, the
 * rate answered, the p99 of that slice and its errors. At the end: each process's RSS at the end
 * against its RSS after the first minute (target: within 10%), and the errors in all.
 *
 * The set-up (voting codes and one voter session per ballot, made through the api) leaves garbage in
 * the api's heap that V8 collects only at its next major collection, which would make the first
 * minute's figure say nothing about a process that serves ballots. So after the set-up the api and
 * the projector are stopped and started again (BENCH_RESTART=0 keeps them): the voter tokens are
 * signed with the key in DATA_DIR and the participants are in the store, so they stay valid.
 *
 * Usage: npm run bench:soak
 *   DATABASE_URL        default postgres://postgres@127.0.0.1:5432/test (only its server is used)
 *   BENCH_SOAK_SECONDS  default 600
 *   BENCH_SOAK_RATE     ballots/s offered, default 100
 *   BENCH_BUILT         1: the built apps (`npx nest build api && npx nest build projector` first)
 *   BENCH_RESTART       0: measure the processes that did the set-up
 *   BENCH_API_NODE_ARGS Node flags for the api (e.g. "--max-semi-space-size=32"), to try a setting
 */
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { type BallotStack, paced, readMemory, startBallotStack, workloadOf } from './support/ballot-stack.js';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const soakSeconds = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const rate = Number(process.env.BENCH_SOAK_RATE ?? 100);
const built = process.env.BENCH_BUILT === '1';
const restart = process.env.BENCH_RESTART !== '0';
const apiNodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const SLICE_SECONDS = 10;
const CONNECTIONS = 64;
/** The first minute is the reference: JIT, pools and caches are warm by then. */
const REFERENCE_SECONDS = 60;
/** Target: the RSS at the end within 10% of the RSS after the first minute. */
const TOLERANCE = 0.1;
/** A voter session lasts 15 minutes (VOTER_TOKEN_TTL_SECONDS); a voter whose token ran out is answered 401 and counted as refused. */
const VOTER_TOKEN_TTL_SECONDS = 15 * 60;

const mb = (n: number | undefined) => (n === undefined ? '?' : `${n.toFixed(0)} MB`);

async function main(): Promise<void> {
  const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  await admin.end();
  // One voter per ballot offered, and some to spare (autocannon may send a little more than the rate).
  const voters = Math.ceil(rate * soakSeconds * 1.05) + 500;
  console.log(
    `${new Date().toISOString()}  Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, PostgreSQL ${version}; ` +
      `soak of ${soakSeconds} s at ${rate} ballots/s offered over ${CONNECTIONS} connections, ${voters} voters` +
      `${apiNodeArgs.length ? `, api with ${apiNodeArgs.join(' ')}` : ''}; load average before: ${loadavg().map((n) => n.toFixed(1)).join(' ')}`,
  );
  let stack: BallotStack | undefined;
  try {
    const setupStarted = performance.now();
    stack = await startBallotStack({ mode: 'postgres', serverUrl, voters, built, projector: true, apiNodeArgs, restartAfterSetup: restart, log: (line) => console.log(line) });
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    console.log(`set-up ${setupSeconds.toFixed(0)} s; apps: ${stack.apps}; ${restart ? 'restarted after the set-up: the processes measured have served nothing but ballots' : 'NOT restarted after the set-up (BENCH_RESTART=0): their heaps still hold the set-up'}`);
    // Voter i signs in at i / signIns after the sign-ins start and votes at i / rate after the soak starts: the oldest token
    // used is the first voter's (all the sign-ins old) or the last one's (the whole soak old), plus the restart.
    const oldestToken = Math.max(voters / stack.signIns, soakSeconds) + 30;
    if (oldestToken > VOTER_TOKEN_TTL_SECONDS) {
      console.log(`note: some voters' tokens will be about ${oldestToken.toFixed(0)} s old at their turn, past their ${VOTER_TOKEN_TTL_SECONDS} s: answered 401 and counted as refused`);
    }
    const api = stack.api;
    const projector = stack.projector!;
    const workload = workloadOf(stack.queue);
    const start = { api: readMemory(api.pid), projector: readMemory(projector.pid) };
    console.log(`t=0 s  RSS api ${mb(start.api?.rss)}, projector ${mb(start.projector?.rss)}`);

    const started = performance.now();
    let reference: { api?: number; projector?: number } | undefined;
    // RSS every second: V8's heap grows between major collections and drops at each, so one reading
    // depends on where in that cycle it falls; the highest reading of a minute does not.
    const samples: { at: number; api?: number; projector?: number }[] = [];
    const sampler = setInterval(() => samples.push({ at: (performance.now() - started) / 1000, api: readMemory(api.pid)?.rss, projector: readMemory(projector.pid)?.rss }), 1000).unref();
    let errors = 0;
    let refused = 0;
    let ok = 0;
    let worstP99 = 0;
    let elapsed = 0;
    while (elapsed < soakSeconds) {
      const duration = Math.min(SLICE_SECONDS, soakSeconds - elapsed);
      const slice = await paced(api, workload, CONNECTIONS, duration, rate);
      elapsed = Math.round((performance.now() - started) / 1000);
      errors += slice.errors;
      refused += slice.refused;
      ok += slice.ok;
      worstP99 = Math.max(worstP99, slice.p99);
      const now = { api: readMemory(api.pid)?.rss, projector: readMemory(projector.pid)?.rss };
      if (!reference && elapsed >= REFERENCE_SECONDS) reference = now;
      const range = (app: 'api' | 'projector') => {
        const values = samples.filter((sample) => sample.at > elapsed - duration).map((sample) => sample[app] ?? 0);
        return values.length ? ` (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})` : '';
      };
      console.log(
        `t=${String(elapsed).padStart(4)} s  RSS api ${mb(now.api).padStart(6)}${range('api')}, projector ${mb(now.projector).padStart(6)}${range('projector')}  ` +
          `answered ${slice.rate.toFixed(1).padStart(5)}/s  p50 ${slice.p50} ms  p99 ${String(slice.p99).padStart(4)} ms  errors ${slice.errors}  refused ${slice.refused}`,
      );
    }
    clearInterval(sampler);
    const end = { api: readMemory(api.pid), projector: readMemory(projector.pid) };
    const within = (app: 'api' | 'projector', from: number, to: number) => samples.filter((sample) => sample.at >= from && sample.at <= to && sample[app] !== undefined).map((sample) => sample[app]!);
    const highest = (app: 'api' | 'projector', from: number, to: number) => Math.max(0, ...within(app, from, to));
    const lowest = (app: 'api' | 'projector', from: number, to: number) => (within(app, from, to).length ? Math.min(...within(app, from, to)) : 0);
    console.log(`load average after: ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);

    console.log(`\nSummary (soak of ${soakSeconds} s at ${rate} ballots/s offered; apps: ${stack.apps}${restart ? '; api and projector restarted after the set-up' : ''})`);
    console.log(`answered ${ok} ballots (${(ok / elapsed).toFixed(1)}/s), worst slice p99 ${worstP99} ms`);
    if (!reference) {
      console.log(`RSS after the first minute: n/a (the soak ran ${elapsed} s; it needs more than ${REFERENCE_SECONDS} s)`);
    } else {
      for (const app of ['api', 'projector'] as const) {
        const first = reference[app];
        const last = end[app]?.rss;
        if (first === undefined || last === undefined) {
          console.log(`${app}: RSS n/a (no /proc)`);
          continue;
        }
        const change = (last - first) / first;
        console.log(
          `${app}: RSS ${mb(first)} after the first minute, ${mb(last)} at the end (${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%; peak ${mb(end[app]?.peak)}) ` +
            `(target within ±${TOLERANCE * 100}%): ${Math.abs(change) <= TOLERANCE ? 'MET' : 'NOT MET'}`,
        );
        // The same over whole minutes: the highest RSS of the second minute against that of the last one.
        const second = highest(app, REFERENCE_SECONDS, 2 * REFERENCE_SECONDS);
        const lastMinute = highest(app, elapsed - REFERENCE_SECONDS, elapsed);
        // Whole minutes mean something from three on (the second minute and the last one apart).
        if (elapsed < 3 * REFERENCE_SECONDS) continue;
        if (second > 0 && lastMinute > 0) {
          const growth = (lastMinute - second) / second;
          console.log(
            `${app}: highest RSS in the second minute ${mb(second)}, in the last minute ${mb(lastMinute)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%, ` +
              `sampled every second; within ±${TOLERANCE * 100}%: ${Math.abs(growth) <= TOLERANCE ? 'MET' : 'NOT MET'})`,
          );
        }
        // And the lowest: what is left right after a major collection, i.e. what the process keeps; growth there is retained memory.
        const floorSecond = lowest(app, REFERENCE_SECONDS, 2 * REFERENCE_SECONDS);
        const floorLast = lowest(app, elapsed - REFERENCE_SECONDS, elapsed);
        if (floorSecond > 0 && floorLast > 0) {
          const growth = (floorLast - floorSecond) / floorSecond;
          console.log(
            `${app}: lowest RSS in the second minute ${mb(floorSecond)}, in the last minute ${mb(floorLast)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%; ` +
              `what the process keeps after a major collection; within ±${TOLERANCE * 100}%: ${Math.abs(growth) <= TOLERANCE ? 'MET' : 'NOT MET'})`,
          );
        }
      }
    }
    console.log(`errors (no answer, timeouts, 5xx) in all: ${errors}; refused (4xx) in all: ${refused}`);
  } finally {
    await stack?.close();
  }
}

await main();
