import { comparePositions, type EventStore, formatPosition, isConnectionLevel, type Position, type RecordedEvent, type SubscriptionMessage } from '@lib/event-store';
import type { ReadModelDatabase } from '../read-model-database.js';
import type { Projection } from '../projection.js';
import { recordChanges } from '../changes/projection-changes.js';
import { advanceCheckpoint, CheckpointMovedError, lockCheckpoint, prepareCheckpoint, recordFailure } from './checkpoint.js';
import { projectionMetrics } from './projection-metrics.js';
import type { ProjectionLock } from './projection-lock.js';

export type RunnerState = 'stopped' | 'waiting-for-lock' | 'catching-up' | 'live' | 'failed';

/** Where a projection stopped: the event it could not handle, and why. */
export interface ProjectionFailure {
  stream: string;
  position: string;
  eventType: string;
  error: string;
}

export interface RunnerLogger {
  info(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Test hooks that simulate a crash at a point of a batch. */
export interface RunnerFaults {
  /** Throws after the projection wrote its rows and before the checkpoint moved. */
  beforeCheckpoint?(events: readonly RecordedEvent[]): void;
}

export interface RunnerOptions {
  store: EventStore;
  db: ReadModelDatabase;
  lock: ProjectionLock;
  logger?: RunnerLogger;
  /** Events per transaction while catching up. Default 1000. */
  batchSize?: number;
  /** Longest an event waits for more to share its transaction. Default 10 ms. */
  flushAfterMs?: number;
  /** How often a runner without the lock tries again. Default 2000 ms. */
  lockRetryMs?: number;
  faults?: RunnerFaults;
}

const silent: RunnerLogger = { info: () => undefined, error: () => undefined };

/**
 * Runs one projection: holds its lock, follows `$all` from its checkpoint, and commits each batch of
 * events together with the checkpoint. A failing event stops the projection (after committing the
 * events before it) and is recorded with its stream and position; it is never skipped.
 */
export class ProjectionRunner {
  state: RunnerState = 'stopped';
  position: Position | null = null;
  failure: ProjectionFailure | null = null;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private closeSubscription: (() => Promise<void>) | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly logger: RunnerLogger;

  constructor(
    readonly projection: Projection,
    private readonly options: RunnerOptions,
  ) {
    this.logger = options.logger ?? silent;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.failure = null;
    this.loop = this.run().finally(() => {
      this.loop = undefined;
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.closeSubscription?.().catch(() => undefined);
    await this.loop;
    if (this.state !== 'failed') this.state = 'stopped';
  }

  /** Commits one batch with the checkpoint; events at or before the checkpoint change nothing. Returns the new checkpoint. */
  async commit(events: readonly RecordedEvent[]): Promise<Position | null> {
    const { db, faults } = this.options;
    const { name } = this.projection;
    const before = this.position;
    const fresh = events.filter((e) => before === null || comparePositions(e.position, before) > 0);
    if (fresh.length === 0) return before;
    const last = fresh[fresh.length - 1]!;
    const started = performance.now();
    await db.transaction(async (manager) => {
      // Rows and checkpoint commit together, so a commit lost in a database crash is projected again from the
      // older checkpoint: no need to wait for the WAL flush, which ballots and other appends wait for instead.
      await manager.query('SET LOCAL synchronous_commit = off');
      await lockCheckpoint(manager, db.schema, name, before);
      await this.projection.handle(fresh, { manager, schema: db.schema });
      await recordChanges(manager, db.schema, name, fresh);
      faults?.beforeCheckpoint?.(fresh);
      await advanceCheckpoint(manager, db.schema, name, last.position, fresh.length, last.created);
    });
    this.position = last.position;
    projectionMetrics.handled.inc({ projection: name }, fresh.length);
    projectionMetrics.batchSeconds.observe({ projection: name }, (performance.now() - started) / 1000);
    return this.position;
  }

  private async run(): Promise<void> {
    const { lock, lockRetryMs = 2000 } = this.options;
    const { name } = this.projection;
    while (!this.stopping) {
      if (!(await lock.tryAcquire(name).catch(() => false))) {
        this.state = 'waiting-for-lock';
        await this.sleep(lockRetryMs);
        continue;
      }
      try {
        await this.follow();
      } catch (error) {
        if (error instanceof CheckpointMovedError || isConnectionLevel(error)) {
          this.logger.error(`projection ${name} restarts: ${describe(error)}`, { projection: name });
          await this.sleep(Math.min(lockRetryMs, 1000));
        } else if (!(error instanceof ProjectionStopped)) {
          await this.fail(null, error);
        }
      } finally {
        await lock.release(name);
      }
      if (this.failure) {
        this.state = 'failed';
        projectionMetrics.failed.set({ projection: name }, 1);
        return;
      }
    }
  }

  private async follow(): Promise<void> {
    const { db, store, lock, batchSize = 1000, flushAfterMs = 10 } = this.options;
    const { name } = this.projection;
    const prepared = await db.transaction((manager) => prepareCheckpoint(manager, db.schema, this.projection));
    if (prepared.rebuilt) this.logger.info(`projection ${name} rebuilds from the start (version ${this.projection.version})`, { projection: name });
    this.position = prepared.position;
    projectionMetrics.failed.set({ projection: name }, 0);
    this.state = 'catching-up';
    const subscription = store.subscribeToAll({ after: this.position ?? 'start', filter: { eventTypes: [...this.projection.canHandle] } });
    this.closeSubscription = () => subscription.close();
    const iterator = subscription[Symbol.asyncIterator]();
    let batch: RecordedEvent[] = [];
    let next: Promise<IteratorResult<SubscriptionMessage>> | undefined;
    try {
      while (!this.stopping) {
        if (!lock.holds(name)) throw new CheckpointMovedError(name, 'lock held', 'lock lost');
        next ??= iterator.next();
        const result = batch.length === 0 ? await next : await Promise.race([next, delay(flushAfterMs).then(() => 'flush' as const)]);
        if (result === 'flush') {
          await this.commitOrLocate(batch);
          batch = [];
          continue;
        }
        next = undefined;
        if (result.done) break;
        const message = result.value;
        if (message.kind === 'event') {
          batch.push(message.event);
          if (batch.length >= batchSize) {
            await this.commitOrLocate(batch);
            batch = [];
          }
        } else {
          if (batch.length > 0) await this.commitOrLocate(batch);
          batch = [];
          this.state = 'live';
        }
      }
      if (batch.length > 0 && !this.stopping) await this.commitOrLocate(batch);
    } finally {
      this.closeSubscription = undefined;
      await subscription.close().catch(() => undefined);
    }
  }

  /** Commits the batch; when it fails, commits its events one by one up to the failing one and stops there. */
  private async commitOrLocate(batch: readonly RecordedEvent[]): Promise<void> {
    try {
      await this.commit(batch);
      return;
    } catch (error) {
      if (error instanceof CheckpointMovedError || isConnectionLevel(error)) throw error;
      if (batch.length === 1) {
        await this.fail(batch[0]!, error);
        throw new ProjectionStopped();
      }
    }
    for (const event of batch) {
      try {
        await this.commit([event]);
      } catch (error) {
        if (error instanceof CheckpointMovedError || isConnectionLevel(error)) throw error;
        await this.fail(event, error);
        throw new ProjectionStopped();
      }
    }
  }

  private async fail(event: RecordedEvent | null, error: unknown): Promise<void> {
    const { name } = this.projection;
    const failure: ProjectionFailure = {
      stream: event?.streamName ?? '',
      position: event ? formatPosition(event.position) : '',
      eventType: event?.type ?? '',
      error: describe(error),
    };
    this.failure = failure;
    this.logger.error(`projection ${name} stopped at ${failure.stream}@${failure.position} (${failure.eventType}): ${failure.error}`, { projection: name, ...failure });
    if (event) {
      const { db } = this.options;
      await db
        .transaction((manager) => recordFailure(manager, db.schema, name, { stream: event.streamName, position: event.position, eventType: event.type, error: failure.error }))
        .catch((recordError: unknown) => this.logger.error(`projection ${name}: could not record its failure: ${describe(recordError)}`));
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

class ProjectionStopped extends Error {}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
