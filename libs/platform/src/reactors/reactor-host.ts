import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { comparePositions, type EventStore, type Position } from '@lib/event-store';
import type { Reaction } from '@lib/es';
import { AppConfig } from '../config/app-config.js';
import { CLOCK, type Clock, EVENT_STORE } from '../persistence/tokens.js';
import { InProcessLock, type RunnerLock } from '../persistence/runner-lock.js';
import { InMemoryReactorCheckpoints, type ReactorCheckpoints } from './reactor-checkpoints.js';
import { type ReactorFaults, type ReactorLogger, reactorKey, ReactorRunner } from './reactor-runner.js';
import { type Timer, TimerRunner } from './timer-runner.js';

/** Where the reactors keep their checkpoints and take their lock. */
export interface ReactorStorage {
  checkpoints: ReactorCheckpoints;
  lock: RunnerLock;
}

/** What a wait for the reactors found: all done, or which are still behind. */
export interface ReactionsOutcome {
  complete: boolean;
  /** The reactors that handle the events waited for. */
  awaited: string[];
  pending: string[];
}

/** An event just appended: its type and where it stands in `$all`. */
export interface AppendedEvent {
  type: string;
  position: Position;
}

/**
 * The reactors of one process: one runner each, started together, stopped together. Another
 * process may hold a reactor's lock; a wait then follows that reactor's stored checkpoint.
 */
export class ReactorHost {
  private readonly reactions: Reaction[] = [];
  private readonly timers: { timer: Timer; intervalMs: number }[] = [];
  private runners: ReactorRunner[] = [];
  private timerRunners: TimerRunner[] = [];
  private storage: ReactorStorage;

  constructor(
    private readonly store: EventStore,
    private readonly options: { logger?: ReactorLogger; retryMs?: number; faults?: ReactorFaults; storage?: ReactorStorage; now?: () => Date } = {},
  ) {
    this.storage = options.storage ?? { checkpoints: new InMemoryReactorCheckpoints(), lock: new InProcessLock() };
  }

  /** Adds a reaction (before `start`). */
  register(reaction: Reaction): void {
    if (this.reactions.some((r) => r.reactor.name === reaction.reactor.name)) throw new Error(`Reactor ${reaction.reactor.name} is registered twice`);
    this.reactions.push(reaction);
  }

  /** Adds a timer (before `start`): it ticks every `intervalMs` in the one process that holds its lock. */
  registerTimer(timer: Timer, intervalMs: number): void {
    if (this.timers.some((t) => t.timer.name === timer.name)) throw new Error(`Timer ${timer.name} is registered twice`);
    this.timers.push({ timer, intervalMs });
  }

  /** Keeps checkpoints and the lock in this storage instead of in memory (before `start`). */
  useStorage(storage: ReactorStorage): void {
    this.storage = storage;
  }

  get names(): string[] {
    return this.reactions.map((r) => r.reactor.name);
  }

  get timerNames(): string[] {
    return this.timers.map((t) => t.timer.name);
  }

  start(): void {
    if (this.runners.length > 0) return;
    this.runners = this.reactions.map((reaction) => new ReactorRunner(reaction, { store: this.store, ...this.storage, logger: this.options.logger, retryMs: this.options.retryMs, faults: this.options.faults }));
    for (const runner of this.runners) runner.start();
    const now = this.options.now ?? (() => new Date());
    this.timerRunners = this.timers.map(({ timer, intervalMs }) => new TimerRunner(timer, { lock: this.storage.lock, now, intervalMs, logger: this.options.logger }));
    for (const runner of this.timerRunners) runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.runners.map((runner) => runner.stop()), ...this.timerRunners.map((runner) => runner.stop())]);
    this.runners = [];
    this.timerRunners = [];
    await this.storage.lock.close();
  }

  runner(name: string): ReactorRunner | undefined {
    return this.runners.find((r) => r.name === name);
  }

  timerRunner(name: string): TimerRunner | undefined {
    return this.timerRunners.find((r) => r.name === name);
  }

  /**
   * Waits (at most `timeoutMs`) until every reactor that handles one of these events has carried
   * them out, whichever process runs it. Answers which are still behind.
   */
  async settled(events: readonly AppendedEvent[], timeoutMs: number): Promise<ReactionsOutcome> {
    const awaited = this.reactions
      .map((r) => ({ name: r.reactor.name, last: [...events].reverse().find((e) => r.reactor.canHandle.includes(e.type))?.position }))
      .filter((r): r is { name: string; last: Position } => r.last !== undefined);
    const deadline = Date.now() + timeoutMs;
    const names = awaited.map((r) => r.name);
    let pending = awaited;
    for (;;) {
      const done = await Promise.all(pending.map(async (r) => ({ r, done: await this.reached(r.name, r.last) })));
      pending = done.filter((d) => !d.done).map((d) => d.r);
      if (pending.length === 0) return { complete: true, awaited: names, pending: [] };
      const left = deadline - Date.now();
      if (left <= 0) return { complete: false, awaited: names, pending: pending.map((r) => r.name) };
      await this.progressOrDelay(Math.min(left, 50));
    }
  }

  /**
   * Waits (at most `timeoutMs`) until every reactor has carried out every event it handles that the
   * store holds now. Reads `$all` from the start: for tests and tools, not for a request.
   */
  async caughtUp(timeoutMs = 10_000): Promise<ReactionsOutcome> {
    const latest: AppendedEvent[] = [];
    for (const { reactor } of this.reactions) {
      let after: Position | 'start' = 'start';
      let last: AppendedEvent | undefined;
      for (;;) {
        const page = await this.store.readAll({ after, maxCount: 1000, filter: { eventTypes: [...reactor.canHandle] } });
        if (page.length > 0) last = page[page.length - 1];
        if (page.length < 1000) break;
        after = page[page.length - 1]!.position;
      }
      if (last) latest.push({ type: last.type, position: last.position });
    }
    return this.settled(latest, timeoutMs);
  }

  private async reached(name: string, position: Position): Promise<boolean> {
    const runner = this.runner(name);
    const local = runner && (runner.state === 'catching-up' || runner.state === 'live') ? runner.position : await this.storage.checkpoints.load(reactorKey(name)).catch(() => null);
    return local !== null && local !== undefined && comparePositions(local, position) >= 0;
  }

  private progressOrDelay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const unsubscribe: (() => void)[] = [];
      const done = () => {
        clearTimeout(timer);
        for (const u of unsubscribe) u();
        resolve();
      };
      const timer = setTimeout(done, ms);
      for (const runner of this.runners) unsubscribe.push(runner.onProgress(done));
    });
  }
}

/**
 * The api's reactors in Nest: feature modules register theirs in `onModuleInit`, the read models
 * give them durable checkpoints, and they start on bootstrap and stop before shutdown.
 */
@Injectable()
export class Reactors extends ReactorHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Reactors');

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    readonly config: AppConfig,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(store, { logger: { info: (m, d) => new Logger('Reactors').log(m, d), error: (m, d) => new Logger('Reactors').error(m, d) }, now: () => clock.now() });
  }

  /** The configured bound on a command's wait for its reactions. */
  get waitMs(): number {
    return this.config.REACTOR_WAIT_MS;
  }

  onApplicationBootstrap(): void {
    this.start();
    if (this.names.length > 0) this.log.log(`reactors running: ${this.names.join(', ')}`);
    if (this.timerNames.length > 0) this.log.log(`timers running: ${this.timerNames.join(', ')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}

/** Response header of a command whose effects in other streams are carried out by reactors. */
export const REACTIONS_HEADER = 'Reactions';

/** `complete` when every reactor carried the command out before the answer; `pending; reactors="…"` when the wait ran out. */
export function reactionsHeader(outcome: ReactionsOutcome): string {
  return outcome.complete ? 'complete' : `pending; reactors="${outcome.pending.join(' ')}"`;
}

/** How the header is documented on an endpoint. */
export const REACTIONS_HEADER_DOC = {
  description:
    'Set when reactors carry the command into other streams (ballot box, budget freeze, seal): `complete` when they did before this answer, `pending; reactors="…"` when the wait (REACTOR_WAIT_MS) ran out; they finish on their own, read the round again later.',
  schema: { type: 'string' as const },
};
