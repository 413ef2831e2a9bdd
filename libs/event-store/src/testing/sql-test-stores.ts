import { randomUUID } from 'node:crypto';
import { afterEach } from '@jest/globals';
import pg from 'pg';
import { createPgliteDriver, createPgPoolDriver, type SqlDriver } from '../sql/sql-client.js';
import { createSqlEventStore, type SqlEventStore } from '../sql/sql-event-store.js';

/** The driver, counting the prepared statements whose name starts with `namePrefix` (e.g. `event_store_read_all_`). */
export function countingStatements(driver: SqlDriver, namePrefix: string): { driver: SqlDriver; count: () => number } {
  let count = 0;
  const counted: SqlDriver = Object.create(driver) as SqlDriver;
  counted.query = async (text, params, options) => {
    if (options?.name?.startsWith(namePrefix)) count++;
    return driver.query(text, params, options);
  };
  return { driver: counted, count: () => count };
}

/** Drivers onto one database for a test: `driver()` opens another (as another process would have); the store given a driver closes it; `close` ends the database (PGlite) or drops the test's schema (PostgreSQL). */
export interface SqlTestDatabase {
  name: string;
  schema: string;
  /** A driver; on PostgreSQL its connections carry `applicationName`. */
  driver(applicationName?: string): SqlDriver;
  /** The server's open connections named `applicationName`; null on PGlite, which has none. */
  connections(applicationName: string): Promise<number | null>;
  close(): Promise<void>;
}

/** An in-memory PGlite: every driver shares the one instance. */
export async function pgliteTestDatabase(schema: string): Promise<SqlTestDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create('memory://');
  return { name: 'PGlite', schema, driver: () => createPgliteDriver(pglite), connections: async () => null, close: () => pglite.close() };
}

/** A scratch schema (`<prefix>_<random>`) on the server at `url`: each driver has a pool of its own (closed by the store that owns it). */
export function postgresTestDatabase(url: string, prefix: string): SqlTestDatabase {
  const schema = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  return {
    name: 'PostgreSQL',
    schema,
    driver: (applicationName) => createPgPoolDriver(new pg.Pool({ connectionString: url, max: 4, ...(applicationName ? { application_name: applicationName } : {}) }), { ownsPool: true }),
    connections: (applicationName) =>
      admin(async (client) => Number((await client.query<{ n: string }>('SELECT count(*)::text AS n FROM pg_stat_activity WHERE application_name = $1', [applicationName])).rows[0]!.n)),
    close: () => admin(async (client) => void (await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`))),
  };
  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}

/** PGlite always, and PostgreSQL too when DATABASE_URL is set: `[name, open]` pairs for `describe.each`. */
export function sqlTestDatabases(prefix: string): [string, () => Promise<SqlTestDatabase>][] {
  const url = process.env.DATABASE_URL;
  const targets: [string, () => Promise<SqlTestDatabase>][] = [['PGlite', () => pgliteTestDatabase(prefix)]];
  if (url) targets.push(['PostgreSQL', async () => postgresTestDatabase(url, prefix)]);
  return targets;
}

/**
 * One store per test on a fresh test database (call inside `describe.each(sqlTestDatabases(…))`):
 * `open()` gives the database and a store in its schema; both are closed after each test.
 */
export function storePerTest(database: () => Promise<SqlTestDatabase>): () => Promise<{ db: SqlTestDatabase; store: SqlEventStore; driver: SqlDriver }> {
  let db: SqlTestDatabase | undefined;
  let store: SqlEventStore | undefined;
  afterEach(async () => {
    await store?.close();
    await db?.close();
    store = db = undefined;
  });
  return async () => {
    db = await database();
    const driver = db.driver();
    store = await createSqlEventStore(driver, { schema: db.schema });
    return { db, store, driver };
  };
}
