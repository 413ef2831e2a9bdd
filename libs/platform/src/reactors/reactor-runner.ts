import { comparePositions, type EventStore, formatPosition, isConnectionLevel, type Position, type RecordedEvent } from '@lib/event-store';
import { DomainError, type Reaction, reactionContext } from '@lib/es';
import type { RunnerLock } from '../persistence/runner-lock.js';
import type { ReactorCheckpoints } from './reactor-checkpoints.js';

export type ReactorState = 'stopped' | 'waiting-for-lock' | 'catching-up' | 'live';

export interface ReactorLogger {
  info(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** A command the domain refused: recorded, logged, and the reactor goes on (a refusal is the same on every retry). */
export interface RefusedReaction {
  reactor: string;
  stream: string;
  position: string;
  eventType: string;
  code: string;
  error: string;
}

/** Test hooks that simulate a crash at a point of the work on one event. */
export interface ReactorFaults {
  /** Throws after the event's commands were carried out and before the checkpoint moved. */
  beforeCheckpoint?(reactor: string, event: RecordedEvent): void;
}

export interface ReactorRunnerOptions {
  store: EventStore;
  checkpoints: ReactorCheckpoints;
  lock: RunnerLock;
  logger?: ReactorLogger;
  /** How often a runner without the lock, or after a failure, tries again. Default 1000 ms. */
  retryMs?: number;
  faults?: ReactorFaults;
  /** Called with every refusal. */
  onRefused?(refusal: RefusedReaction): void;
}

const silent: ReactorLogger = { info: () => undefined, error: () => undefined };

/** The checkpoint name of a reactor (beside the projections' in the same table). */
export const reactorKey = (name: string): string => `reactor:${name}`;

/**
 * Runs one reactor: holds its lock, follows `$all` from its checkpoint, and for each event carries
 * out the reactor's commands before moving the checkpoint. A crash between the two replays the
 * event; the commands derive their event ids from it and decide on the streams as they are, so the
 * replay appends nothing. A refused command is logged and skipped; any other failure restarts the
 * runner from its checkpoint after `retryMs`.
 */
export class ReactorRunner {
  state: ReactorState = 'stopped';
  position: Position | null = null;
  readonly refused: RefusedReaction[] = [];
  private stopping = false;
  private loop: Promise<void> | undefined;
  private closeSubscription: (() => Promise<void>) | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly logger: ReactorLogger;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly reaction: Reaction,
    private readonly options: ReactorRunnerOptions,
  ) {
    this.logger = options.logger ?? silent;
  }

  get name(): string {
    return this.reaction.reactor.name;
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
    await this.closeSubscription?.().catch(() => undefined);
    await this.loop;
    this.state = 'stopped';
  }

  /** Called whenever the checkpoint moves (waiters poll on it). */
  onProgress(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async run(): Promise<void> {
    const { lock, retryMs = 1000 } = this.options;
    const key = this.name;
    while (!this.stopping) {
      if (!(await lock.tryAcquire(key).catch(() => false))) {
        this.state = 'waiting-for-lock';
        await this.sleep(retryMs);
        continue;
      }
      try {
        await this.follow(key);
      } catch (error) {
        if (!this.stopping) {
          this.logger.error(`reactor ${this.name} restarts from its checkpoint: ${describe(error)}`, { reactor: this.name, connection: isConnectionLevel(error) });
          await this.sleep(retryMs);
        }
      } finally {
        await lock.release(key);
      }
    }
  }

  private async follow(key: string): Promise<void> {
    const { store, checkpoints, lock } = this.options;
    this.position = await checkpoints.load(reactorKey(this.name));
    this.state = 'catching-up';
    const subscription = store.subscribeToAll({ after: this.position ?? 'start', filter: { eventTypes: [...this.reaction.reactor.canHandle] } });
    this.closeSubscription = () => subscription.close();
    try {
      for await (const message of subscription) {
        if (this.stopping) break;
        if (!lock.holds(key)) throw new Error('the lock was lost');
        if (message.kind === 'caughtUp') {
          this.state = 'live';
          continue;
        }
        await this.react(message.event);
      }
    } finally {
      this.closeSubscription = undefined;
      await subscription.close().catch(() => undefined);
    }
  }

  /** Carries out the commands for one event, then moves the checkpoint past it. */
  private async react(event: RecordedEvent): Promise<void> {
    const { store, checkpoints, faults } = this.options;
    if (this.position && comparePositions(event.position, this.position) <= 0) return;
    const { reactor, execute } = this.reaction;
    // 1. The trigger's stream up to and including it: what the reactor decides on, the same on every replay.
    const history = await store.readStream(event.streamName, { maxCount: Number(event.revision) + 1 });
    // 2. The commands, each carried out with ids derived from the trigger.
    const commands = reactor.handle(event, history);
    for (const [index, command] of commands.entries()) {
      try {
        await execute(command, reactionContext(reactor.name, event, index));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.refuse(event, error);
      }
    }
    // 3. Only then the checkpoint.
    faults?.beforeCheckpoint?.(reactor.name, event);
    await checkpoints.save(reactorKey(this.name), event.position, 1, event.created);
    this.position = event.position;
    for (const listener of this.listeners) listener();
  }

  private refuse(event: RecordedEvent, error: DomainError): void {
    const refusal: RefusedReaction = { reactor: this.name, stream: event.streamName, position: formatPosition(event.position), eventType: event.type, code: error.code, error: error.message };
    this.refused.push(refusal);
    this.logger.error(`reactor ${this.name}: ${event.type} in ${event.streamName}@${refusal.position} was refused (${error.code}): ${error.message}`, { ...refusal });
    this.options.onRefused?.(refusal);
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
