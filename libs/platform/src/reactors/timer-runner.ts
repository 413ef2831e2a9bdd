import type { RunnerLock } from '../persistence/runner-lock.js';
import type { ReactorLogger } from './reactor-runner.js';

/**
 * Work the clock makes due rather than an event: at each tick `tick(now)` looks at the streams as
 * they are and carries out what the time asks for. A tick decides on the streams only, never on
 * what an earlier tick remembered, so a restart, a tick missed while the process was down or a
 * second process finds the same work and does it once (the streams' expected revisions see to that).
 */
export interface Timer {
  /** Stable name: the lock is kept under `timer:<name>`. */
  name: string;
  tick(now: Date): Promise<void>;
}

export interface TimerRunnerOptions {
  lock: RunnerLock;
  now: () => Date;
  /** Time between ticks; the first tick runs at once (catching up after downtime). */
  intervalMs: number;
  logger?: ReactorLogger;
}

export const timerKey = (name: string): string => `timer:${name}`;

/** Runs one timer in the process that holds its lock; the others wait and take over when that process dies. */
export class TimerRunner {
  state: 'stopped' | 'waiting-for-lock' | 'running' = 'stopped';
  /** Ticks completed in this process (tests wait on it). */
  ticks = 0;
  private stopping = false;
  private inTick = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly timer: Timer,
    private readonly options: TimerRunnerOptions,
  ) {}

  get name(): string {
    return this.timer.name;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run().finally(() => {
      this.loop = undefined;
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
    this.state = 'stopped';
  }

  /** Runs the next tick now instead of after the interval (a test that moved the clock). */
  nudge(): void {
    this.wakeUp?.();
  }

  /** Resolves after the next tick that starts from now has finished. */
  nextTick(): Promise<void> {
    // A tick under way may have read the clock before it moved: wait for the one after it.
    const target = this.ticks + (this.inTick ? 2 : 1);
    return new Promise((resolve) => {
      const check = () => {
        if (this.ticks >= target || this.stopping) {
          this.listeners.delete(check);
          resolve();
        }
      };
      this.listeners.add(check);
      this.nudge();
    });
  }

  private async run(): Promise<void> {
    const { lock, intervalMs, logger } = this.options;
    const key = timerKey(this.name);
    while (!this.stopping) {
      if (!(await lock.tryAcquire(key).catch(() => false))) {
        this.state = 'waiting-for-lock';
        await this.sleep(intervalMs);
        continue;
      }
      try {
        while (!this.stopping && lock.holds(key)) {
          this.state = 'running';
          this.inTick = true;
          try {
            await this.timer.tick(this.options.now());
          } catch (error) {
            logger?.error(`timer ${this.name} failed a tick: ${error instanceof Error ? error.message : String(error)}`, { timer: this.name });
          } finally {
            this.inTick = false;
          }
          this.ticks++;
          for (const listener of [...this.listeners]) listener();
          // Someone waits for a tick that has not run yet: run it now.
          if (this.listeners.size === 0) await this.sleep(intervalMs);
        }
      } finally {
        await lock.release(key).catch(() => undefined);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
