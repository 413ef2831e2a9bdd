import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { EsdbDouble } from '../../../../test/esdb-double/esdb-double.js';
import { SubscriptionRecorder } from '../../../../test/esdb-double/subscription-recorder.js';
import { EventStoreUnavailableError, StreamDeletedError, WrongExpectedVersionError } from '../event-store.errors.js';
import type { NewEvent, RecordedEvent } from '../event-store.port.js';
import { comparePositions } from '../position.js';
import { createEsdbEventStore, type EsdbEventStore } from './esdb-event-store.js';

const event = (type: string, data: Record<string, unknown> = {}, metadata: NewEvent['metadata'] = undefined): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  ...(metadata ? { metadata } : {}),
});
const stream = (category = 'Budget'): string => `${category}-${randomUUID()}`;

for (const batchAppend of [true, false]) {
  describe(`EsdbEventStore on the gRPC double (${batchAppend ? 'BatchAppend' : 'Append'})`, () => {
    const double = new EsdbDouble({ batchAppend });
    let store: EsdbEventStore;

    beforeAll(async () => {
      await double.start();
      store = createEsdbEventStore({ connectionString: double.connectionString(), deadlineMs: 2000 });
    });
    afterAll(async () => {
      await store.close();
      await double.stop();
    });

    it('appends and reads back data, metadata, revisions and positions', async () => {
      const name = stream();
      const metadata = { $correlationId: randomUUID(), $causationId: randomUUID(), actor: 'staff-7', role: 'reviewer', tenant: 'GM0363', reason: 'Raadsbesluit 2026-14', extra: { nested: [1, 2] } };
      const first = await store.append(name, [event('BudgetDrafted', { amountCents: 125000 }, metadata), event('BudgetAmended', { amountCents: 130000 })], { expectedRevision: 'no_stream' });
      expect(first.nextRevision).toBe(1n);
      const read = await store.readStream(name);
      expect(read.map((e) => [e.revision, e.type, e.data])).toEqual([
        [0n, 'BudgetDrafted', { amountCents: 125000 }],
        [1n, 'BudgetAmended', { amountCents: 130000 }],
      ]);
      expect(read[0]!.metadata).toEqual(metadata);
      expect(read[1]!.metadata).toEqual({});
      expect(read[0]!.streamName).toBe(name);
      expect(read[1]!.position).toEqual(first.position);
      expect(comparePositions(read[0]!.position, read[1]!.position)).toBeLessThan(0);
      expect(read[0]!.created).toBeInstanceOf(Date);
    });

    it('checks every kind of expected revision and reports the actual one', async () => {
      const name = stream();
      await expect(store.append(name, [event('A')], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: 'no_stream' });
      await expect(store.append(name, [event('A')], { expectedRevision: 0n })).rejects.toMatchObject({ actual: 'no_stream', expected: 0n });
      await store.append(name, [event('A')], { expectedRevision: 'no_stream' });
      const error = await store.append(name, [event('B')], { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamName: name, expected: 'no_stream', actual: 0n });
      await expect(store.append(name, [event('B')], { expectedRevision: 5n })).rejects.toMatchObject({ expected: 5n, actual: 0n });
      expect((await store.append(name, [event('B')], { expectedRevision: 0n })).nextRevision).toBe(1n);
      expect((await store.append(name, [event('C')], { expectedRevision: 'stream_exists' })).nextRevision).toBe(2n);
      expect((await store.append(name, [event('D')], { expectedRevision: 'any' })).nextRevision).toBe(3n);
      expect((await store.append(name, [event('E')])).nextRevision).toBe(4n);
    });

    it('checks the expected revision of an empty append and writes nothing, like the other adapters', async () => {
      const name = stream();
      expect(await store.append(name, [], { expectedRevision: 'no_stream' })).toEqual({ nextRevision: -1n, position: { commit: 0n, prepare: 0n } });
      await expect(store.append(name, [], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: 'no_stream' });
      const written = await store.append(name, [event('A'), event('B')]);
      expect(await store.append(name, [], { expectedRevision: 1n })).toEqual(written);
      expect(await store.append(name, [], { expectedRevision: 'stream_exists' })).toEqual(written);
      expect(await store.append(name, [])).toEqual(written);
      await expect(store.append(name, [], { expectedRevision: 0n })).rejects.toMatchObject({ name: 'WrongExpectedVersionError', expected: 0n, actual: 1n });
      await expect(store.append(name, [], { expectedRevision: 'no_stream' })).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: 1n });
      expect(await store.readStream(name)).toHaveLength(2);
    });

    it('is idempotent for a repeated append and rejects a partly repeated one', async () => {
      const name = stream();
      const batch = [event('A'), event('B')];
      const first = await store.append(name, batch, { expectedRevision: 'no_stream' });
      const again = await store.append(name, batch, { expectedRevision: 'no_stream' });
      expect(again).toEqual(first);
      expect(await store.readStream(name)).toHaveLength(2);
      await expect(store.append(name, [batch[0]!, event('C')], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream(name)).toHaveLength(2);
    });

    it('reads streams in both directions, from a revision, with a maximum count', async () => {
      const name = stream();
      await store.append(name, ['A', 'B', 'C', 'D'].map((t) => event(t)));
      const types = (events: RecordedEvent[]): string[] => events.map((e) => e.type);
      expect(types(await store.readStream(name, { direction: 'backwards' }))).toEqual(['D', 'C', 'B', 'A']);
      expect(types(await store.readStream(name, { fromRevision: 2n }))).toEqual(['C', 'D']);
      expect(types(await store.readStream(name, { direction: 'backwards', fromRevision: 1n }))).toEqual(['B', 'A']);
      expect(types(await store.readStream(name, { maxCount: 2 }))).toEqual(['A', 'B']);
      expect(types(await store.readStream(name, { direction: 'backwards', maxCount: 1 }))).toEqual(['D']);
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('reads $all after a position (exclusive), with filters, without system events', async () => {
      const a = stream('Round');
      const b = stream('Proposal');
      const start = await store.readAll({ maxCount: 100_000 });
      const after = start.at(-1)?.position ?? 'start';
      await store.append(a, [event('RoundOpened'), event('RoundClosed')]);
      await store.setStreamMetadata(a, { maxCount: 10 });
      await store.append(b, [event('ProposalSubmitted')]);
      const all = await store.readAll({ after });
      expect(all.map((e) => e.type)).toEqual(['RoundOpened', 'RoundClosed', 'ProposalSubmitted']);
      expect((await store.readAll({ after: all[0]!.position })).map((e) => e.type)).toEqual(['RoundClosed', 'ProposalSubmitted']);
      expect((await store.readAll({ after, maxCount: 2 })).map((e) => e.type)).toEqual(['RoundOpened', 'RoundClosed']);
      expect((await store.readAll({ after, filter: { streamPrefixes: ['Proposal-'] } })).map((e) => e.streamName)).toEqual([b]);
      expect((await store.readAll({ after, filter: { eventTypes: ['RoundClosed', 'ProposalSubmitted'] } })).map((e) => e.type)).toEqual(['RoundClosed', 'ProposalSubmitted']);
      expect((await store.readAll({ after, filter: { streamPrefixes: ['Round-'], eventTypes: ['RoundClosed'] } })).map((e) => e.type)).toEqual(['RoundClosed']);
    });

    it('round-trips stream metadata', async () => {
      const name = stream();
      expect(await store.getStreamMetadata(name)).toEqual({});
      await store.setStreamMetadata(name, { maxAge: 3600, maxCount: 50, truncateBefore: 2n, custom: { retention: 'Archiefwet', years: 7 } });
      expect(await store.getStreamMetadata(name)).toEqual({ maxAge: 3600, maxCount: 50, truncateBefore: 2n, custom: { retention: 'Archiefwet', years: 7 } });
    });

    it('soft-deletes: the stream reads as empty and a later append continues its revisions', async () => {
      const name = stream();
      await store.append(name, [event('A'), event('B')]);
      await store.deleteStream(name, { expectedRevision: 1n });
      expect(await store.readStream(name)).toEqual([]);
      await expect(store.append(name, [event('X')], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: 'no_stream' });
      const recreated = await store.append(name, [event('C')], { expectedRevision: 'no_stream' });
      expect(recreated.nextRevision).toBe(2n);
      expect((await store.readStream(name)).map((e) => [e.revision, e.type])).toEqual([[2n, 'C']]);
    });

    it('checks the expected revision of deletes', async () => {
      const name = stream();
      await expect(store.deleteStream(name, { expectedRevision: 'stream_exists' })).rejects.toMatchObject({ actual: 'no_stream' });
      await store.append(name, [event('A')]);
      await expect(store.deleteStream(name, { expectedRevision: 3n })).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: 0n });
      await expect(store.tombstoneStream(name, { expectedRevision: 'no_stream' })).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actual: 0n });
      await store.deleteStream(name, { expectedRevision: 'stream_exists' });
      expect(await store.readStream(name)).toEqual([]);
    });

    it('tombstones: the stream can never be read or written again', async () => {
      const name = stream();
      await store.append(name, [event('A')]);
      await store.tombstoneStream(name, { expectedRevision: 0n });
      await expect(store.readStream(name)).rejects.toBeInstanceOf(StreamDeletedError);
      for (const expectedRevision of ['any', 'no_stream', 'stream_exists', 0n] as const) {
        await expect(store.append(name, [event('B')], { expectedRevision })).rejects.toBeInstanceOf(StreamDeletedError);
      }
      await expect(store.deleteStream(name)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store.tombstoneStream(name)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store.setStreamMetadata(name, { maxCount: 1 })).rejects.toBeInstanceOf(StreamDeletedError);
    });

    it('subscribes to $all: history, one caughtUp, live events, with server-side filters', async () => {
      const head = (await store.readAll({ maxCount: 100_000 })).at(-1)?.position ?? 'start';
      const round = stream('Round');
      const proposal = stream('Proposal');
      await store.append(round, [event('RoundOpened')]);
      await store.append(proposal, [event('ProposalSubmitted')]);
      const all = new SubscriptionRecorder(store.subscribeToAll({ after: head }));
      const byPrefix = new SubscriptionRecorder(store.subscribeToAll({ after: head, filter: { streamPrefixes: ['Proposal-'] } }));
      const byType = new SubscriptionRecorder(store.subscribeToAll({ after: head, filter: { eventTypes: ['RoundClosed'] } }));
      await all.waitFor((r) => r.caughtUpCount === 1 && r.events.length === 2);
      await store.append(round, [event('RoundClosed')]);
      await store.append(proposal, [event('ProposalWithdrawn')]);
      await all.waitForCount(4);
      await byPrefix.waitForCount(2);
      await byType.waitForCount(1);
      expect(all.events.map((e) => e.type)).toEqual(['RoundOpened', 'ProposalSubmitted', 'RoundClosed', 'ProposalWithdrawn']);
      expect(all.caughtUpCount).toBe(1);
      expect(byPrefix.events.map((e) => e.type)).toEqual(['ProposalSubmitted', 'ProposalWithdrawn']);
      expect(byType.events.map((e) => e.streamName)).toEqual([round]);
      await Promise.all([all.close(), byPrefix.close(), byType.close()]);
    });

    it('yields caughtUp after the last historical event, not before', async () => {
      const name = stream('Ballot');
      await store.append(name, Array.from({ length: 300 }, (_, i) => event('BallotCast', { i })));
      const order: string[] = [];
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [name] } });
      for await (const message of subscription) {
        order.push(message.kind);
        if (message.kind === 'caughtUp') break;
      }
      await subscription.close();
      expect(order.filter((k) => k === 'event')).toHaveLength(300);
      expect(order.at(-1)).toBe('caughtUp');
    });
  });
}

describe('EsdbEventStore when the server is down, hangs or is killed', () => {
  it('fails fast with EventStoreUnavailableError when nothing listens', async () => {
    const double = new EsdbDouble();
    const port = await double.start(0);
    await double.stop();
    const store = createEsdbEventStore({ connectionString: `esdb://127.0.0.1:${port}?tls=false`, deadlineMs: 5000 });
    try {
      for (const call of [() => store.append(stream(), [event('A')]), () => store.readStream(stream()), () => store.readAll(), () => store.getStreamMetadata(stream())]) {
        const started = performance.now();
        await expect(call()).rejects.toBeInstanceOf(EventStoreUnavailableError);
        expect(performance.now() - started).toBeLessThan(1000);
      }
      expect(await store.ping()).toMatchObject({ status: 'down', reason: 'unavailable' });
    } finally {
      await store.close();
    }
  });

  it('times out within the deadline when the server accepts calls and never answers, and recovers', async () => {
    const double = new EsdbDouble();
    await double.start();
    const store = createEsdbEventStore({ connectionString: double.connectionString(), deadlineMs: 300 });
    try {
      await store.append(stream(), [event('A')]);
      double.hang(true);
      for (const call of [() => store.append(stream(), [event('A')]), () => store.readStream(stream()), () => store.readAll(), () => store.deleteStream(stream())]) {
        const started = performance.now();
        const error = await call().catch((e: unknown) => e);
        const elapsed = performance.now() - started;
        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect((error as Error).message).toMatch(/did not answer .* within 300 ms/);
        expect(elapsed).toBeGreaterThanOrEqual(250);
        expect(elapsed).toBeLessThan(1000);
      }
      expect(await store.ping()).toMatchObject({ status: 'down', reason: 'timeout' });
      double.hang(false);
      expect(await store.ping()).toMatchObject({ status: 'up' });
      expect((await store.append(stream(), [event('B')], { expectedRevision: 'no_stream' })).nextRevision).toBe(0n);
    } finally {
      await store.close();
      await double.stop();
    }
  });

  it('a call in flight on a client replaced after another call timed out fails as unavailable: a read never answers an existing stream as empty', async () => {
    const double = new EsdbDouble();
    await double.start();
    const store = createEsdbEventStore({ connectionString: double.connectionString(), deadlineMs: 300 });
    try {
      const name = stream();
      await store.append(name, [event('A')]);
      double.hang(true);
      // The first call times out and the store replaces its client; the others were sent on that client meanwhile.
      const first = store.readStream(name).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const inFlight = [store.readStream(name), store.readAll({ maxCount: 10 }), store.append(stream(), [event('B')])].map((call) => call.then((value) => ({ value }), (e: unknown) => e));
      expect(await first).toBeInstanceOf(EventStoreUnavailableError);
      for (const outcome of await Promise.all(inFlight)) expect(outcome).toBeInstanceOf(EventStoreUnavailableError);
      double.hang(false);
      expect((await store.readStream(name)).map((e) => e.type)).toEqual(['A']);
    } finally {
      await store.close();
      await double.stop();
    }
  });

  it('times out when a socket accepts the connection and never speaks gRPC', async () => {
    const net = await import('node:net');
    const sockets = new Set<import('node:net').Socket>();
    const blackhole = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const port = (blackhole.address() as import('node:net').AddressInfo).port;
    const store = createEsdbEventStore({ connectionString: `esdb://127.0.0.1:${port}?tls=false`, deadlineMs: 300 });
    try {
      const started = performance.now();
      await expect(store.append(stream(), [event('A')])).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(await store.ping()).toMatchObject({ status: 'down' });
    } finally {
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blackhole.close(resolve));
    }
  });

  it('keeps a subscription going when a hung server made the store replace its client', async () => {
    const double = new EsdbDouble();
    await double.start();
    const store = createEsdbEventStore({ connectionString: double.connectionString(), deadlineMs: 300, subscription: { initialBackoffMs: 50, maxBackoffMs: 200 } });
    const name = stream('Round');
    const written: NewEvent[] = [];
    try {
      const first = [event('Tick'), event('Tick')];
      await store.append(name, first);
      written.push(...first);
      const recorder = new SubscriptionRecorder(store.subscribeToAll({ filter: { streamPrefixes: [name] } }));
      await recorder.waitFor((r) => r.caughtUpCount === 1 && r.events.length === 2);
      double.hang(true);
      await expect(store.append(name, [event('Lost')])).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await new Promise((resolve) => setTimeout(resolve, 150));
      double.hang(false);
      const later = [event('Tick'), event('Tick'), event('Tick')];
      await store.append(name, later);
      written.push(...later);
      await recorder.waitForCount(written.length, 10_000);
      // The timed-out append may or may not have been written (here: the double never received it).
      expect(recorder.exactlyOnceProblems(written)).toEqual([]);
      await recorder.close();
    } finally {
      await store.close();
      await double.stop();
    }
  });

  it('resumes a subscription after the server is killed and restarted: every event exactly once', async () => {
    const double = new EsdbDouble();
    await double.start();
    const reconnects: number[] = [];
    const store = createEsdbEventStore({
      connectionString: double.connectionString(),
      deadlineMs: 1000,
      subscription: { initialBackoffMs: 50, maxBackoffMs: 200, onReconnect: (info) => reconnects.push(info.attempt) },
    });
    const name = stream('Round');
    const written: NewEvent[] = [];
    const write = async (n: number): Promise<void> => {
      const batch = Array.from({ length: n }, (_, i) => event('Tick', { n: written.length + i }));
      await store.append(name, batch);
      written.push(...batch);
    };
    try {
      await write(20);
      const recorder = new SubscriptionRecorder(store.subscribeToAll({ filter: { streamPrefixes: ['Round-'] } }));
      await recorder.waitFor((r) => r.caughtUpCount === 1 && r.events.length === 20);
      await write(5);
      await recorder.waitForCount(25);

      await double.stop();
      await expect(store.append(name, [event('Lost')])).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await double.start();
      await write(10);
      await recorder.waitForCount(35, 10_000);

      // Killed again while the subscriber is still catching up on a large backlog.
      await write(400);
      await recorder.waitForCount(60);
      await double.restart();
      await write(15);
      await recorder.waitForCount(written.length, 15_000);
      await new Promise((resolve) => setTimeout(resolve, 200));

      expect(recorder.exactlyOnceProblems(written)).toEqual([]);
      expect(recorder.events.map((e) => e.id)).toEqual(written.map((e) => e.id));
      expect(recorder.caughtUpCount).toBe(1);
      expect(reconnects.length).toBeGreaterThanOrEqual(2);
      await recorder.close();
    } finally {
      await store.close();
      await double.stop();
    }
  });
});
