import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { type EventMetadata, InMemoryEventStore, type RecordedEvent } from '@lib/event-store';
import type { Projection } from '../projection.js';
import { Projector } from '../projector/projector.js';
import { rebuild } from '../projector/rebuild.js';
import type { ReadModelDatabase } from '../read-model-database.js';
import { openReadModels } from '../read-models.js';

export const TENANT = 'GM0363';
export const OTHER_TENANT = 'GM0014';

/** A read-model database of its own: a fresh schema on DATABASE_URL's PostgreSQL, or PGlite in memory. */
export interface TestReadModels {
  db: ReadModelDatabase;
  pglite?: PGlite;
  kind: 'postgres' | 'pglite';
  cleanup(): Promise<void>;
}

export async function openTestReadModels(): Promise<TestReadModels> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `rm_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const db = await openReadModels({ url, schema, poolSize: 4 });
    return {
      db,
      kind: 'postgres',
      cleanup: async () => {
        await db.read((m) => m.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
        await db.close();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create('memory://');
  const db = await openReadModels({ pglite });
  return {
    db,
    pglite,
    kind: 'pglite',
    cleanup: async () => {
      await db.close();
      await pglite.close();
    },
  };
}

export interface GivenEvent {
  stream: string;
  type: string;
  data: object;
  metadata?: EventMetadata;
}

/** Appends events as commands would: each carries the tenant, actor, role and time in its metadata. */
export async function given(store: InMemoryEventStore, events: GivenEvent[], tenant = TENANT): Promise<void> {
  for (const e of events) {
    const at = (e.data as { at?: string }).at;
    await store.append(e.stream, [
      {
        id: randomUUID(),
        type: e.type,
        data: e.data as Record<string, unknown>,
        metadata: { tenant, actor: 'staff-1', role: 'administrator', $correlationId: 'c-1', $causationId: 'c-1', ...(at ? { at } : {}), ...e.metadata },
      },
    ]);
  }
}

/** Runs the projections through the projector until they have committed every event. */
export async function project(store: InMemoryEventStore, db: ReadModelDatabase, projections: readonly Projection[]): Promise<void> {
  const projector = new Projector({ store, db, projections, lockRetryMs: 20 }).start();
  try {
    const statuses = await projector.settled();
    const failed = statuses.find((s) => s.status === 'failed');
    if (failed) throw new Error(`Projection ${failed.projection} failed: ${JSON.stringify(failed.failure)}`);
  } finally {
    await projector.stop();
  }
}

/** Every row of a table, ordered by its text form (for comparisons). */
export async function rowsOf(db: ReadModelDatabase, table: string, orderBy = '1'): Promise<Record<string, unknown>[]> {
  const rows = await db.read((m) => m.query<{ row: Record<string, unknown> }[]>(`SELECT to_jsonb(t) AS row FROM ${db.schema}."${table}" t ORDER BY ${orderBy}`));
  return rows.map((r) => r.row);
}

/** The rows of every table of the projections, for "equal to a rebuild" checks. */
export async function snapshot(db: ReadModelDatabase, projections: readonly Projection[]): Promise<Record<string, Record<string, unknown>[]>> {
  const result: Record<string, Record<string, unknown>[]> = {};
  for (const p of projections) for (const table of p.tables) result[table] = await rowsOf(db, table, 'to_jsonb(t)::text');
  return result;
}

/** Rebuilds from scratch in a second database and returns its rows. */
export async function rebuiltSnapshot(store: InMemoryEventStore, projections: readonly Projection[]): Promise<Record<string, Record<string, unknown>[]>> {
  const fresh = await openTestReadModels();
  try {
    await rebuild({ store, db: fresh.db, projections });
    return await snapshot(fresh.db, projections);
  } finally {
    await fresh.cleanup();
  }
}

export type { RecordedEvent };
