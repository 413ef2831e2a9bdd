import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { NewEvent, SubscriptionMessage } from '../event-store.port.js';
import { createPgliteDriver, createPgPoolDriver, type SqlDriver } from './sql-client.js';
import { createSqlEventStore, type SqlEventStore } from './sql-event-store.js';

const databaseUrl = process.env.DATABASE_URL;

/** The driver, counting the `$all` page reads it runs (the statement every subscription reads with). */
function countingReads(driver: SqlDriver): { driver: SqlDriver; reads: () => number } {
  let reads = 0;
  const counted: SqlDriver = Object.create(driver) as SqlDriver;
  counted.query = async (text, params, options) => {
    if (options?.name?.startsWith('event_store_read_all_')) reads++;
    return driver.query(text, params, options);
  };
  return { driver: counted, reads: () => reads };
}

const event = (type: string): NewEvent => ({ id: randomUUID(), type, data: { n: 1 }, metadata: { tenant: 't' } });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Setup {
  writer: SqlEventStore;
  /** The subscribing store, as another process has it: it hears the writer's appends through NOTIFY only. */
  reader: SqlEventStore;
  reads: () => number;
  close(): Promise<void>;
}

async function onPglite(): Promise<Setup> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create('memory://');
  const schema = 'typed_wake_ups';
  const writer = await createSqlEventStore(createPgliteDriver(pglite), { schema });
  const counting = countingReads(createPgliteDriver(pglite));
  // A poll interval far beyond the test's timeout: only a wake-up can deliver an event in time.
  const reader = await createSqlEventStore(counting.driver, { schema, pollIntervalMs: 600_000, migrate: false });
  return {
    writer,
    reader,
    reads: counting.reads,
    close: async () => {
      await reader.close();
      await writer.close();
      await pglite.close();
    },
  };
}

async function onPostgres(url: string): Promise<Setup> {
  const schema = `typed_wake_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const writerPool = new pg.Pool({ connectionString: url, max: 2 });
  const readerPool = new pg.Pool({ connectionString: url, max: 2 });
  const writer = await createSqlEventStore(createPgPoolDriver(writerPool, { ownsPool: true }), { schema });
  const counting = countingReads(createPgPoolDriver(readerPool, { ownsPool: true }));
  const reader = await createSqlEventStore(counting.driver, { schema, pollIntervalMs: 600_000, migrate: false });
  return {
    writer,
    reader,
    reads: counting.reads,
    close: async () => {
      await reader.close();
      await writer.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => admin.end());
    },
  };
}

const targets: [string, () => Promise<Setup>][] = [['PGlite', onPglite]];
if (databaseUrl) targets.push(['PostgreSQL', () => onPostgres(databaseUrl)]);

describe.each(targets)('wake-ups by event type (%s)', (_name, open) => {
  let setup: Setup | undefined;
  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  it("does not wake a subscription for another process's appends of types it does not read, and wakes it for one it reads", async () => {
    setup = await open();
    const { writer, reader, reads } = setup;
    const subscription = reader.subscribeToAll({ filter: { eventTypes: ['Wanted'] } });
    const iterator = subscription[Symbol.asyncIterator]();
    const next = (): Promise<IteratorResult<SubscriptionMessage>> => iterator.next();
    expect((await next()).value).toMatchObject({ kind: 'caughtUp' });
    // Waiting for the next event from here on: woken, it reads a page.
    const pending = next();
    await pause(50);
    const readsWhenLive = reads();
    // Paced, so that each append goes out in a NOTIFY of its own (they are coalesced per 20 ms).
    for (let i = 0; i < 12; i++) {
      await writer.append(`Other-${i}`, [event('Other')]);
      await pause(30);
    }
    expect(reads()).toBe(readsWhenLive);
    await writer.append('Wanted-1', [event('Other'), event('Wanted')]);
    const delivered = await pending;
    expect(delivered.value).toMatchObject({ kind: 'event', event: { type: 'Wanted', streamName: 'Wanted-1' } });
    await subscription.close();
  });

  it('wakes a subscription that reads every type for any append, and one in the same process at once', async () => {
    setup = await open();
    const { writer, reader } = setup;
    const everything = reader.subscribeToAll();
    const remote = everything[Symbol.asyncIterator]();
    expect((await remote.next()).value).toMatchObject({ kind: 'caughtUp' });
    const local = writer.subscribeToAll({ filter: { eventTypes: ['Wanted'] } });
    const own = local[Symbol.asyncIterator]();
    expect((await own.next()).value).toMatchObject({ kind: 'caughtUp' });
    const [fromRemote, fromOwn] = [remote.next(), own.next()];
    await writer.append('Any-1', [event('Wanted')]);
    expect((await fromRemote).value).toMatchObject({ kind: 'event', event: { type: 'Wanted' } });
    expect((await fromOwn).value).toMatchObject({ kind: 'event', event: { type: 'Wanted' } });
    await everything.close();
    await local.close();
  });
});
