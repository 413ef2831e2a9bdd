import { comparePositions, type EventStore, formatPosition, type Position, type RecordedEvent } from '@lib/event-store';
import type { ReadModelDatabase } from '../read-model-database.js';
import type { Projection } from '../projection.js';
import { recordChanges } from '../changes/projection-changes.js';
import { advanceCheckpoint, lockCheckpoint, recordFailure } from './checkpoint.js';
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
  /** Throws after the projections wrote their rows and before the checkpoints moved. */
  beforeCheckpoint?(events: readonly RecordedEvent[]): void;
}

export interface RunnerOptions {
  store: EventStore;
  db: ReadModelDatabase;
  lock: ProjectionLock;
  logger?: RunnerLogger;
  faults?: RunnerFaults;
}

export const silentLogger: RunnerLogger = { info: () => undefined, error: () => undefined };

/**
 * One projection in the projector: its state, its checkpoint as this process last committed it, and
 * where it failed. The projector's group (projection-group.ts) follows `$all` once for every projection
 * whose lock this process holds and commits each batch for all of them in one transaction; a runner
 * commits on its own only to find the event a projection fails on.
 */
export class ProjectionRunner {
  state: RunnerState = 'stopped';
  position: Position | null = null;
  failure: ProjectionFailure | null = null;
  private readonly types: ReadonlySet<string>;
  private readonly logger: RunnerLogger;

  constructor(
    readonly projection: Projection,
    private readonly options: RunnerOptions,
  ) {
    this.types = new Set(projection.canHandle);
    this.logger = options.logger ?? silentLogger;
  }

  get name(): string {
    return this.projection.name;
  }

  /** The events of a batch after this runner's checkpoint (earlier ones were committed already). */
  fresh(events: readonly RecordedEvent[]): RecordedEvent[] {
    const before = this.position;
    return before === null ? [...events] : events.filter((e) => comparePositions(e.position, before) > 0);
  }

  handles(event: RecordedEvent): boolean {
    return this.types.has(event.type);
  }

  /**
   * Commits one batch for this projection alone, with its checkpoint; events at or before the checkpoint
   * change nothing, events it does not handle only move the checkpoint. Returns the new checkpoint.
   */
  async commit(events: readonly RecordedEvent[]): Promise<Position | null> {
    const { db, faults } = this.options;
    const { name } = this.projection;
    const fresh = this.fresh(events);
    if (fresh.length === 0) return this.position;
    const mine = fresh.filter((e) => this.handles(e));
    const last = fresh[fresh.length - 1]!;
    const started = performance.now();
    await db.transaction(async (manager) => {
      await manager.query('SET LOCAL synchronous_commit = off');
      await lockCheckpoint(manager, db.schema, name, this.position);
      if (mine.length > 0) {
        await this.projection.handle(mine, { manager, schema: db.schema });
        await recordChanges(manager, db.schema, name, mine);
      }
      faults?.beforeCheckpoint?.(mine);
      await advanceCheckpoint(manager, db.schema, name, last.position, mine.length, mine.at(-1)?.created ?? null);
    });
    this.committed(last.position, mine.length, performance.now() - started);
    return this.position;
  }

  /** After a commit: the new checkpoint and the metrics. */
  committed(position: Position, handled: number, ms: number): void {
    const { name } = this.projection;
    this.position = position;
    if (handled > 0) {
      projectionMetrics.handled.inc({ projection: name }, handled);
      projectionMetrics.batchSeconds.observe({ projection: name }, ms / 1000);
    }
  }

  /** Stops the projection at an event (or without one, for an error outside any event): logged, and recorded with stream and position. */
  async fail(event: RecordedEvent | null, error: unknown): Promise<void> {
    const { name } = this.projection;
    const failure: ProjectionFailure = {
      stream: event?.streamName ?? '',
      position: event ? formatPosition(event.position) : '',
      eventType: event?.type ?? '',
      error: describeError(error),
    };
    this.failure = failure;
    this.state = 'failed';
    projectionMetrics.failed.set({ projection: name }, 1);
    this.logger.error(`projection ${name} stopped at ${failure.stream}@${failure.position} (${failure.eventType}): ${failure.error}`, { projection: name, ...failure });
    if (event) {
      const { db } = this.options;
      await db
        .transaction((manager) => recordFailure(manager, db.schema, name, { stream: event.streamName, position: event.position, eventType: event.type, error: failure.error }))
        .catch((recordError: unknown) => this.logger.error(`projection ${name}: could not record its failure: ${describeError(recordError)}`));
    }
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
