import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import {
  createEsdbEventStore,
  createPgliteDriver,
  createPgPoolDriver,
  createSqlEventStore,
  type EventStore,
  type SqlDriver,
} from '@lib/event-store';
import type { AppConfig } from '../config/app-config.js';

/** The databases one process works with: the event store, and SQL for read models and key vaults. */
export interface Database {
  mode: AppConfig['mode'];
  eventStore: EventStore;
  /** PostgreSQL or PGlite, for read models, vaults and keys (never for events in production mode). */
  sql: SqlDriver;
  /** The PGlite instance in embedded mode (TypeORM reaches it through its node-postgres adapter). */
  pglite?: PGlite;
  /** The pool in server and production modes. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

/** Opens the databases the configuration names: PGlite in DATA_DIR, PostgreSQL, or EventStoreDB plus PostgreSQL. */
export async function openDatabase(config: AppConfig): Promise<Database> {
  if (config.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 20 });
    pool.on('error', () => undefined);
    const sql = createPgPoolDriver(pool, { ownsPool: false });
    const eventStore = config.EVENTSTORE_URL ? await openEsdb(config) : await createSqlEventStore(sql);
    return registered({
      mode: config.mode,
      eventStore,
      sql,
      pool,
      close: async () => {
        await eventStore.close();
        await sql.close();
        await pool.end();
      },
    });
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = resolve(config.DATA_DIR, 'pglite');
  await mkdir(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  const sql = createPgliteDriver(pglite);
  const eventStore = config.EVENTSTORE_URL ? await openEsdb(config) : await createSqlEventStore(sql);
  return registered({
    mode: config.mode,
    eventStore,
    sql,
    pglite,
    close: async () => {
      await eventStore.close();
      await pglite.close();
    },
  });
}

const databases = new WeakMap<EventStore, Database>();

function registered(database: Database): Database {
  databases.set(database.eventStore, database);
  return database;
}

/** The databases opened together with this event store (read models reach PGlite or the pool through it). */
export function databaseOf(eventStore: EventStore): Database | undefined {
  return databases.get(eventStore);
}

async function openEsdb(config: AppConfig): Promise<EventStore> {
  const store = createEsdbEventStore({ connectionString: config.EVENTSTORE_URL!, deadlineMs: config.EVENTSTORE_DEADLINE_MS });
  // The process starts even when the server does not answer (it may come up later), but says why it will not be ready.
  const health = await store.ping();
  if (health.status === 'down') {
    process.stderr.write(
      `inwonersbudget: EventStoreDB at ${esdbHosts(config.EVENTSTORE_URL!)} does not answer (${health.reason}: ${health.message}); ` +
        'starting anyway: commands answer 503 and /health/ready reports it until the server answers\n',
    );
  }
  return store;
}

/** The hosts of an esdb:// connection string, without credentials or options (for logs). */
function esdbHosts(connectionString: string): string {
  return connectionString.replace(/^esdb(\+discover)?:\/\//, '').replace(/^[^@/?]*@/, '').split(/[/?]/)[0]!;
}

/** Where embedded mode keeps its PGlite database. */
export function pgliteDirectory(config: AppConfig): string {
  return join(config.DATA_DIR, 'pglite');
}
