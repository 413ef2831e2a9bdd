import { DataSource, type EntityManager, type EntitySchema, type MigrationInterface } from 'typeorm';
import type { PGlite } from '@electric-sql/pglite';

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
  migrations: (new () => MigrationInterface)[];
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  poolSize?: number;
}

/** Opens TypeORM on PostgreSQL or PGlite, creates the schema and runs pending migrations (never `synchronize`). */
export async function openReadModelDatabase(options: OpenReadModelsOptions): Promise<ReadModelDatabase> {
  const schemaName = options.schema ?? READ_MODEL_SCHEMA;
  const schema = `"${schemaName.replace(/"/g, '""')}"`;
  const common = {
    type: 'postgres' as const,
    schema: schemaName,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all' as const,
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
  await exclusive(() => dataSource.initialize());
  if (options.migrate !== false) {
    await exclusive(async () => {
      const runner = dataSource.createQueryRunner();
      try {
        await runner.connect();
        if (!options.pglite) await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`read-models:${schemaName}`]);
        try {
          await runner.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
          if (options.pglite) {
            await runner.release();
            await dataSource.runMigrations({ transaction: 'all' });
          } else {
            await dataSource.runMigrations({ transaction: 'all' });
          }
        } finally {
          if (!options.pglite) await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`read-models:${schemaName}`]);
        }
      } finally {
        if (!runner.isReleased) await runner.release();
      }
    });
  }
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

/** Numbers from `bigint`/`numeric` columns (node-postgres returns them as strings). */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}
