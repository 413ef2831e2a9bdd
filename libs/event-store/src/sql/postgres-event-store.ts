import pg from 'pg';
import { createPgPoolDriver } from './sql-client.js';
import { createSqlEventStore, type SqlEventStore, type SqlEventStoreOptions } from './sql-event-store.js';

export interface PostgresEventStoreOptions extends SqlEventStoreOptions {
  /** `postgres://…`; used when no pool is given. */
  connectionString?: string;
  /** An existing pool (the caller keeps owning it). */
  pool?: pg.Pool;
  /** Size of the pool created from `connectionString`. Default 10. */
  poolSize?: number;
}

/** The event store on a PostgreSQL server through `pg`; migrates its schema on open. */
export async function createPostgresEventStore(options: PostgresEventStoreOptions): Promise<SqlEventStore> {
  const ownsPool = !options.pool;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
  if (ownsPool) pool.on('error', () => undefined);
  const driver = createPgPoolDriver(pool, { ownsPool });
  try {
    return await createSqlEventStore(driver, options);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}
