import pg from 'pg';
import { DataSource, type EntityManager, type EntitySchema } from 'typeorm';
import type { PGlite } from '@electric-sql/pglite';
import { applyMigrations, createPgliteDriver, createPgPoolDriver, type Migration, type SqlQueryable } from '@lib/event-store';

/** The schema every read-model table lives in: a public interface for dashboards. */
export const READ_MODEL_SCHEMA = 'read_model';

/**
 * The read-model database: TypeORM over PostgreSQL or over the process's PGlite instance.
 * Every unit of work goes through `transaction` or `read`, which on PGlite hold PGlite's own
 * locks: its node-postgres adapter bypasses them, and PGlite has one session shared with the event store.
 */
export interface ReadModelDatabase {
  readonly dataSource: DataSource;
  readonly dialect: 'postgres' | 'pglite';
  /** Quoted schema name for raw SQL. */
  readonly schema: string;
  readonly schemaName: string;
  /** One transaction: commits when `work` resolves, rolls back when it throws. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** Reads outside a transaction (one statement or several). */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** A connection string for a dedicated session (advisory locks); absent on PGlite. */
  readonly connectionString?: string;
  close(): Promise<void>;
}

export interface OpenReadModelsOptions {
  /** PostgreSQL; or */
  url?: string;
  /** the PGlite instance the process already runs (embedded mode). */
  pglite?: PGlite;
  schema?: string;
  entities: EntitySchema[];
  migrations: readonly Migration[];
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  poolSize?: number;
}

/** Opens TypeORM on PostgreSQL or PGlite after applying pending migrations (never `synchronize`). */
export async function openReadModelDatabase(options: OpenReadModelsOptions): Promise<ReadModelDatabase> {
  const schemaName = options.schema ?? READ_MODEL_SCHEMA;
  const schema = `"${schemaName.replace(/"/g, '""')}"`;
  const common = {
    type: 'postgres' as const,
    schema: schemaName,
    entities: options.entities,
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
    logging: false,
  };
  let dataSource: DataSource;
  let exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  if (options.pglite) {
    const pglite = options.pglite;
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    dataSource = new DataSource({ ...common, poolSize: 1, extra: { ...createPgConfig(pglite), max: 1 } });
    // Both of PGlite's locks, in the order its own query() takes them.
    exclusive = (work) => pglite._runExclusiveTransaction(() => pglite._runExclusiveQuery(work));
  } else if (options.url) {
    dataSource = new DataSource({ ...common, url: options.url, poolSize: options.poolSize ?? 10, extra: { max: options.poolSize ?? 10 } });
    exclusive = (work) => work();
  } else {
    throw new Error('openReadModelDatabase needs a PostgreSQL url or a PGlite instance');
  }
  if (options.migrate !== false) await migrateReadModels(options, schemaName);
  await exclusive(() => dataSource.initialize());
  return {
    dataSource,
    dialect: options.pglite ? 'pglite' : 'postgres',
    schema,
    schemaName,
    connectionString: options.url,
    transaction: (work) => exclusive(() => dataSource.transaction(work)),
    read: (work) => exclusive(() => work(dataSource.manager)),
    close: async () => {
      if (dataSource.isInitialized) await exclusive(() => dataSource.destroy());
    },
  };
}

/** The read models' schema through the project's one migration mechanism, on a session of its own. */
async function migrateReadModels(options: OpenReadModelsOptions, schema: string): Promise<void> {
  const driver = options.pglite
    ? createPgliteDriver(options.pglite)
    : createPgPoolDriver(new pg.Pool({ connectionString: options.url, max: 1 }), { ownsPool: true, listen: false });
  try {
    await applyMigrations(driver, { owner: 'read-models', schema, table: 'schema_migrations', migrations: options.migrations, adopt: (tx, quoted) => adoptTypeormMigrations(tx, quoted, schema) });
  } finally {
    await driver.close();
  }
}

/**
 * Releases before this one recorded read-model migrations in TypeORM's `migrations` table (its
 * `timestamp` column is the version): take them over once, then drop that table.
 */
async function adoptTypeormMigrations(tx: SqlQueryable, quoted: string, schema: string): Promise<number[]> {
  const [typeorm] = await tx.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'migrations' AND column_name = 'timestamp') AS found`,
    [schema],
  );
  if (!typeorm?.found) return [];
  const rows = await tx.query<{ timestamp: string | number }>(`SELECT "timestamp" FROM ${quoted}.migrations`);
  await tx.exec(`DROP TABLE ${quoted}.migrations`);
  return rows.map((row) => Number(row.timestamp));
}

/** Numbers from `bigint`/`numeric` columns (node-postgres returns them as strings). */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}
