import type { Position, RecordedEvent, Subscription, SubscriptionMessage } from './event-store.port.js';

/** Wakes waiting subscriptions; a generation counter makes a wake-up between read and wait count. */
export class Waker {
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.generation;
  }

  wake(): void {
    this.generation++;
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves when woken after `since`, after `timeoutMs`, or when `signal` aborts. */
  wait(since: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.generation !== since || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal.addEventListener('abort', done);
    });
  }
}

/**
 * Wake-ups by event type: every subscription has a Waker of its own, woken only by appends of a type
 * its filter reads (any append when it reads every type). A subscription that reads ballots is then
 * not woken by a budget's events, and one that reads no ballots is not woken by the voting peak;
 * the poll interval still bounds any wake-up that went astray.
 */
export class TypedWakers {
  private readonly interests = new Set<{ waker: Waker; types: ReadonlySet<string> | null }>();

  /**
   * A waker for a subscription reading `eventTypes` (every type when absent or empty). It is woken from
   * `attach` (the subscription's start) until `release` (its end).
   */
  register(eventTypes: readonly string[] | undefined): { waker: Waker; attach(): void; release(): void } {
    const interest = { waker: new Waker(), types: eventTypes?.length ? new Set(eventTypes) : null };
    return { waker: interest.waker, attach: () => this.interests.add(interest), release: () => this.interests.delete(interest) };
  }

  /** Wakes the subscriptions that read any of `types`; every one when `types` is null (appends whose types are not known). */
  wake(types: readonly string[] | null): void {
    for (const { waker, types: reads } of this.interests) {
      if (types === null || reads === null || types.some((type) => reads.has(type))) waker.wake();
    }
  }
}

/** One page of `$all`: the matching events and the position up to which the log was scanned. */
export interface CatchUpPage {
  events: RecordedEvent[];
  /** Everything up to here was examined; `null` when the log is empty. */
  scannedTo: Position | null;
  /** Committed events exist that cannot be read yet (they wait behind an older open transaction). */
  pending?: boolean;
}

export interface CatchUpOptions {
  after: Position | 'start';
  /** Reads matching events after `after`, at most `limit`, and says how far it scanned. */
  readPage(after: Position | 'start', limit: number): Promise<CatchUpPage>;
  waker: Waker;
  pageSize?: number;
  /** Longest sleep without a wake-up before reading again. */
  pollIntervalMs?: number;
  /** Called when the subscription starts and ends waiting for wake-ups (e.g. to LISTEN). */
  onStart?(): Promise<void> | void;
  onEnd?(): Promise<void> | void;
}

/**
 * A catch-up subscription over a paged reader: pages until a short page, yields one `caughtUp`,
 * then sleeps until woken (or the poll interval) and pages again. While committed events wait behind
 * an older open transaction it re-reads with a growing back-off instead of sleeping.
 */
export function catchUpSubscription(options: CatchUpOptions): Subscription {
  const pageSize = options.pageSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const abort = new AbortController();
  let started = false;

  async function* run(): AsyncGenerator<SubscriptionMessage> {
    let cursor = options.after;
    let caughtUp = false;
    let lastSeen: Position | null = cursor === 'start' ? null : cursor;
    let backoff = 5;
    await options.onStart?.();
    try {
      while (!abort.signal.aborted) {
        const generation = options.waker.current;
        const page = await options.readPage(cursor, pageSize);
        if (abort.signal.aborted) return;
        for (const event of page.events) {
          yield { kind: 'event', event };
          if (abort.signal.aborted) return;
        }
        const last = page.events.at(-1);
        if (last) lastSeen = last.position;
        if (page.events.length === pageSize) {
          cursor = last!.position;
          continue;
        }
        if (page.scannedTo) {
          cursor = page.scannedTo;
          lastSeen = page.scannedTo;
        }
        if (page.events.length > 0) backoff = 5;
        // Catching up, a page with events is read on from: caughtUp is said after a page that found none.
        // Live, a short page reached the head: wait, and an append during the read has woken us already.
        if (page.events.length > 0 && !caughtUp) continue;
        if (page.pending) {
          // Committed events wait behind an older open transaction: look again soon, and do not claim the head yet.
          await sleep(backoff, abort.signal);
          backoff = Math.min(backoff * 2, pollIntervalMs);
          continue;
        }
        if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caughtUp', position: lastSeen };
          if (abort.signal.aborted) return;
        }
        backoff = 5;
        await options.waker.wait(generation, pollIntervalMs, abort.signal);
      }
    } finally {
      abort.abort();
      await options.onEnd?.();
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
      abort.abort();
      await iterator.return(undefined);
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
