/**
 * The audit's cost on a large store: a round's seal in a store of ~100,000 and of ~1,000,000 events
 * (the same round, the same number of events), and `verify` of the whole store and of one round.
 * Both stores are generated straight into the event table with real hash chains and the store-wide
 * chain (bench/audit-store.ts), then each round is sealed as the round-seal reactor does. PostgreSQL
 * at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a scratch database dropped
 * afterwards. Appends an "Audit" section to docs/benchmarks.md (replacing an earlier one) after a
 * run of the default size. BENCH_AUDIT_EVENTS sets the large store's size (default 1,000,000: as
 * many whole rounds as reach it; the small store a tenth of the rounds, at least one), e.g. 200000
 * for a quicker run; BENCH_SCALE shrinks the rounds themselves (e.g. 0.1). Run it through
 * `npm run bench:audit`: with the young generation the audit CLI runs with (package.json).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { verifyStore } from '../libs/audit/src/index.js';
import { chainEvents, computeRoundSeal, extendStoreChain, lastHash, ROUND_SEALED, scanRoundSeal } from '../libs/es/src/index.js';
import { createPgPoolDriver, createSqlEventStore, type Position, type SqlEventStore } from '../libs/event-store/src/index.js';
import { eventsPerRound, generateChainedStore, PROJECTIONS_SHAPE } from './audit-store.js';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const shape = {
  plansPerRound: Math.round(PROJECTIONS_SHAPE.plansPerRound * SCALE),
  supportsPerPlan: PROJECTIONS_SHAPE.supportsPerPlan,
  votersPerRound: Math.round(PROJECTIONS_SHAPE.votersPerRound * SCALE),
  ballotsPerRound: Math.round(PROJECTIONS_SHAPE.ballotsPerRound * SCALE),
};
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const largeRounds = Math.max(1, Math.ceil(EVENTS / eventsPerRound(shape)));
const STORES = [
  { name: 'small', rounds: Math.max(1, Math.round(largeRounds / 10)) },
  { name: 'large', rounds: largeRounds },
];
/** Seconds per 100,000 events: what compares across store sizes. */
const per100k = (secondsTaken: number, events: number) => ((secondsTaken / events) * 100_000).toFixed(2);
const database = `bench_audit_${Date.now().toString(36)}`;

let lastCpu = 0;
/** Wall-clock seconds of `work`; `lastCpu` gets the CPU seconds this process spent in it (the database's are not counted). */
const seconds = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  lastCpu = (used.user + used.system) / 1e6;
  return [result, (performance.now() - started) / 1000];
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Measured {
  events: number;
  roundEvents: number;
  seal: number;
  scanSeal: number;
  verify: number;
  verifyCpu: number;
  verifyRound: number;
  verifyRoundCpu: number;
  verifiedEvents: number;
  seals: number;
  ok: boolean;
}

/** Seals every round as the reactor does: the digest up to now, the store-wide chain up to it, the seal appended. */
async function sealRounds(store: SqlEventStore, rounds: number, upTo: Position): Promise<void> {
  const now = new Date('2026-05-03T00:00:00.000Z');
  for (let r = 1; r <= rounds; r++) {
    const roundId = `r${r}`;
    const seal = await computeRoundSeal(store, roundId, { upTo });
    const head = await extendStoreChain(store, { now, correlationId: `seal-${roundId}`, upTo });
    const stream = `Round-${roundId}`;
    const before = await store.readStream(stream, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    const metadata = { tenant: 'GM0363', actor: 'system', role: 'system', $correlationId: `seal-${roundId}`, at: now.toISOString() };
    const data = { roundId, ...seal, sealedAt: now.toISOString(), phase: 'counting', ...(head ? { storeChain: head } : {}) };
    const [event] = chainEvents(stream, lastHash(before), [{ id: crypto.randomUUID(), type: ROUND_SEALED, data, metadata }]);
    await store.append(stream, [event!], { expectedRevision: before[0]!.revision });
  }
}

async function measure(pool: pg.Pool, name: string, rounds: number): Promise<Measured> {
  const driver = createPgPoolDriver(pool, { ownsPool: false, listen: false });
  const store = await createSqlEventStore(driver, { schema: name, notify: false });
  const [generated, generateSeconds] = await seconds(() =>
    generateChainedStore(driver, name, { rounds, ...shape }, (n) => {
      if (n % 100_000 < 4000) log(`  ${name}: ${n} events written`);
    }),
  );
  await driver.exec(`ANALYZE "${name}".events`);
  log(`${name}: ${generated.events} events with their chains in ${generateSeconds.toFixed(1)} s`);
  await sealRounds(store, rounds, generated.last);
  // The seal of round r1 (the same round in both stores) up to the store's end: the capability, three times; the old full scan once.
  const runs: number[] = [];
  let roundEvents = 0;
  for (let i = 0; i < 3; i++) {
    const [seal, s] = await seconds(() => computeRoundSeal(store, 'r1', { upTo: generated.last }));
    runs.push(s);
    roundEvents = seal.events;
  }
  const [scanned, scanSeal] = await seconds(() => scanRoundSeal(store, 'r1', { upTo: generated.last }));
  const fast = await computeRoundSeal(store, 'r1', { upTo: generated.last });
  if (scanned.digest !== fast.digest) throw new Error(`${name}: the scan and the index disagree: ${scanned.digest} / ${fast.digest}`);
  log(`${name}: seal of r1 (${roundEvents} events) ${median(runs).toFixed(3)} s (scan of $all: ${scanSeal.toFixed(1)} s)`);
  const [report, verify] = await seconds(() => verifyStore(store));
  const verifyCpu = lastCpu;
  log(`${name}: verify ${report.ok ? 'OK' : 'BROKEN'}, ${report.events} events, ${report.seals} seals, ${report.storeChain.links} links, in ${verify.toFixed(1)} s (${verifyCpu.toFixed(1)} s CPU)`);
  if (!report.ok) throw new Error(`${name}: verify found breaks: ${JSON.stringify(report.breaks.slice(0, 3), (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
  const [roundReport, verifyRound] = await seconds(() => verifyStore(store, { roundId: 'r1' }));
  const verifyRoundCpu = lastCpu;
  log(`${name}: verify --round r1 ${roundReport.ok ? 'OK' : 'BROKEN'}, ${roundReport.events} events, in ${verifyRound.toFixed(1)} s (${verifyRoundCpu.toFixed(1)} s CPU)`);
  await store.close();
  return { events: generated.events, roundEvents, seal: median(runs), scanSeal, verify, verifyCpu, verifyRound, verifyRoundCpu, verifiedEvents: report.events, seals: report.seals, ok: report.ok && roundReport.ok };
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const scratch = new URL(url);
  scratch.pathname = `/${database}`;
  const pool = new pg.Pool({ connectionString: scratch.toString(), max: 4 });
  try {
    const load = loadavg()[0]!.toFixed(1);
    const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const results: Record<string, Measured> = {};
    for (const { name, rounds } of STORES) results[name] = await measure(pool, name, rounds);
    const [{ server_version: version }] = (await pool.query<{ server_version: string }>('SHOW server_version')).rows as [{ server_version: string }];
    const small = results.small!;
    const large = results.large!;
    const section = `## Audit

\`npm run bench:audit\` (bench/audit.bench.ts), ${new Date().toISOString().slice(0, 10)}, PostgreSQL ${version} on this machine, Node ${process.version}.
Two stores generated straight into the event table with real hash chains and the store-wide chain (bench/audit-store.ts: the shapes of
the projections benchmark, ${eventsPerRound(shape).toLocaleString('en')} events per round), every round sealed as the round-seal reactor does; round r1 is the same in both.

| measure | ${small.events.toLocaleString('en')} events | ${large.events.toLocaleString('en')} events | ratio |
|---|---:|---:|---:|
| seal of round r1 (\`computeRoundSeal\`, ${large.roundEvents.toLocaleString('en')} events of the round; median of 3) | ${small.seal.toFixed(3)} s | ${large.seal.toFixed(3)} s | ${(large.seal / small.seal).toFixed(2)} |
| the same digest by a scan of \`$all\` from the start (the EventStoreDB path, and every seal before) | ${small.scanSeal.toFixed(1)} s | ${large.scanSeal.toFixed(1)} s | ${(large.scanSeal / small.scanSeal).toFixed(2)} |
| \`verify\` of the whole store (every chain, ${small.seals} / ${large.seals} seals, the store-wide chain) | ${small.verify.toFixed(1)} s | ${large.verify.toFixed(1)} s | ${(large.verify / small.verify).toFixed(2)} |
| the same, per 100,000 events | ${per100k(small.verify, small.verifiedEvents)} s | ${per100k(large.verify, large.verifiedEvents)} s | |
| the same, CPU time of the verifying process (without the database's) | ${small.verifyCpu.toFixed(1)} s | ${large.verifyCpu.toFixed(1)} s | ${(large.verifyCpu / small.verifyCpu).toFixed(2)} |
| the same, CPU per 100,000 events | ${per100k(small.verifyCpu, small.verifiedEvents)} s | ${per100k(large.verifyCpu, large.verifiedEvents)} s | |
| \`verify --round r1\` (the whole store read for the store-wide chain; hashes recomputed only of the round's streams) | ${small.verifyRound.toFixed(1)} s | ${large.verifyRound.toFixed(1)} s | ${(large.verifyRound / small.verifyRound).toFixed(2)} |
| the same, CPU time of the verifying process | ${small.verifyRoundCpu.toFixed(1)} s | ${large.verifyRoundCpu.toFixed(1)} s | ${(large.verifyRoundCpu / small.verifyRoundCpu).toFixed(2)} |

A single run, started ${started} UTC, on a machine shared with other work (${cpus().length} cores, load ${load} at the start and ${loadavg()[0]!.toFixed(1)} at the end):
wall-clock times vary with the load; the CPU times show the verifier's own share. The process runs with
\`--max-semi-space-size=64\` (a 64 MB young generation), as \`npm run audit\` does.

**What this shows.** A seal costs what its round costs: the same round seals in about the same
time in both stores (the ratio is noise of the load), where the scan it replaced grows with the
store (and is still what the EventStoreDB adapter does). \`verify\` of ${large.verifiedEvents.toLocaleString('en')} events ${large.verify < 20 ? 'came' : 'did **not** come'}
under the 20 s target in this run (${per100k(large.verify, large.verifiedEvents)} s per 100,000 events); its own CPU time is about ${Math.round((large.verifyCpu / large.verifiedEvents) * 1e6)} µs per event (${Math.round((small.verifyCpu / small.verifiedEvents) * 1e6)} in
the small store), so on an idle machine of this size it needs about ${Math.round(large.verifyCpu)} s of the verifier's CPU plus what the
database does meanwhile. Where that CPU goes and what was changed for it: docs/audit.md, "What \`verify\` costs".
\`verify --round\` still reads the whole store (the store-wide chain), so it grows with the store, but
recomputes only the round's hashes.
`;
    const file = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
    const without = before.replace(/## Audit\n[\s\S]*?(?=\n## |$)/, '').trimEnd();
    if (SCALE === 1 && EVENTS === 1_000_000) writeFileSync(file, `${without}\n\n${section}`);
    process.stdout.write(section);
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:audit failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
