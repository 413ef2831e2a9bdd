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
  cleanup(): Promise<void>;
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
