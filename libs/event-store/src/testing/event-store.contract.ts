import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StreamDeletedError, WrongExpectedVersionError } from '../event-store.errors.js';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  RecordedEvent,
  Subscription,
  SubscriptionMessage,
} from '../event-store.port.js';
import { comparePositions } from '../position.js';

/** Where a held append pauses: right after its transaction took its id, or after writing, before commit. */
export type HeldAppendPause = 'afterTransactionStart' | 'beforeCommit';

/**
 * Optional adapter hook: start an append in its own transaction and pause it until `release()`.
 * Adapters whose writes can interleave out of commit order offer it; the ordering cases run only then.
 */
export interface HeldAppendCapability {
  begin(
    streamName: string,
    events: NewEvent[],
    options: { expectedRevision?: ExpectedRevision },
    pause: HeldAppendPause,
  ): Promise<{ release(): Promise<AppendResult> }>;
}

/** What a factory hands the contract suite: a store (shared by all cases), its cleanup and optional hooks. */
export interface EventStoreContractSubject {
  store: EventStore;
  cleanup(): Promise<void>;
  heldAppend?: HeldAppendCapability;
}

/**
 * The event-store contract. Depends only on the port, so every adapter runs it. Declare
 * `capabilities.heldAppend` when the factory provides `heldAppend`: the ordering cases need it. Cases isolate
 * themselves by unique stream names and prefix filters and never assume an empty `$all`.
 */
export function describeEventStoreContract(
  name: string,
  factory: () => Promise<EventStoreContractSubject>,
  capabilities: { heldAppend?: boolean } = {},
): void {
  describe(`event store contract: ${name}`, () => {
    let subject: EventStoreContractSubject;
    const store = (): EventStore => subject.store;

    beforeAll(async () => {
      subject = await factory();
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    describe('append and expected revision', () => {
      it('appends to a new stream with no_stream and reads back every field', async () => {
        const stream = `${category()}-1`;
        const events = [
          event('Submitted', { title: 'Speeltuin', amountCents: 125000, tags: ['groen'], nested: { a: null } }, { actor: 'staff-1', tenant: 'GM0363', $correlationId: 'c-1' }),
          event('Amended', { title: 'Speeltuin Oost' }),
        ];
        const result = await store().append(stream, events, { expectedRevision: 'no_stream' });
        expect(result.nextRevision).toBe(1n);

        const read = await store().readStream(stream);
        expect(read.map((e) => e.revision)).toEqual([0n, 1n]);
        expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(read.map((e) => e.type)).toEqual(['Submitted', 'Amended']);
        expect(read[0]!.data).toEqual(events[0]!.data);
        expect(read[0]!.metadata).toEqual(events[0]!.metadata);
        expect(read[1]!.metadata).toEqual({});
        expect(read.every((e) => e.streamName === stream)).toBe(true);
        expect(read.every((e) => e.created instanceof Date && !Number.isNaN(e.created.getTime()))).toBe(true);
        expect(typeof read[0]!.position.commit).toBe('bigint');
        expect(typeof read[0]!.position.prepare).toBe('bigint');
        expect(comparePositions(read[0]!.position, read[1]!.position)).toBeLessThan(0);
        expect(result.position).toEqual(read[1]!.position);
      });

      it('accepts any on a new and on an existing stream', async () => {
        const stream = `${category()}-1`;
        expect((await store().append(stream, [event()], { expectedRevision: 'any' })).nextRevision).toBe(0n);
        expect((await store().append(stream, [event(), event()])).nextRevision).toBe(2n);
      });

      it('rejects no_stream on an existing stream with the actual revision', async () => {
        const stream = `${category()}-1`;
        await store().append(stream, [event(), event()], { expectedRevision: 'no_stream' });
        const error = await rejection(store().append(stream, [event()], { expectedRevision: 'no_stream' }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ streamName: stream, expected: 'no_stream', actual: 1n });
      });

      it('rejects stream_exists on a missing stream and accepts it on an existing one', async () => {
        const stream = `${category()}-1`;
        const error = await rejection(store().append(stream, [event()], { expectedRevision: 'stream_exists' }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ actual: 'no_stream' });
        await store().append(stream, [event()], { expectedRevision: 'no_stream' });
        expect((await store().append(stream, [event()], { expectedRevision: 'stream_exists' })).nextRevision).toBe(1n);
      });

      it('accepts the exact revision and rejects any other with the actual revision', async () => {
        const stream = `${category()}-1`;
        await store().append(stream, [event(), event()], { expectedRevision: 'no_stream' });
        expect((await store().append(stream, [event()], { expectedRevision: 1n })).nextRevision).toBe(2n);
        const stale = await rejection(store().append(stream, [event()], { expectedRevision: 1n }));
        expect(stale).toBeInstanceOf(WrongExpectedVersionError);
        expect(stale).toMatchObject({ expected: 1n, actual: 2n });
        const ahead = await rejection(store().append(stream, [event()], { expectedRevision: 7n }));
        expect(ahead).toMatchObject({ expected: 7n, actual: 2n });
        expect(await store().readStream(stream)).toHaveLength(3);
      });

      it('rejects an exact revision on a missing stream with actual no_stream', async () => {
        const error = await rejection(store().append(`${category()}-1`, [event()], { expectedRevision: 0n }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ actual: 'no_stream' });
      });

      it('lets exactly one of 100 concurrent no_stream appends win', async () => {
        const stream = `${category()}-1`;
        const outcomes = await Promise.allSettled(
          Array.from({ length: 100 }, () => store().append(stream, [event()], { expectedRevision: 'no_stream' })),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(99);
        for (const { reason } of lost) {
          expect(reason).toBeInstanceOf(WrongExpectedVersionError);
          expect((reason as WrongExpectedVersionError).actual).toBe(0n);
        }
        expect(await store().readStream(stream)).toHaveLength(1);
      });
    });

    describe('idempotent appends', () => {
      it('treats a retried append (same ids, same expected revision) as a no-op returning the original result', async () => {
        const prefix = `${category()}-`;
        const stream = `${prefix}1`;
        const batch = [event(), event()];
        const first = await store().append(stream, batch, { expectedRevision: 'no_stream' });
        const retry = await store().append(stream, batch, { expectedRevision: 'no_stream' });
        expect(retry).toEqual(first);
        expect(await store().readStream(stream)).toHaveLength(2);
        expect(await store().readAll({ filter: { streamPrefixes: [prefix] } })).toHaveLength(2);
      });

      it('returns the original result for a retry with an exact revision after the stream moved on', async () => {
        const stream = `${category()}-1`;
        await store().append(stream, [event()], { expectedRevision: 'no_stream' });
        const batch = [event(), event()];
        const first = await store().append(stream, batch, { expectedRevision: 0n });
        await store().append(stream, [event()], { expectedRevision: 2n });
        expect(await store().append(stream, batch, { expectedRevision: 0n })).toEqual(first);
        expect(await store().readStream(stream)).toHaveLength(4);
      });

      it('treats a retried append with expected revision any as a no-op', async () => {
        const stream = `${category()}-1`;
        const batch = [event()];
        const first = await store().append(stream, batch);
        expect(await store().append(stream, batch)).toEqual(first);
        expect(await store().readStream(stream)).toHaveLength(1);
      });

      it('rejects a partly duplicated batch as a conflict and writes nothing', async () => {
        const stream = `${category()}-1`;
        const [a, b, c] = [event(), event(), event()];
        await store().append(stream, [a!, b!], { expectedRevision: 'no_stream' });
        const changed = await rejection(store().append(stream, [a!, c!], { expectedRevision: 'no_stream' }));
        expect(changed).toBeInstanceOf(WrongExpectedVersionError);
        expect(changed).toMatchObject({ actual: 1n });
        const longer = await rejection(store().append(stream, [a!, b!, c!], { expectedRevision: 'no_stream' }));
        expect(longer).toBeInstanceOf(WrongExpectedVersionError);
        expect((await store().readStream(stream)).map((e) => e.id)).toEqual([a!.id, b!.id]);
      });

      it('rejects the same ids with a different expected revision', async () => {
        const stream = `${category()}-1`;
        const batch = [event()];
        await store().append(stream, [event()], { expectedRevision: 'no_stream' });
        await store().append(stream, batch, { expectedRevision: 0n });
        const error = await rejection(store().append(stream, batch, { expectedRevision: 5n }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(await store().readStream(stream)).toHaveLength(2);
      });
    });

    describe('reading a stream', () => {
      it('reads forwards from a revision with a maximum count', async () => {
        const stream = await streamOf(5);
        expect(revisions(await store().readStream(stream, { fromRevision: 2n }))).toEqual([2n, 3n, 4n]);
        expect(revisions(await store().readStream(stream, { fromRevision: 1n, maxCount: 2 }))).toEqual([1n, 2n]);
        expect(revisions(await store().readStream(stream, { maxCount: 1 }))).toEqual([0n]);
        expect(await store().readStream(stream, { fromRevision: 9n })).toEqual([]);
      });

      it('reads backwards from the end or from a revision', async () => {
        const stream = await streamOf(5);
        expect(revisions(await store().readStream(stream, { direction: 'backwards' }))).toEqual([4n, 3n, 2n, 1n, 0n]);
        expect(revisions(await store().readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([4n, 3n]);
        expect(revisions(await store().readStream(stream, { direction: 'backwards', fromRevision: 2n }))).toEqual([2n, 1n, 0n]);
        expect(revisions(await store().readStream(stream, { direction: 'backwards', fromRevision: 3n, maxCount: 1 }))).toEqual([3n]);
      });

      it('reads a stream that does not exist as empty', async () => {
        expect(await store().readStream(`${category()}-nothing`)).toEqual([]);
        expect(await store().readStream(`${category()}-nothing`, { direction: 'backwards' })).toEqual([]);
      });
    });

    describe('reading $all', () => {
      it('reads after a position, exclusively, in append order', async () => {
        const prefix = `${category()}-`;
        await store().append(`${prefix}a`, [event('A0')]);
        await store().append(`${prefix}b`, [event('B0'), event('B1')]);
        await store().append(`${prefix}a`, [event('A1')]);
        const all = await store().readAll({ filter: { streamPrefixes: [prefix] } });
        expect(all.map((e) => e.type)).toEqual(['A0', 'B0', 'B1', 'A1']);
        expectIncreasing(all.map((e) => e.position));

        const after = await store().readAll({ after: all[1]!.position, filter: { streamPrefixes: [prefix] } });
        expect(after.map((e) => e.type)).toEqual(['B1', 'A1']);
        const page = await store().readAll({ after: all[0]!.position, maxCount: 2, filter: { streamPrefixes: [prefix] } });
        expect(page.map((e) => e.type)).toEqual(['B0', 'B1']);
        expect(await store().readAll({ after: all[3]!.position, filter: { streamPrefixes: [prefix] } })).toEqual([]);
      });

      it('filters by stream prefix and by event type', async () => {
        const one = `${category()}-`;
        const two = `${category()}-`;
        await store().append(`${one}1`, [event('Opened'), event('Closed')]);
        await store().append(`${two}1`, [event('Opened')]);
        await store().append(`${one}2`, [event('Opened')]);
        const byPrefix = await store().readAll({ filter: { streamPrefixes: [two] } });
        expect(byPrefix.map((e) => e.streamName)).toEqual([`${two}1`]);
        const both = await store().readAll({ filter: { streamPrefixes: [one, two] } });
        expect(both).toHaveLength(4);
        const byType = await store().readAll({ filter: { streamPrefixes: [one], eventTypes: ['Opened'] } });
        expect(byType.map((e) => e.streamName)).toEqual([`${one}1`, `${one}2`]);
      });
    });

    describe('catch-up subscription', () => {
      it('yields the history, one caughtUp, then live events', async () => {
        const prefix = `${category()}-`;
        await store().append(`${prefix}1`, [event('H1'), event('H2')]);
        await store().append(`${prefix}2`, [event('H3')]);
        const collector = collect(store().subscribeToAll({ filter: { streamPrefixes: [prefix] } }));
        try {
          await collector.until((messages) => messages.some((m) => m.kind === 'caughtUp'));
          expect(collector.messages.map(describeMessage)).toEqual(['H1', 'H2', 'H3', 'caughtUp']);
          await store().append(`${prefix}1`, [event('L1')]);
          await store().append(`${prefix}3`, [event('L2'), event('L3')]);
          await collector.until(() => collector.events().length === 6);
          expect(collector.messages.map(describeMessage)).toEqual(['H1', 'H2', 'H3', 'caughtUp', 'L1', 'L2', 'L3']);
          expectIncreasing(collector.events().map((e) => e.position));
        } finally {
          await collector.stop();
        }
      });

      it('starts after the given position, exclusively', async () => {
        const prefix = `${category()}-`;
        await store().append(`${prefix}1`, [event('E1'), event('E2'), event('E3')]);
        const [, second] = await store().readAll({ filter: { streamPrefixes: [prefix] } });
        const collector = collect(store().subscribeToAll({ after: second!.position, filter: { streamPrefixes: [prefix] } }));
        try {
          await collector.until((messages) => messages.some((m) => m.kind === 'caughtUp'));
          expect(collector.messages.map(describeMessage)).toEqual(['E3', 'caughtUp']);
        } finally {
          await collector.stop();
        }
      });

      it('filters live events by event type', async () => {
        const prefix = `${category()}-`;
        const collector = collect(store().subscribeToAll({ filter: { streamPrefixes: [prefix], eventTypes: ['Wanted'] } }));
        try {
          await collector.until((messages) => messages.some((m) => m.kind === 'caughtUp'));
          await store().append(`${prefix}1`, [event('Unwanted'), event('Wanted'), event('Unwanted')]);
          await store().append(`${prefix}2`, [event('Wanted')]);
          await collector.until(() => collector.events().length === 2);
          await sleep(50);
          expect(collector.events().map((e) => [e.streamName, e.type])).toEqual([
            [`${prefix}1`, 'Wanted'],
            [`${prefix}2`, 'Wanted'],
          ]);
        } finally {
          await collector.stop();
        }
      });

      it('ends the iteration on close()', async () => {
        const subscription = store().subscribeToAll({ filter: { streamPrefixes: [`${category()}-`] } });
        const seen: string[] = [];
        const loop = (async () => {
          for await (const message of subscription) seen.push(message.kind);
        })();
        await waitFor(() => seen.includes('caughtUp'));
        await subscription.close();
        await expect(withTimeout(loop, 5000)).resolves.toBeUndefined();
      });
    });

    describe('stream metadata', () => {
      it('reads empty metadata for an unknown stream and round-trips what was set', async () => {
        const stream = `${category()}-1`;
        expect(await store().getStreamMetadata(stream)).toEqual({});
        const metadata = { maxAge: 86400, truncateBefore: 3n, custom: { retention: 'archiefwet', years: 10 } };
        await store().setStreamMetadata(stream, metadata);
        expect(await store().getStreamMetadata(stream)).toEqual(metadata);
        await store().setStreamMetadata(stream, { maxCount: 5 });
        expect(await store().getStreamMetadata(stream)).toEqual({ maxCount: 5 });
      });

      it('hides events before truncateBefore and beyond maxCount from stream reads', async () => {
        const stream = await streamOf(5);
        await store().setStreamMetadata(stream, { truncateBefore: 2n });
        expect(revisions(await store().readStream(stream))).toEqual([2n, 3n, 4n]);
        await store().setStreamMetadata(stream, { maxCount: 2 });
        expect(revisions(await store().readStream(stream))).toEqual([3n, 4n]);
        expect(revisions(await store().readStream(stream, { direction: 'backwards' }))).toEqual([4n, 3n]);
      });
    });

    describe('deleting streams', () => {
      it('soft-deletes: reads as empty; a later append recreates it with revisions continuing', async () => {
        const stream = await streamOf(3);
        await store().deleteStream(stream, { expectedRevision: 2n });
        expect(await store().readStream(stream)).toEqual([]);
        const result = await store().append(stream, [event('Recreated')], { expectedRevision: 'no_stream' });
        expect(result.nextRevision).toBe(3n);
        const read = await store().readStream(stream);
        expect(read.map((e) => [e.revision, e.type])).toEqual([[3n, 'Recreated']]);
        expect((await store().append(stream, [event()], { expectedRevision: 3n })).nextRevision).toBe(4n);
      });

      it('treats a soft-deleted stream as not existing for expected revisions', async () => {
        const stream = await streamOf(2);
        await store().deleteStream(stream);
        const error = await rejection(store().append(stream, [event()], { expectedRevision: 'stream_exists' }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect((await store().append(stream, [event()], { expectedRevision: 'any' })).nextRevision).toBe(2n);
      });

      it('rejects a soft delete at the wrong expected revision', async () => {
        const stream = await streamOf(2);
        const error = await rejection(store().deleteStream(stream, { expectedRevision: 0n }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ actual: 1n });
        expect(await store().readStream(stream)).toHaveLength(2);
      });

      it('hard-deletes (tombstones): reads and appends throw StreamDeletedError for ever', async () => {
        const stream = await streamOf(2);
        await store().tombstoneStream(stream, { expectedRevision: 1n });
        await expect(store().readStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
        await expect(store().append(stream, [event()])).rejects.toBeInstanceOf(StreamDeletedError);
        await expect(store().append(stream, [event()], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(StreamDeletedError);
        await expect(store().tombstoneStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
      });

      it('rejects a hard delete at the wrong expected revision', async () => {
        const stream = await streamOf(1);
        const error = await rejection(store().tombstoneStream(stream, { expectedRevision: 'no_stream' }));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(await store().readStream(stream)).toHaveLength(1);
      });
    });

    describe('ordering under concurrency', () => {
      it('delivers every event of 16 concurrent writers exactly once, in stream order, to a live subscriber', async () => {
        const prefix = `${category()}-`;
        const streams = Array.from({ length: 6 }, (_, i) => `${prefix}${i}`);
        const collector = collect(store().subscribeToAll({ filter: { streamPrefixes: [prefix] } }));
        try {
          await collector.until((messages) => messages.some((m) => m.kind === 'caughtUp'));
          const committed: string[] = [];
          const slowEvent = event('Slow');
          const lateEvent = event('Late');
          const held = subject.heldAppend
            ? await Promise.all([
                subject.heldAppend.begin(`${prefix}slow`, [slowEvent], {}, 'beforeCommit'),
                subject.heldAppend.begin(streams[0]!, [lateEvent], {}, 'afterTransactionStart'),
              ])
            : [];
          if (held.length > 0) committed.push(slowEvent.id, lateEvent.id);
          const writers = Array.from({ length: 16 }, async (_, writer) => {
            for (let i = 0; i < 12; i++) {
              const stream = streams[(writer + i) % streams.length]!;
              const batch = Array.from({ length: 1 + ((writer + i) % 3) }, () => event('Written', { writer, i }));
              await store().append(stream, batch);
              committed.push(...batch.map((e) => e.id));
            }
          });
          await Promise.all(writers);
          for (const append of held) await append.release();
          await collector.until(() => collector.events().length >= committed.length, 20000);
          await sleep(100);

          const delivered = collector.events();
          const ids = delivered.map((e) => e.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(new Set(ids)).toEqual(new Set(committed));
          expect(collector.messages.filter((m) => m.kind === 'caughtUp')).toHaveLength(1);
          expectIncreasing(delivered.map((e) => e.position));
          for (const stream of [...streams, `${prefix}slow`]) {
            const seen = delivered.filter((e) => e.streamName === stream).map((e) => e.revision);
            expect(seen).toEqual(seen.map((_, i) => BigInt(i)));
            expect(seen).toEqual(revisions(await store().readStream(stream)));
          }
        } finally {
          await collector.stop();
        }
      });

      const held = (): HeldAppendCapability => {
        if (!subject.heldAppend) throw new Error('the factory promised heldAppend but did not provide it');
        return subject.heldAppend;
      };
      const itHeld = capabilities.heldAppend ? it : it.skip;
      itHeld('never lets a subscriber skip an event behind a slow transaction (held-append capability)', async () => {
        const prefix = `${category()}-`;
        const collector = collect(store().subscribeToAll({ filter: { streamPrefixes: [prefix] } }));
        try {
          await collector.until((messages) => messages.some((m) => m.kind === 'caughtUp'));
          const slow = await held().begin(`${prefix}slow`, [event('Slow')], {}, 'beforeCommit');
          await store().append(`${prefix}fast`, [event('Fast1')]);
          await store().append(`${prefix}fast`, [event('Fast2')]);
          await sleep(150);
          const early = collector.events().map((e) => e.type);
          await slow.release();
          await collector.until(() => collector.events().length === 3);
          const delivered = collector.events();
          expectIncreasing(delivered.map((e) => e.position));
          expect(new Set(delivered.map((e) => e.type))).toEqual(new Set(['Slow', 'Fast1', 'Fast2']));
          // What was delivered while the slow transaction was open must not sort after the slow event.
          const slowEvent = delivered.find((e) => e.type === 'Slow')!;
          for (const type of early) {
            const e = delivered.find((d) => d.type === type)!;
            expect(comparePositions(e.position, slowEvent.position)).toBeLessThan(0);
          }
          const fromScratch = await store().readAll({ filter: { streamPrefixes: [prefix] } });
          expect(fromScratch.map((e) => e.id)).toEqual(delivered.map((e) => e.id));
        } finally {
          await collector.stop();
        }
      });

      itHeld('keeps a stream in revision order in $all when an older transaction appends after a newer one (held-append capability)', async () => {
        const prefix = `${category()}-`;
        const stream = `${prefix}1`;
        const older = await held().begin(stream, [event('Older')], { expectedRevision: 'any' }, 'afterTransactionStart');
        const newer = store().append(stream, [event('Newer')], { expectedRevision: 'no_stream' });
        await withTimeout(newer, 5000);
        const result = await older.release();
        expect(result.nextRevision).toBe(1n);
        const all = await store().readAll({ filter: { streamPrefixes: [prefix] } });
        expect(all.map((e) => [e.type, e.revision])).toEqual([
          ['Newer', 0n],
          ['Older', 1n],
        ]);
      });
    });

    function event(type = 'Happened', data: Record<string, unknown> = {}, metadata?: NewEvent['metadata']): NewEvent {
      return { id: randomUUID(), type, data, ...(metadata ? { metadata } : {}) };
    }

    async function streamOf(count: number): Promise<string> {
      const stream = `${category()}-1`;
      await store().append(
        stream,
        Array.from({ length: count }, (_, i) => event('Numbered', { i })),
        { expectedRevision: 'no_stream' },
      );
      return stream;
    }
  });
}

/** A unique `<Category>` for one case: letters only, so `streamName()` accepts it. */
function category(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += letters[Math.floor(Math.random() * letters.length)];
  return `Contract${suffix}`;
}

function revisions(events: RecordedEvent[]): bigint[] {
  return events.map((e) => e.revision);
}

function describeMessage(message: SubscriptionMessage): string {
  return message.kind === 'caughtUp' ? 'caughtUp' : message.event.type;
}

function expectIncreasing(positions: Position[]): void {
  for (let i = 1; i < positions.length; i++) {
    if (comparePositions(positions[i - 1]!, positions[i]!) >= 0) {
      throw new Error(`positions not strictly increasing at ${i}: ${fmt(positions[i - 1]!)} then ${fmt(positions[i]!)}`);
    }
  }
}

function fmt(position: Position): string {
  return `${position.commit}/${position.prepare}`;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

interface Collector {
  messages: SubscriptionMessage[];
  events(): RecordedEvent[];
  until(condition: (messages: SubscriptionMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function collect(subscription: Subscription): Collector {
  const messages: SubscriptionMessage[] = [];
  let failure: unknown;
  const loop = (async () => {
    try {
      for await (const message of subscription) messages.push(message);
    } catch (error) {
      failure = error;
    }
  })();
  return {
    messages,
    events: () => messages.flatMap((m) => (m.kind === 'event' ? [m.event] : [])),
    async until(condition, timeoutMs = 10000) {
      await waitFor(() => {
        if (failure) throw failure;
        return condition(messages);
      }, timeoutMs);
    },
    async stop() {
      await subscription.close();
      await withTimeout(loop, 5000);
    },
  };
}
