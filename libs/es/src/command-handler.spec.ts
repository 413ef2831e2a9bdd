import { describe, expect, it } from '@jest/globals';
import { InMemoryEventStore, WrongExpectedVersionError } from '@lib/event-store';
import { CommandStreamMissing, findStream, handleCommand, loadStream, StreamStateCache } from './command-handler.js';
import type { Decider } from './decider.js';
import { domainError } from './domain-error.js';
import type { CommandContext } from './envelope.js';
import { verifyChain } from './hash-chain.js';

type CounterEvent = { type: 'Counted'; data: { by: number } };
type CounterCommand = { type: 'Count'; data: { by: number; max: number } };
class CounterLimitReachedError extends domainError('COUNTER.LIMIT_REACHED') {}

const counter: Decider<CounterCommand, number, CounterEvent> = {
  initialState: () => 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command, state) => {
    if (state + command.data.by > command.data.max) throw new CounterLimitReachedError(`Cannot pass ${command.data.max}`);
    return command.data.by === 0 ? [] : [{ type: 'Counted', data: { by: command.data.by } }];
  },
};

const context: CommandContext = { actor: 'staff-1', role: 'administrator', tenant: 'GM0363', correlationId: 'c-1', now: new Date('2026-05-01T10:00:00Z') };
let ids = 0;
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
const count = (by: number, max = 100): CounterCommand => ({ type: 'Count', data: { by, max } });

describe('handleCommand', () => {
  it('appends the decided events with the context as metadata and a hash chain', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'Counter-1', counter, count(2), context, { newId });
    const result = await handleCommand(store, 'Counter-1', counter, count(3), { ...context, reason: 'second' }, { newId });
    expect(result.nextRevision).toBe(1n);
    const events = await store.readStream('Counter-1');
    expect(events.map((e) => [e.type, e.data])).toEqual([['Counted', { by: 2 }], ['Counted', { by: 3 }]]);
    expect(events[1]!.metadata).toMatchObject({ actor: 'staff-1', role: 'administrator', tenant: 'GM0363', $correlationId: 'c-1', reason: 'second', at: '2026-05-01T10:00:00.000Z' });
    expect(verifyChain('Counter-1', events)).toBeNull();
  });

  it('appends nothing when the decision rejects', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'Counter-1', counter, count(2), context, { newId });
    await expect(handleCommand(store, 'Counter-1', counter, count(200), context, { newId })).rejects.toBeInstanceOf(CounterLimitReachedError);
    expect(await store.readStream('Counter-1')).toHaveLength(1);
  });

  it('refuses a stale If-Match without retrying, and appends nothing', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'Counter-1', counter, count(1), context, { newId });
    await handleCommand(store, 'Counter-1', counter, count(1), context, { newId });
    await expect(handleCommand(store, 'Counter-1', counter, count(1), context, { newId, expectedRevision: 0n })).rejects.toMatchObject({ actual: 1n });
    expect(await store.readStream('Counter-1')).toHaveLength(2);
  });

  it('retries a conflict when the caller pinned no revision, deciding again on the new state', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'Counter-1', counter, count(1), context, { newId });
    // A store whose first append loses the race against another writer.
    let raced = false;
    const original = store.append.bind(store);
    store.append = async (stream, events, options) => {
      if (!raced) {
        raced = true;
        await original(stream, [{ id: newId(), type: 'Counted', data: { by: 10 }, metadata: { tenant: 'GM0363' } }], { expectedRevision: 0n });
      }
      return original(stream, events, options);
    };
    const result = await handleCommand(store, 'Counter-1', counter, count(5), context, { newId });
    expect(result.nextRevision).toBe(2n);
    expect((await store.readStream('Counter-1')).map((e) => e.data)).toEqual([{ by: 1 }, { by: 10 }, { by: 5 }]);
  });

  it('gives up after the retries are spent', async () => {
    const store = new InMemoryEventStore();
    store.append = async (stream) => {
      throw new WrongExpectedVersionError(stream, 0n, 1n);
    };
    await expect(handleCommand(store, 'Counter-1', counter, count(1), context, { newId, maxRetries: 2 })).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });

  it('answers another municipality\'s stream as missing, for commands and reads', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'Counter-1', counter, count(1), context, { newId });
    const other = { ...context, tenant: 'GM0014' };
    await expect(handleCommand(store, 'Counter-1', counter, count(1), other, { newId })).rejects.toBeInstanceOf(CommandStreamMissing);
    await expect(loadStream(store, 'Counter-1', counter, 'GM0014')).rejects.toBeInstanceOf(CommandStreamMissing);
    expect(await loadStream(store, 'Counter-1', counter, 'GM0363')).toMatchObject({ state: 1, revision: 0n });
    expect(await store.readStream('Counter-1')).toHaveLength(1);
  });

  it('requires an existing stream when told to', async () => {
    const store = new InMemoryEventStore();
    await expect(handleCommand(store, 'Counter-9', counter, count(1), context, { newId, streamMustExist: true })).rejects.toBeInstanceOf(CommandStreamMissing);
    expect(await store.readStream('Counter-9')).toEqual([]);
  });

  it('appends nothing when the decision has nothing to record', async () => {
    const store = new InMemoryEventStore();
    const result = await handleCommand(store, 'Counter-1', counter, count(0), context, { newId });
    expect(result).toEqual({ nextRevision: -1n, position: null, events: [] });
    expect(await store.readAll()).toEqual([]);
  });

  describe('a stream expected to be new (expectNew)', () => {
    it('appends with no_stream without reading the stream first', async () => {
      const store = new InMemoryEventStore();
      const reads: string[] = [];
      const read = store.readStream.bind(store);
      store.readStream = async (stream, options) => {
        reads.push(stream);
        return read(stream, options);
      };
      const result = await handleCommand(store, 'Counter-1', counter, count(2), context, { newId, expectNew: true });
      expect(reads).toEqual([]);
      expect(result.nextRevision).toBe(0n);
      const events = await read('Counter-1');
      expect(events.map((e) => e.data)).toEqual([{ by: 2 }]);
      expect(verifyChain('Counter-1', events)).toBeNull();
    });

    it('reads, folds and decides again when the stream exists after all', async () => {
      const store = new InMemoryEventStore();
      await handleCommand(store, 'Counter-1', counter, count(90), context, { newId });
      // Decided on the real state: 90 + 20 passes the limit, so nothing is appended.
      await expect(handleCommand(store, 'Counter-1', counter, count(20), context, { newId, expectNew: true, maxRetries: 0 })).rejects.toBeInstanceOf(CounterLimitReachedError);
      const result = await handleCommand(store, 'Counter-1', counter, count(5), context, { newId, expectNew: true, maxRetries: 0 });
      expect(result.nextRevision).toBe(1n);
      expect((await store.readStream('Counter-1')).map((e) => e.data)).toEqual([{ by: 90 }, { by: 5 }]);
    });

    it('still answers another municipality\'s existing stream as missing, appending nothing', async () => {
      const store = new InMemoryEventStore();
      await handleCommand(store, 'Counter-1', counter, count(1), context, { newId });
      await expect(handleCommand(store, 'Counter-1', counter, count(1), { ...context, tenant: 'GM0014' }, { newId, expectNew: true })).rejects.toBeInstanceOf(CommandStreamMissing);
      expect(await store.readStream('Counter-1')).toHaveLength(1);
    });
  });
});

describe('StreamStateCache', () => {
  it('gives what loadStream gives, reading only the events appended since its last use', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'Counter-1', counter, count(1), context, { newId });
    await handleCommand(store, 'Counter-1', counter, count(2), context, { newId });
    const cache = new StreamStateCache();
    const reads: (bigint | string | undefined)[] = [];
    const read = store.readStream.bind(store);
    store.readStream = async (stream, options) => {
      reads.push(options?.fromRevision);
      return read(stream, options);
    };
    expect(await cache.load(store, 'Counter-1', counter, 'GM0363')).toEqual({ state: 3, revision: 1n });
    await handleCommand(store, 'Counter-1', counter, count(4), context, { newId });
    expect(await cache.load(store, 'Counter-1', counter, 'GM0363')).toEqual({ state: 7, revision: 2n });
    expect(await cache.load(store, 'Counter-1', counter, 'GM0363')).toEqual(await loadStream(store, 'Counter-1', counter, 'GM0363').then(({ state, revision }) => ({ state, revision })));
    // The whole stream once (and once by handleCommand, once by loadStream above), then only what is newer than the cached revision.
    expect(reads.filter((from) => typeof from === 'bigint')).toEqual([2n, 3n]);
  });

  it('answers another municipality\'s stream as missing, cached or not', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'Counter-1', counter, count(1), context, { newId });
    const cache = new StreamStateCache();
    await expect(cache.load(store, 'Counter-1', counter, 'GM0014')).rejects.toBeInstanceOf(CommandStreamMissing);
    await cache.load(store, 'Counter-1', counter, 'GM0363');
    await expect(cache.load(store, 'Counter-1', counter, 'GM0014')).rejects.toBeInstanceOf(CommandStreamMissing);
    await expect(cache.load(store, 'Counter-2', counter, 'GM0363')).rejects.toBeInstanceOf(CommandStreamMissing);
  });

  it('finds a stream that may not exist without throwing, and keeps nothing for an absent one', async () => {
    const store = new InMemoryEventStore();
    const cache = new StreamStateCache();
    expect(await cache.find(store, 'Counter-1', counter, 'GM0363')).toBeNull();
    expect(await findStream(store, 'Counter-1', counter, 'GM0363')).toBeNull();
    // It appears later: found at once, not remembered as absent.
    await handleCommand(store, 'Counter-1', counter, count(5), context, { newId });
    expect(await cache.find(store, 'Counter-1', counter, 'GM0363')).toEqual({ state: 5, revision: 0n });
    expect(await findStream(store, 'Counter-1', counter, 'GM0363')).toMatchObject({ state: 5, revision: 0n });
    // Another municipality's stream is absent for the caller, cached or not.
    expect(await cache.find(store, 'Counter-1', counter, 'GM0014')).toBeNull();
    expect(await findStream(store, 'Counter-1', counter, 'GM0014')).toBeNull();
  });

  it('keeps at most its limit of streams, forgetting the least recently used', async () => {
    const store = new InMemoryEventStore();
    for (const n of [1, 2, 3]) await handleCommand(store, `Counter-${n}`, counter, count(n), context, { newId });
    const cache = new StreamStateCache(2);
    let fullReads = 0;
    const read = store.readStream.bind(store);
    store.readStream = async (stream, options) => {
      if (options?.fromRevision === undefined) fullReads++;
      return read(stream, options);
    };
    await cache.load(store, 'Counter-1', counter, 'GM0363');
    await cache.load(store, 'Counter-2', counter, 'GM0363');
    await cache.load(store, 'Counter-1', counter, 'GM0363');
    await cache.load(store, 'Counter-3', counter, 'GM0363');
    expect(fullReads).toBe(3);
    await cache.load(store, 'Counter-1', counter, 'GM0363');
    expect(fullReads).toBe(3);
    expect(await cache.load(store, 'Counter-2', counter, 'GM0363')).toEqual({ state: 2, revision: 0n });
    expect(fullReads).toBe(4);
  });
});
