import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createPgliteDriver, createPgPoolDriver, createSqlEventStore, type SqlDriver, type SqlEventStore } from '@lib/event-store';

export interface TestSqlStore {
  store: SqlEventStore;
  /** Direct SQL on the same database (for tamper tests and checks). */
  sql: SqlDriver;
  /** Quoted schema of the event tables. */
  schema: string;
  kind: 'postgres' | 'pglite';
  /**
   * Waits until reading `$all` reaches every event in the table. `$all` stops before the oldest
   * transaction still running anywhere on the server (so it never skips one that commits later);
   * on a PostgreSQL shared with other test files that horizon may trail a moment behind.
   */
  settled(timeoutMs?: number): Promise<void>;
  cleanup(): Promise<void>;
}

async function waitUntilSettled(store: SqlEventStore, sql: SqlDriver, schema: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${schema}.events WHERE event_type <> '$streamDeleted'`);
    const seen = (await store.readAll({ maxCount: 1_000_000 })).length;
    if (seen >= Number(row!.n)) return;
    if (Date.now() > deadline) throw new Error(`$all still shows ${seen} of ${row!.n} events after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A SQL event store in a schema of its own: PostgreSQL when DATABASE_URL is set, PGlite in memory otherwise. */
export async function openTestSqlStore(): Promise<TestSqlStore> {
  const schemaName = `es_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 5 });
    const sql = createPgPoolDriver(pool, { ownsPool: false });
    const store = await createSqlEventStore(sql, { schema: schemaName, pollIntervalMs: 100 });
    return {
      store,
      sql,
      schema: `"${schemaName}"`,
      kind: 'postgres',
      settled: (timeoutMs = 30_000) => waitUntilSettled(store, sql, `"${schemaName}"`, timeoutMs),
      cleanup: async () => {
        await store.close();
        await pool.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
        await pool.end();
      },
    };
  }
  const sql = createPgliteDriver(await sharedPglite());
  const store = await createSqlEventStore(sql, { schema: schemaName, pollIntervalMs: 100 });
  return {
    store,
    sql,
    schema: `"${schemaName}"`,
    kind: 'pglite',
    settled: (timeoutMs = 30_000) => waitUntilSettled(store, sql, `"${schemaName}"`, timeoutMs),
    cleanup: async () => {
      await store.close();
      await sql.exec(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
    },
  };
}

let pglite: Promise<PGlite> | undefined;
/** One in-memory PGlite per test file (creating one takes seconds); each store gets its own schema in it. */
function sharedPglite(): Promise<PGlite> {
  pglite ??= import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create('memory://'));
  return pglite;
}

/** Closes the file's shared PGlite (call from afterAll). */
export async function closeSharedPglite(): Promise<void> {
  const instance = pglite;
  pglite = undefined;
  if (instance) await (await instance).close();
}
