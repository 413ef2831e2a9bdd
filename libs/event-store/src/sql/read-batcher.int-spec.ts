import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { NewEvent, ReadStreamOptions, RecordedEvent } from '../event-store.port.js';
import { countingStatements, sqlTestDatabases, type SqlTestDatabase } from '../testing/sql-test-stores.js';
import { createSqlEventStore, type SqlEventStore } from './sql-event-store.js';

const event = (n: number): NewEvent => ({ id: randomUUID(), type: `E${n}`, data: { n }, metadata: { tenant: 't' } });
const shape = (events: RecordedEvent[]) => events.map((e) => ({ stream: e.streamName, revision: e.revision, type: e.type, data: e.data, position: e.position }));

interface Setup {
  store: SqlEventStore;
  /** Statements that read several streams at once. */
  batches: () => number;
  close(): Promise<void>;
}

async function open(database: SqlTestDatabase): Promise<Setup> {
  const counting = countingStatements(database.driver(), 'event_store_read_many_');
  const store = await createSqlEventStore(counting.driver, { schema: database.schema, readConcurrency: 1 });
  return {
    store,
    batches: counting.count,
    close: async () => {
      await store.close();
      await database.close();
    },
  };
}

describe.each(sqlTestDatabases('read_batches'))('stream reads that wait go together in one statement (%s)', (_name, database) => {
  let setup: Setup | undefined;
  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  it('answers each concurrent read exactly as a read of its own: revisions, counts, deleted, truncated and missing streams', async () => {
    setup = await open(await database());
    const { store, batches } = setup;
    const id = randomUUID().slice(0, 8);
    for (let s = 0; s < 6; s++) await store.append(`Plain-${id}-${s}`, Array.from({ length: s + 1 }, (_, i) => event(i)));
    await store.append(`Long-${id}`, Array.from({ length: 25 }, (_, i) => event(i)));
    await store.append(`Truncated-${id}`, [event(0), event(1), event(2), event(3)]);
    await store.setStreamMetadata(`Truncated-${id}`, { truncateBefore: 2n });
    await store.append(`Capped-${id}`, [event(0), event(1), event(2)]);
    await store.setStreamMetadata(`Capped-${id}`, { maxCount: 2 });
    await store.append(`Soft-${id}`, [event(0)]);
    await store.deleteStream(`Soft-${id}`);
    await store.append(`Gone-${id}`, [event(0)]);
    await store.tombstoneStream(`Gone-${id}`);
    const reads: [string, ReadStreamOptions][] = [
      ...Array.from({ length: 6 }, (_, s): [string, ReadStreamOptions] => [`Plain-${id}-${s}`, {}]),
      [`Plain-${id}-5`, { fromRevision: 3n }],
      [`Plain-${id}-5`, { fromRevision: 1n, maxCount: 2 }],
      [`Plain-${id}-4`, { maxCount: 1 }],
      [`Plain-${id}-2`, { fromRevision: 9n }],
      [`Long-${id}`, {}],
      [`Long-${id}`, { maxCount: 12 }],
      [`Long-${id}`, { fromRevision: 9n, maxCount: 5 }],
      [`Truncated-${id}`, {}],
      [`Capped-${id}`, {}],
      [`Soft-${id}`, {}],
      [`Missing-${id}`, {}],
      [`Gone-${id}`, {}],
    ];
    // One by one first (each on its own), then all at once (the later ones wait and go together).
    const alone: unknown[] = [];
    for (const [stream, options] of reads) alone.push(await store.readStream(stream, options).then(shape, (error: Error) => error.name));
    expect(batches()).toBe(0);
    const together = await Promise.all(reads.map(([stream, options]) => store.readStream(stream, options).then(shape, (error: Error) => error.name)));
    expect(batches()).toBeGreaterThan(0);
    expect(together).toEqual(alone);
    expect(alone.at(-1)).toBe('StreamDeletedError');
    expect((alone[0] as unknown[]).length).toBe(1);
    expect((alone[13] as { revision: bigint }[]).map((e) => e.revision)).toEqual([2n, 3n]);
    expect((alone[10] as { revision: bigint }[]).map((e) => e.revision)).toEqual(Array.from({ length: 25 }, (_, i) => BigInt(i)));
    expect((alone[12] as { revision: bigint }[]).map((e) => e.revision)).toEqual([9n, 10n, 11n, 12n, 13n]);
  });

  it('sees every append that completed before the read was asked for, under concurrent load', async () => {
    setup = await open(await database());
    const { store, batches } = setup;
    const id = randomUUID().slice(0, 8);
    let stop = false;
    // Background readers keep the one running statement busy, so the checked reads wait and go in batches.
    const load = Promise.all(
      Array.from({ length: 8 }, async (_, r) => {
        while (!stop) await store.readStream(`Load-${id}-${r}`);
      }),
    );
    try {
      for (let i = 0; i < 60; i++) {
        const stream = `Fresh-${id}-${i}`;
        await store.append(stream, [event(i)]);
        const [first, second] = await Promise.all([store.readStream(stream), store.readStream(stream, { fromRevision: 0n })]);
        expect([first!.map((e) => e.revision), second!.map((e) => e.revision)]).toEqual([[0n], [0n]]);
      }
    } finally {
      stop = true;
      await load;
    }
    expect(batches()).toBeGreaterThan(0);
  });
});
