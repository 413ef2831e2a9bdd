import type { AllStreamResolvedEvent, EventStoreDBClient, Filter, Position as EsdbPosition } from '@eventstore/db-client';
import { comparePositions } from '../position.js';
import type { Position, RecordedEvent, Subscription, SubscriptionMessage } from '../event-store.port.js';
import { isEsdbPermanent, toPortError } from './esdb-errors.js';

/** What the subscription reports when it lost its connection and is about to subscribe again. */
export interface EsdbReconnectInfo {
  attempt: number;
  delayMs: number;
  /** Resumes strictly after this position. */
  after: Position | 'start';
  error: unknown;
}

export interface EsdbSubscriptionSettings {
  /** First wait before subscribing again after a lost connection (default 100 ms); doubles up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  /** Longest wait between attempts (default 5000 ms). */
  maxBackoffMs?: number;
  /** Gives up (the iteration throws) after this many failed attempts in a row (default: never). */
  maxAttempts?: number;
  onReconnect?(info: EsdbReconnectInfo): void;
}

export interface EsdbSubscriptionSource {
  /** The current client; it changes when the store replaces a client that stopped answering. */
  client(): EventStoreDBClient;
  after: Position | 'start';
  serverFilter: Filter | undefined;
  /** The event as the port sees it, or `null` when it is filtered out (system events, the client-side part of a filter). */
  convert(resolved: AllStreamResolvedEvent): RecordedEvent | null;
  onCheckpoint?(position: Position): void;
  /** Registers a listener for "the store replaced its client": the old client's streams go silent, so subscribe again. */
  onClientReplaced?(listener: () => void): () => void;
  settings: EsdbSubscriptionSettings;
}

type Item = { kind: 'event'; resolved: AllStreamResolvedEvent } | { kind: 'caughtUp' } | { kind: 'end' } | { kind: 'error'; error: unknown };

const HIGH_WATER = 512;
const LOW_WATER = 64;

/**
 * A catch-up subscription to `$all` that survives lost connections: it subscribes again with a
 * growing back-off, strictly after the last event the server delivered, so the consumer sees every
 * matching event exactly once. `caughtUp` is yielded once, after the first catch-up.
 */
export function esdbSubscription(source: EsdbSubscriptionSource): Subscription {
  const initialBackoff = source.settings.initialBackoffMs ?? 100;
  const maxBackoff = source.settings.maxBackoffMs ?? 5000;
  const maxAttempts = source.settings.maxAttempts ?? Number.POSITIVE_INFINITY;
  let closed = false;
  let started = false;
  let current: Connection | null = null;
  let wakeSleep: (() => void) | null = null;

  const offReplaced = source.onClientReplaced?.(() => current?.fail(new Error('The EventStoreDB client was replaced after a timeout')));

  async function* run(): AsyncGenerator<SubscriptionMessage> {
    /** Last position the server delivered to us, matching or not: resuming after it skips nothing we have not seen. */
    let resumeAfter: Position | null = source.after === 'start' ? null : source.after;
    let caughtUpYielded = false;
    let failures = 0;
    try {
      while (!closed) {
        let failure: unknown = new Error('The subscription ended without an error');
        current = openConnection(source, resumeAfter);
        try {
          for (;;) {
            const item = await current.next();
            if (closed) return;
            if (item.kind === 'end') break;
            if (item.kind === 'error') {
              failure = item.error;
              break;
            }
            failures = 0;
            if (item.kind === 'caughtUp') {
              if (!caughtUpYielded) {
                caughtUpYielded = true;
                yield { kind: 'caughtUp', position: resumeAfter };
              }
              continue;
            }
            const position = positionOf(item.resolved);
            if (!position) continue;
            // A server that resumes inclusively must not make us deliver an event twice.
            if (resumeAfter && comparePositions(position, resumeAfter) <= 0) continue;
            resumeAfter = position;
            const event = source.convert(item.resolved);
            if (event) yield { kind: 'event', event };
          }
        } finally {
          current.cancel();
          current = null;
        }
        if (closed) return;
        if (isEsdbPermanent(failure)) throw toPortError(failure, '$all');
        failures += 1;
        if (failures > maxAttempts) throw toPortError(failure, '$all');
        const delayMs = Math.min(initialBackoff * 2 ** (failures - 1), maxBackoff);
        source.settings.onReconnect?.({ attempt: failures, delayMs, after: resumeAfter ?? 'start', error: failure });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, delayMs);
          function done(): void {
            clearTimeout(timer);
            wakeSleep = null;
            resolve();
          }
          wakeSleep = done;
        });
      }
    } finally {
      closed = true;
      offReplaced?.();
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]() {
      if (started) throw new Error('A subscription can be iterated only once');
      started = true;
      return iterator;
    },
    async close() {
      closed = true;
      offReplaced?.();
      current?.cancel();
      wakeSleep?.();
      await iterator.return(undefined);
    },
  };
}

interface Connection {
  next(): Promise<Item>;
  /** Ends this connection with an error (the run loop then subscribes again). */
  fail(error: unknown): void;
  cancel(): void;
}

/** One gRPC subscription, as a queue that keeps the server's order of events and the caught-up signal. */
function openConnection(source: EsdbSubscriptionSource, after: Position | null): Connection {
  const queue: Item[] = [];
  let waiter: ((item: Item) => void) | null = null;
  let finished = false;
  /** The client emits `caughtUp` while earlier events may still sit in its readable buffer: hold the marker back until they are out. */
  let caughtUpAfter: number | null = null;

  const filter = source.serverFilter
    ? { ...source.serverFilter, checkpointReached: (_: unknown, position: EsdbPosition) => source.onCheckpoint?.(position) }
    : undefined;
  const subscription = source.client().subscribeToAll({ fromPosition: after ?? 'start', filter });

  const push = (item: Item): void => {
    if (finished) return;
    if (item.kind === 'end' || item.kind === 'error') finished = true;
    if (waiter) {
      const resolve = waiter;
      waiter = null;
      resolve(item);
      return;
    }
    queue.push(item);
    if (queue.length >= HIGH_WATER && !subscription.isPaused()) subscription.pause();
  };

  subscription.on('data', (resolved: AllStreamResolvedEvent) => {
    push({ kind: 'event', resolved });
    if (caughtUpAfter !== null && --caughtUpAfter <= 0) {
      caughtUpAfter = null;
      push({ kind: 'caughtUp' });
    }
  });
  subscription.on('caughtUp', () => {
    const buffered = subscription.readableLength;
    if (buffered === 0) push({ kind: 'caughtUp' });
    else caughtUpAfter = buffered;
  });
  subscription.on('error', (error: unknown) => push({ kind: 'error', error }));
  subscription.on('end', () => push({ kind: 'end' }));
  subscription.on('close', () => push({ kind: 'end' }));

  return {
    next() {
      const item = queue.shift();
      if (queue.length <= LOW_WATER && subscription.isPaused()) subscription.resume();
      if (item) return Promise.resolve(item);
      if (finished) return Promise.resolve({ kind: 'end' });
      return new Promise((resolve) => (waiter = resolve));
    },
    fail(error) {
      if (finished) return;
      push({ kind: 'error', error });
      void subscription.unsubscribe().catch(() => undefined);
      subscription.on('error', () => undefined);
    },
    cancel() {
      const wasFinished = finished;
      finished = true;
      queue.length = 0;
      if (waiter) {
        const resolve = waiter;
        waiter = null;
        resolve({ kind: 'end' });
      }
      if (!wasFinished) void subscription.unsubscribe().catch(() => undefined);
      subscription.on('error', () => undefined);
    },
  };
}

function positionOf(resolved: AllStreamResolvedEvent): Position | null {
  const position = resolved.event?.position ?? resolved.link?.position;
  return position ? { commit: position.commit, prepare: position.prepare } : null;
}
