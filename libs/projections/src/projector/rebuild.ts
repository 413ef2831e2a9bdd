import { type EventStore, type Position, type RecordedEvent } from '@lib/event-store';
import type { Projection } from '../projection.js';
import type { ReadModelDatabase } from '../read-model-database.js';
import { advanceCheckpoint, prepareCheckpoint } from './checkpoint.js';
import { AdvisoryLock, InProcessLock, type ProjectionLock } from './projection-lock.js';

export interface RebuildOptions {
  store: EventStore;
  db: ReadModelDatabase;
  projections: readonly Projection[];
  /** Events per read and per transaction. Default 2000. */
  pageSize?: number;
  /** Called after every committed page. */
  onProgress?(progress: { events: number; position: Position }): void;
  /** Default: advisory locks on PostgreSQL, an in-process lock on PGlite. */
  lock?: ProjectionLock;
}

export interface RebuildResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

/** A projection is being run by another process: stop that projector first. */
export class ProjectionBusyError extends Error {
  constructor(readonly projection: string) {
    super(`Projection ${projection} is running in another process; stop the projector before rebuilding`);
    this.name = 'ProjectionBusyError';
  }
}

/**
 * Rebuilds projections from scratch: empties their tables, then reads `$all` once up to its head and
 * hands each page to every projection, committing their rows and checkpoints in one transaction per
 * page. Holds each projection's lock throughout (for the audit CLI: `rebuild({ store, db, projections })`).
 */
export async function rebuild(options: RebuildOptions): Promise<RebuildResult> {
  const { store, db, projections, pageSize = 2000 } = options;
  const lock = options.lock ?? (db.connectionString ? new AdvisoryLock(db.connectionString, db.schemaName) : new InProcessLock());
  const acquired: string[] = [];
  const started = performance.now();
  let events = 0;
  try {
    for (const projection of projections) {
      if (!(await lock.tryAcquire(projection.name))) throw new ProjectionBusyError(projection.name);
      acquired.push(projection.name);
    }
    await db.transaction(async (manager) => {
      for (const projection of projections) await prepareCheckpoint(manager, db.schema, projection, { rebuild: true });
    });
    const types = [...new Set(projections.flatMap((p) => p.canHandle))];
    const handles = projections.map((projection) => ({ projection, types: new Set(projection.canHandle) }));
    let after: Position | 'start' = 'start';
    let page = await store.readAll({ after, maxCount: pageSize, filter: { eventTypes: types } });
    while (page.length > 0) {
      const last = page[page.length - 1]!;
      // Read the next page while this one is written.
      const nextPage = store.readAll({ after: last.position, maxCount: pageSize, filter: { eventTypes: types } });
      nextPage.catch(() => undefined);
      await db.transaction(async (manager) => {
        for (const { projection, types: handled } of handles) {
          const mine: RecordedEvent[] = page.filter((e) => handled.has(e.type));
          if (mine.length === 0) continue;
          await projection.handle(mine, { manager, schema: db.schema });
          await advanceCheckpoint(manager, db.schema, projection.name, mine[mine.length - 1]!.position, mine.length, mine[mine.length - 1]!.created);
        }
      });
      events += page.length;
      after = last.position;
      options.onProgress?.({ events, position: last.position });
      page = await nextPage;
    }
  } finally {
    for (const name of acquired) await lock.release(name);
    if (!options.lock) await lock.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : events };
}
