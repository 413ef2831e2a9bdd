import { comparePositions, type EventStore, isConnectionLevel, type Position, type RecordedEvent, type SubscriptionMessage } from '@lib/event-store';
import type { ReadModelDatabase } from '../read-model-database.js';
import { recordChanges } from '../changes/projection-changes.js';
import { advanceCheckpoints, CheckpointMovedError, lockCheckpoints, prepareCheckpoint } from './checkpoint.js';
import { projectionMetrics } from './projection-metrics.js';
import type { ProjectionLock } from './projection-lock.js';
import { describeError, type ProjectionRunner, type RunnerFaults, type RunnerLogger, silentLogger } from './projection-runner.js';

export interface GroupOptions {
  store: EventStore;
  db: ReadModelDatabase;
  lock: ProjectionLock;
  logger?: RunnerLogger;
  /** Events per transaction while catching up. Default 1000. */
  batchSize?: number;
  /** Longest an event waits for more to share its transaction. Default 10 ms. */
  flushAfterMs?: number;
  /** How often the group tries the locks it does not hold. Default 2000 ms. */
  lockRetryMs?: number;
  faults?: RunnerFaults;
}

/** A projection's handler threw (not the connection): that projection alone is at fault. */
class HandlerFailed extends Error {
  constructor(
    readonly runner: ProjectionRunner,
    override readonly cause: unknown,
  ) {
    super(describeError(cause));
  }
}

/**
 * Runs every projection whose lock this process holds over one `$all` subscription (filtered by the
 * union of their event types, from the lowest of their checkpoints) and commits each batch in one
 * transaction for all of them: per projection, its checkpoint row locked and checked, the batch's
 * events after its checkpoint that it handles, its change row, its checkpoint moved to the batch's
 * last position. When it gains a lock (a standby taking over), it starts the subscription again with
 * the larger set. A projection that fails on an event stops alone, after committing the events before
 * it; the others go on.
 */
export class ProjectionGroup {
  private stopping = false;
  private loop: Promise<void> | undefined;
  private closeSubscription: (() => Promise<void>) | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly logger: RunnerLogger;
  /** The names whose lock this group acquired (and has not released). */
  private readonly held = new Set<string>();

  constructor(
    readonly runners: readonly ProjectionRunner[],
    private readonly options: GroupOptions,
  ) {
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    // A projection that failed is tried again (from its checkpoint) when the projector is started again.
    for (const runner of this.runners) if (runner.failure) runner.failure = null;
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
    for (const runner of this.runners) if (runner.state !== 'failed') runner.state = 'stopped';
  }

  private async run(): Promise<void> {
    const { lock, lockRetryMs = 2000 } = this.options;
    try {
      while (!this.stopping) {
        const held = await this.acquire();
        if (held.length === 0) {
          await this.sleep(lockRetryMs);
          continue;
        }
        try {
          await this.follow(held);
        } catch (error) {
          if (error instanceof CheckpointMovedError || isConnectionLevel(error)) {
            for (const runner of held) if (!runner.failure) this.logger.error(`projection ${runner.name} restarts: ${describeError(error)}`, { projection: runner.name });
            await this.sleep(Math.min(lockRetryMs, 1000));
          } else {
            // Not an event's fault (the subscription, the store): every projection of the group stops, as each would alone.
            for (const runner of held) if (!runner.failure) await this.stopAt(runner, null, error);
          }
        }
      }
    } finally {
      for (const name of this.held) await lock.release(name);
      this.held.clear();
    }
  }

  /** The runners whose lock this group holds now, trying the others' once. */
  private async acquire(): Promise<ProjectionRunner[]> {
    await this.gained();
    const running: ProjectionRunner[] = [];
    for (const runner of this.runners) {
      if (runner.failure) continue;
      if (this.holds(runner)) running.push(runner);
      else runner.state = 'waiting-for-lock';
    }
    return running;
  }

  /** Tries the locks of the projections it does not run; true when it gained one. */
  private async gained(): Promise<boolean> {
    const { lock } = this.options;
    let gained = false;
    for (const runner of this.runners) {
      if (runner.failure) continue;
      // A lock whose session died: forget it and try again.
      if (this.held.has(runner.name) && !lock.holds(runner.name)) this.held.delete(runner.name);
      if (this.held.has(runner.name)) continue;
      if (await lock.tryAcquire(runner.name).catch(() => false)) {
        this.held.add(runner.name);
        gained = true;
      }
    }
    return gained;
  }

  private holds(runner: ProjectionRunner): boolean {
    return this.held.has(runner.name) && this.options.lock.holds(runner.name);
  }

  /** Follows `$all` for the held runners until stopped, a lock is lost (throws) or gained (returns). */
  private async follow(held: readonly ProjectionRunner[]): Promise<void> {
    const { db, store, batchSize = 1000, flushAfterMs = 10, lockRetryMs = 2000 } = this.options;
    const prepared = await db.transaction(async (manager) => {
      const positions: { position: Position | null; rebuilt: boolean }[] = [];
      for (const runner of held) positions.push(await prepareCheckpoint(manager, db.schema, runner.projection));
      return positions;
    });
    held.forEach((runner, i) => {
      const { position, rebuilt } = prepared[i]!;
      if (rebuilt) this.logger.info(`projection ${runner.name} rebuilds from the start (version ${runner.projection.version})`, { projection: runner.name });
      runner.position = position;
      runner.state = 'catching-up';
      projectionMetrics.failed.set({ projection: runner.name }, 0);
    });
    let members = [...held];
    const from = lowest(members.map((r) => r.position));
    const eventTypes = [...new Set(members.flatMap((r) => r.projection.canHandle))];
    const subscription = store.subscribeToAll({ after: from ?? 'start', filter: { eventTypes } });
    this.closeSubscription = () => subscription.close();
    const iterator = subscription[Symbol.asyncIterator]();
    let batch: RecordedEvent[] = [];
    let next: Promise<IteratorResult<SubscriptionMessage>> | undefined;
    const waiting = () => this.runners.some((r) => !r.failure && !this.holds(r));
    let nextLockTry = Date.now() + lockRetryMs;
    let lockTimer: Promise<'locks'> | undefined;
    const flush = async () => {
      if (batch.length > 0) members = await this.commitBatch(members, batch);
      batch = [];
    };
    try {
      while (!this.stopping && members.length > 0) {
        const lost = members.find((r) => !this.holds(r));
        if (lost) throw new CheckpointMovedError(lost.name, 'lock held', 'lock lost');
        if (waiting() && Date.now() >= nextLockTry) {
          nextLockTry = Date.now() + lockRetryMs;
          if (await this.gained()) {
            // Start again with the larger set, from the lowest checkpoint among them.
            await flush();
            return;
          }
        }
        next ??= iterator.next();
        const timers: Promise<'flush' | 'locks'>[] = [];
        if (batch.length > 0) timers.push(delay(flushAfterMs).then(() => 'flush' as const));
        if (waiting()) timers.push((lockTimer ??= delay(Math.max(0, nextLockTry - Date.now())).then(() => 'locks' as const)));
        const result = timers.length === 0 ? await next : await Promise.race([next, ...timers]);
        if (result === 'locks') {
          lockTimer = undefined;
          continue;
        }
        if (result === 'flush') {
          await flush();
          continue;
        }
        next = undefined;
        if (result.done) break;
        const message = result.value;
        if (message.kind === 'event') {
          batch.push(message.event);
          if (batch.length >= batchSize) await flush();
        } else {
          await flush();
          for (const runner of members) runner.state = 'live';
        }
      }
      if (!this.stopping) await flush();
    } finally {
      this.closeSubscription = undefined;
      await subscription.close().catch(() => undefined);
    }
  }

  /**
   * Commits the batch for every member in one transaction. When a projection's handler throws, the
   * others commit the batch without it and it commits its events one by one up to the failing one,
   * where it stops. Returns the members still running.
   */
  private async commitBatch(members: readonly ProjectionRunner[], batch: readonly RecordedEvent[]): Promise<ProjectionRunner[]> {
    try {
      await this.commitTogether(members, batch);
      return [...members];
    } catch (error) {
      if (error instanceof CheckpointMovedError || isConnectionLevel(error)) throw error;
      if (error instanceof HandlerFailed && members.length > 1) {
        const others = await this.commitBatch(
          members.filter((r) => r !== error.runner),
          batch,
        );
        return (await this.locate(error.runner, batch)) ? [...others, error.runner] : others;
      }
      // Not a handler's (a commit that failed): each projection on its own finds out.
      const running: ProjectionRunner[] = [];
      for (const runner of members) if (await this.locate(runner, batch)) running.push(runner);
      return running;
    }
  }

  private async commitTogether(members: readonly ProjectionRunner[], batch: readonly RecordedEvent[]): Promise<void> {
    const { db, faults } = this.options;
    const work = members.map((runner) => {
      const fresh = runner.fresh(batch);
      return { runner, last: fresh.at(-1), mine: fresh.filter((e) => runner.handles(e)) };
    });
    const moving = work.filter((w) => w.last !== undefined);
    if (moving.length === 0) return;
    const started = performance.now();
    await db.transaction(async (manager) => {
      // Rows and checkpoints commit together, so a commit lost in a database crash is projected again from the
      // older checkpoints: no need to wait for the WAL flush, which ballots and other appends wait for instead.
      await manager.query('SET LOCAL synchronous_commit = off');
      await lockCheckpoints(
        manager,
        db.schema,
        moving.map((w) => ({ name: w.runner.name, position: w.runner.position })),
      );
      for (const { runner, mine } of moving) {
        if (mine.length === 0) continue;
        try {
          await runner.projection.handle(mine, { manager, schema: db.schema });
          await recordChanges(manager, db.schema, runner.name, mine);
        } catch (error) {
          throw isConnectionLevel(error) ? error : new HandlerFailed(runner, error);
        }
      }
      faults?.beforeCheckpoint?.(batch);
      // Every member's checkpoint moves to the batch's last position, past events it does not handle too.
      await advanceCheckpoints(
        manager,
        db.schema,
        moving.map(({ runner, last, mine }) => ({ name: runner.name, position: last!.position, handled: mine.length, lastEventAt: mine.at(-1)?.created ?? null })),
      );
    });
    const ms = performance.now() - started;
    for (const { runner, last, mine } of moving) runner.committed(last!.position, mine.length, ms);
  }

  /** Commits the runner's events of the batch one by one until one fails; false (and stopped there) when one did. */
  private async locate(runner: ProjectionRunner, batch: readonly RecordedEvent[]): Promise<boolean> {
    try {
      await runner.commit(batch);
      return true;
    } catch (error) {
      if (error instanceof CheckpointMovedError || isConnectionLevel(error)) throw error;
    }
    for (const event of runner.fresh(batch)) {
      if (!runner.handles(event)) continue;
      try {
        await runner.commit([event]);
      } catch (error) {
        if (error instanceof CheckpointMovedError || isConnectionLevel(error)) throw error;
        await this.stopAt(runner, event, error);
        return false;
      }
    }
    return true;
  }

  /** The runner stops: its failure recorded, its lock released (another process may try it). */
  private async stopAt(runner: ProjectionRunner, event: RecordedEvent | null, error: unknown): Promise<void> {
    await runner.fail(event, error);
    this.held.delete(runner.name);
    await this.options.lock.release(runner.name);
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

/** The lowest checkpoint (null: the start). */
function lowest(positions: readonly (Position | null)[]): Position | null {
  let low: Position | undefined;
  for (const position of positions) {
    if (position === null) return null;
    if (low === undefined || comparePositions(position, low) < 0) low = position;
  }
  return low ?? null;
}

function delay(ms: number): Promise<void> {
  // Unref'd: a wait that lost its race does not keep the process alive.
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
