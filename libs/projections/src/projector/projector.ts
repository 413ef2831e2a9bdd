import { type EventStore, parsePosition } from '@lib/event-store';
import type { ProjectionCheckpointRow } from '../checkpoints/projection-checkpoint.entity.js';
import type { Projection } from '../projection.js';
import type { ReadModelDatabase } from '../read-model-database.js';
import { AdvisoryLock, InProcessLock, type ProjectionLock } from './projection-lock.js';
import { lagOf } from './projection-lag.js';
import { addLagSource } from './projection-metrics.js';
import { ProjectionGroup } from './projection-group.js';
import { ProjectionRunner, type RunnerFaults, type RunnerLogger } from './projection-runner.js';

export interface ProjectionStatus {
  projection: string;
  version: number;
  /** From the checkpoint table: running | rebuilding | failed (whichever process runs it). */
  status: string;
  position: string | null;
  eventsHandled: number;
  /** Events behind: exact, or at least this many when `lagEventsCapped` (shown as `>N`). */
  lagEvents: number;
  lagEventsCapped: boolean;
  lagSeconds: number;
  failure: { stream: string | null; position: string | null; eventType: string | null; error: string | null; at: string | null } | null;
}

/**
 * Lag and state of every projection, from the checkpoint table and the event store: true whichever
 * process runs the projections.
 */
export async function projectionStatuses(store: EventStore, db: ReadModelDatabase, projections: readonly Projection[]): Promise<ProjectionStatus[]> {
  const rows = await db.read((manager) => manager.query<{ row: ProjectionCheckpointRow }[]>(`SELECT to_jsonb(c) AS row FROM ${db.schema}.projection_checkpoint c`));
  const byName = new Map(rows.map(({ row }) => [row.name, row]));
  return Promise.all(
    projections.map(async (projection) => {
      const row = byName.get(projection.name);
      // A projection not started yet, or waiting to rebuild after a version bump, has its whole history ahead.
      const after = row?.position && row.version === projection.version ? parsePosition(row.position) : 'start';
      const lag = await lagOf(store, after, projection.canHandle);
      return {
        projection: projection.name,
        version: projection.version,
        status: !row ? 'not-started' : row.version !== projection.version ? 'rebuild-pending' : row.status,
        position: row?.position ?? null,
        eventsHandled: Number(row?.events_handled ?? 0),
        lagEvents: lag.events,
        lagEventsCapped: lag.capped,
        lagSeconds: lag.oldest ? Math.max(0, (Date.now() - lag.oldest.getTime()) / 1000) : 0,
        failure:
          row?.status === 'failed'
            ? { stream: row.failed_stream, position: row.failed_position, eventType: row.failed_event_type, error: row.error, at: row.failed_at }
            : null,
      };
    }),
  );
}

export interface ProjectorOptions {
  store: EventStore;
  db: ReadModelDatabase;
  projections: readonly Projection[];
  logger?: RunnerLogger;
  batchSize?: number;
  lockRetryMs?: number;
  /** Default: advisory locks on PostgreSQL, an in-process lock on PGlite. */
  lock?: ProjectionLock;
  faults?: RunnerFaults;
}

/**
 * The projector: one runner per projection, each elected by its own lock; the projections whose lock
 * this process holds share one `$all` subscription and one transaction per batch (projection-group.ts).
 */
export class Projector {
  readonly runners: ProjectionRunner[];
  private readonly lock: ProjectionLock;
  private readonly group: ProjectionGroup;
  private unregisterLag: (() => void) | undefined;

  constructor(private readonly options: ProjectorOptions) {
    const { db, store, logger, faults } = options;
    this.lock = options.lock ?? (db.connectionString ? new AdvisoryLock(db.connectionString, db.schemaName) : new InProcessLock());
    this.runners = options.projections.map((projection) => new ProjectionRunner(projection, { store, db, lock: this.lock, logger, faults }));
    this.group = new ProjectionGroup(this.runners, {
      store,
      db,
      lock: this.lock,
      logger,
      batchSize: options.batchSize,
      lockRetryMs: options.lockRetryMs,
      faults,
    });
  }

  start(): this {
    this.group.start();
    this.unregisterLag ??= addLagSource(async () => (await this.statuses()).map((s) => ({ projection: s.projection, events: s.lagEvents, capped: s.lagEventsCapped, seconds: s.lagSeconds })));
    return this;
  }

  async stop(): Promise<void> {
    this.unregisterLag?.();
    this.unregisterLag = undefined;
    await this.group.stop();
    await this.lock.close();
  }

  runner(name: string): ProjectionRunner {
    const runner = this.runners.find((r) => r.projection.name === name);
    if (!runner) throw new Error(`No projection named ${name}`);
    return runner;
  }

  statuses(): Promise<ProjectionStatus[]> {
    return projectionStatuses(this.options.store, this.options.db, this.options.projections);
  }

  /**
   * Resolves when every projection has committed every event it handles (or failed since this
   * projector was started: a failure recorded before, which a start tries again, does not count);
   * rejects after `timeoutMs`.
   */
  async settled(timeoutMs = 10_000): Promise<ProjectionStatus[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const statuses = await this.statuses();
      if (statuses.every((s) => s.lagEvents === 0 || (s.status === 'failed' && this.runner(s.projection).failure !== null))) return statuses;
      if (Date.now() > deadline) throw new Error(`Projections not settled after ${timeoutMs} ms: ${JSON.stringify(statuses.filter((s) => s.lagEvents > 0))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
