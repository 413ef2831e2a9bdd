import type { RecordedEvent, Subscription } from '@lib/event-store';

/**
 * Consumes a port subscription in the background and records what it yields, for tests that
 * must prove "every event exactly once, in order" across failures. Works with any adapter.
 */
export class SubscriptionRecorder {
  readonly events: RecordedEvent[] = [];
  caughtUpCount = 0;
  error: unknown = null;
  private readonly done: Promise<void>;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly subscription: Subscription) {
    this.done = (async () => {
      try {
        for await (const message of subscription) {
          if (message.kind === 'event') this.events.push(message.event);
          else this.caughtUpCount += 1;
          this.notify();
        }
      } catch (error) {
        this.error = error;
      } finally {
        this.notify();
      }
    })();
  }

  /** Resolves once `predicate` holds; rejects after `timeoutMs` with what was recorded so far. */
  waitFor(predicate: (recorder: SubscriptionRecorder) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    if (predicate(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.error) {
          cleanup();
          reject(this.error instanceof Error ? this.error : new Error(String(this.error)));
        } else if (predicate(this)) {
          cleanup();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}: ${this.events.length} events, ${this.caughtUpCount} caughtUp`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  /** Waits until the recorder holds `count` events. */
  waitForCount(count: number, timeoutMs = 10_000): Promise<void> {
    return this.waitFor((r) => r.events.length >= count, timeoutMs, `${count} events`);
  }

  async close(): Promise<void> {
    await this.subscription.close();
    await this.done;
  }

  /**
   * Compares the recorded events with the expected ones (ids in order): lists duplicates, missing
   * and unexpected ids and the first order violation. Empty when it is exactly-once and in order.
   */
  exactlyOnceProblems(expected: Pick<RecordedEvent, 'id'>[]): string[] {
    const problems: string[] = [];
    const seen = new Map<string, number>();
    for (const event of this.events) seen.set(event.id, (seen.get(event.id) ?? 0) + 1);
    const duplicates = [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id}×${n}`);
    if (duplicates.length) problems.push(`duplicates: ${duplicates.join(', ')}`);
    const expectedIds = new Set(expected.map((e) => e.id));
    const missing = expected.filter((e) => !seen.has(e.id)).map((e) => e.id);
    if (missing.length) problems.push(`missing: ${missing.join(', ')}`);
    const unexpected = [...seen.keys()].filter((id) => !expectedIds.has(id));
    if (unexpected.length) problems.push(`unexpected: ${unexpected.join(', ')}`);
    for (let i = 1; i < this.events.length; i++) {
      const a = this.events[i - 1]!.position;
      const b = this.events[i]!.position;
      if (a.commit > b.commit || (a.commit === b.commit && a.prepare >= b.prepare)) {
        problems.push(`out of order at ${i}: ${a.commit}/${a.prepare} then ${b.commit}/${b.prepare}`);
        break;
      }
    }
    return problems;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
