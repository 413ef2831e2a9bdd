/**
 * Event-store benchmark on PostgreSQL: appends/s (1 and 16 clients, 1- and 10-event appends) and
 * catch-up read rate, each beside the same work in plain SQL over `pg` in the same run.
 * Usage: npm run bench:store   (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 * BENCH_SECONDS per measurement, default 3). Works in a scratch schema that it drops afterwards.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { createPostgresEventStore, type SqlEventStore } from '../libs/event-store/src/index.js';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const poolSize = 16;
const schema = `bench_store_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
const q = `"${schema}"`;

interface Result {
  name: string;
  store: number;
  plain: number;
  unit: string;
}

/** Runs `clients` loops of `work` for `seconds`; returns operations per second. */
async function measure(clients: number, work: (client: number, iteration: number) => Promise<void>): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let operations = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let iteration = 0; performance.now() < deadline; iteration++) {
        await work(client, iteration);
        operations++;
      }
    }),
  );
  return operations / ((performance.now() - started) / 1000);
}

function payload(i: number): { data: Record<string, unknown>; metadata: Record<string, unknown> } {
  return {
    data: { proposalId: randomUUID(), title: `Plan ${i}`, amountCents: 125_000 + i, area: 'Noord' },
    metadata: { actor: 'staff-1', tenant: 'GM0363', $correlationId: randomUUID() },
  };
}

async function appendScenario(store: SqlEventStore, pool: pg.Pool, clients: number, batch: number, round: number): Promise<[number, number]> {
  // Alternate which side goes first, so drift in the machine's load does not favour one.
  if (round % 2 === 0) {
    const plainRate = await plainAppends(pool, clients, batch, round);
    const storeRate = await storeAppends(store, clients, batch, round);
    return [storeRate, plainRate];
  }
  const storeRate = await storeAppends(store, clients, batch, round);
  const plainRate = await plainAppends(pool, clients, batch, round);
  return [storeRate, plainRate];
}

async function storeAppends(store: SqlEventStore, clients: number, batch: number, round: number): Promise<number> {
  // The store: each client appends to its own stream with the exact expected revision, as a command handler does.
  const storeRevision = new Map<number, bigint>();
  return measure(clients, async (client) => {
    const stream = `BenchS${round}-${clients}x${batch}-${client}`;
    const expected = storeRevision.get(client);
    const events = Array.from({ length: batch }, (_, i) => ({ id: randomUUID(), type: 'PlanSubmitted', ...payload(i) }));
    const result = await store.append(stream, events, { expectedRevision: expected ?? 'no_stream' });
    storeRevision.set(client, result.nextRevision);
  });
}

async function plainAppends(pool: pg.Pool, clients: number, batch: number, round: number): Promise<number> {
  // Plain SQL: one INSERT (of `batch` rows) per append, in its own transaction, same pool size.
  const plainRevision = new Map<number, number>();
  return measure(clients, async (client) => {
    const stream = `BenchP${round}-${clients}x${batch}-${client}`;
    const next = plainRevision.get(client) ?? 0;
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let i = 0; i < batch; i++) {
      const { data, metadata } = payload(i);
      const n = values.length;
      rows.push(`($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6})`);
      values.push(stream, next + i, randomUUID(), 'PlanSubmitted', JSON.stringify(data), JSON.stringify(metadata));
    }
    await pool.query(`INSERT INTO ${q}.plain_events (stream_id, revision, event_id, event_type, data, metadata) VALUES ${rows.join(', ')}`, values);
    plainRevision.set(client, next + batch);
  });
}

async function catchUpStore(store: SqlEventStore): Promise<{ rate: number; count: number }> {
  const started = performance.now();
  let count = 0;
  const subscription = store.subscribeToAll();
  for await (const message of subscription) {
    if (message.kind === 'caughtUp') break;
    count++;
  }
  await subscription.close();
  return { rate: count / ((performance.now() - started) / 1000), count };
}

async function catchUpPlain(pool: pg.Pool): Promise<{ rate: number; count: number }> {
  const started = performance.now();
  let count = 0;
  let after = '0';
  for (;;) {
    const { rows } = await pool.query(
      `SELECT global_position::text AS position, stream_id, revision::text AS revision, event_id::text AS event_id, event_type, data, metadata, created
         FROM ${q}.plain_events WHERE global_position > $1 ORDER BY global_position LIMIT 1000`,
      [after],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      // The same conversion work the store does per event.
      void { revision: BigInt(row.revision), position: BigInt(row.position), data: row.data, metadata: row.metadata };
    }
    count += rows.length;
    after = rows.at(-1)!.position;
  }
  return { rate: count / ((performance.now() - started) / 1000), count };
}

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  pool.on('error', () => undefined);
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema, poolSize, notify: process.env.BENCH_NOTIFY !== "0" });
  const results: Result[] = [];
  try {
    await pool.query(`CREATE TABLE ${q}.plain_events (
      global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      stream_id text NOT NULL, revision bigint NOT NULL, event_id uuid NOT NULL, event_type text NOT NULL,
      data jsonb NOT NULL, metadata jsonb NOT NULL, created timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream_id, revision))`);
    const version = (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    console.log(`PostgreSQL ${version}, Node ${process.version}, ${cpus().length} CPUs, pool ${poolSize}, ${seconds} s per measurement, four rounds each, alternating which goes first`);
    // Both sides share the machine with whatever else runs on it: a busy host squeezes the two unevenly.
    console.log(`load average before: ${loadLine()}`);

    // Warm up both paths (connections, plans, plpgsql cache).
    await appendScenario(store, pool, poolSize, 1, 0);

    for (const [clients, batch] of [
      [1, 1],
      [16, 1],
      [1, 10],
      [16, 10],
    ] as const) {
      let storeOps = 0;
      let plainOps = 0;
      for (const round of [1, 2, 3, 4]) {
        const [s, p] = await appendScenario(store, pool, clients, batch, round);
        storeOps += s / 4;
        plainOps += p / 4;
      }
      results.push({ name: `append, ${clients} client${clients > 1 ? 's' : ''}, ${batch}-event appends`, store: storeOps, plain: plainOps, unit: 'appends/s' });
      console.log(format(results.at(-1)!));
    }

    const storeRead = await catchUpStore(store);
    const plainRead = await catchUpPlain(pool);
    results.push({ name: `catch-up read ($all from the start; ${storeRead.count} vs ${plainRead.count} events)`, store: storeRead.rate, plain: plainRead.rate, unit: 'events/s' });
    console.log(format(results.at(-1)!));

    console.log(`load average after: ${loadLine()}`);
    const target = results.find((r) => r.name.startsWith('append, 16 clients, 1-event'))!;
    const ratio = target.store / target.plain;
    console.log(`\n16-client single-event appends: ${(ratio * 100).toFixed(0)}% of plain SQL (target ≥ 80%): ${ratio >= 0.8 ? 'PASS' : 'FAIL'}`);
    if (ratio < 0.8) process.exitCode = 1;
  } finally {
    await store.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${q} CASCADE`).catch((error: unknown) => console.error('could not drop', schema, error));
    await pool.end();
  }
}

function loadLine(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
}

function format(result: Result): string {
  const ratio = result.store / result.plain;
  return `${result.name.padEnd(72)} store ${result.store.toFixed(0).padStart(7)} ${result.unit}  plain SQL ${result.plain.toFixed(0).padStart(7)}  ratio ${ratio.toFixed(2)}`;
}

await main();
