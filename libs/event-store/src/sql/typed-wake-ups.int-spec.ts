import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { NewEvent, SubscriptionMessage } from '../event-store.port.js';
import { countingStatements, sqlTestDatabases, type SqlTestDatabase } from '../testing/sql-test-stores.js';
import { createSqlEventStore, type SqlEventStore } from './sql-event-store.js';

const event = (type: string): NewEvent => ({ id: randomUUID(), type, data: { n: 1 }, metadata: { tenant: 't' } });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Setup {
  writer: SqlEventStore;
  /** The subscribing store, as another process has it: it hears the writer's appends through NOTIFY only. */
  reader: SqlEventStore;
  /** `$all` page reads of the reader (the statement every subscription reads with). */
  reads: () => number;
  close(): Promise<void>;
}

async function open(database: SqlTestDatabase): Promise<Setup> {
  const writer = await createSqlEventStore(database.driver(), { schema: database.schema });
  const counting = countingStatements(database.driver(), 'event_store_read_all_');
  // A poll interval far beyond the test's timeout: only a wake-up can deliver an event in time.
  const reader = await createSqlEventStore(counting.driver, { schema: database.schema, pollIntervalMs: 600_000, migrate: false });
  return {
    writer,
    reader,
    reads: counting.count,
    close: async () => {
      await reader.close();
      await writer.close();
      await database.close();
    },
  };
}

describe.each(sqlTestDatabases('typed_wake'))('wake-ups by event type (%s)', (_name, database) => {
  let setup: Setup | undefined;
  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  it("does not wake a subscription for another process's appends of types it does not read, and wakes it for one it reads", async () => {
    setup = await open(await database());
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

  it('still wakes another process for appends made just before the store closes, and leaves no connection open', async () => {
    const db = await database();
    const name = `closing_${randomUUID().slice(0, 8)}`;
    const closing = await createSqlEventStore(db.driver(name), { schema: db.schema });
    const reader = await createSqlEventStore(db.driver(), { schema: db.schema, pollIntervalMs: 600_000, migrate: false });
    try {
      const subscription = reader.subscribeToAll({ filter: { eventTypes: ['Late'] } });
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toMatchObject({ kind: 'caughtUp' });
      const pending = iterator.next();
      await pause(50);
      // The first append's NOTIFY goes out at once; the second's waits for the interval, and the store closes meanwhile.
      await closing.append('First-1', [event('First')]);
      await closing.append('Late-1', [event('Late')]);
      await closing.close();
      expect((await pending).value).toMatchObject({ kind: 'event', event: { type: 'Late', streamName: 'Late-1' } });
      await pause(100);
      const open = await db.connections(name);
      if (open !== null) expect(open).toBe(0);
      await subscription.close();
    } finally {
      await closing.close();
      await reader.close();
      await db.close();
    }
  });

  it('wakes a subscription that reads every type for any append, and one in the same process at once', async () => {
    setup = await open(await database());
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
