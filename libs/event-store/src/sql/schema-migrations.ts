import { quoteIdent, type SqlDriver, type SqlQueryable } from './sql-client.js';

/** One schema change; `sql` uses `{{schema}}` for the quoted schema name. Never edit one that shipped: add the next. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The SQL one part of the project owns in one schema, and the table that records what was applied. */
export interface MigrationSet {
  /** Names the set in its advisory lock (`<owner>:<schema>`) and in errors. */
  owner: string;
  schema: string;
  /** Table in `schema` recording the applied versions. Default `migrations`. */
  table?: string;
  /** In order of version, each version once. */
  migrations: readonly Migration[];
  /** Versions an earlier tool applied to this schema, read in the same transaction and recorded as applied. */
  adopt?: (tx: SqlQueryable, quotedSchema: string) => Promise<number[]>;
}

/** The database holds a version this code does not know: it was migrated by a newer release. */
export class UnknownMigrationError extends Error {
  constructor(
    readonly owner: string,
    readonly schema: string,
    readonly versions: number[],
  ) {
    super(`${owner}: schema "${schema}" has migration ${versions.join(', ')}, unknown to this release; run the release that applied it, or a newer one`);
    this.name = 'UnknownMigrationError';
  }
}

/**
 * The one way the project changes its SQL schemas (event store, vaults, read models): creates the
 * schema if needed and applies each missing migration once, in order, all in one transaction under
 * an advisory lock, so concurrent starts wait and a failing migration leaves nothing behind.
 * Returns the versions it applied.
 */
export async function applyMigrations(driver: SqlDriver, set: MigrationSet): Promise<number[]> {
  checkOrder(set);
  const schema = quoteIdent(set.schema);
  const table = `${schema}.${quoteIdent(set.table ?? 'migrations')}`;
  return driver.transaction(async (tx) => {
    // 1. One migrator per schema at a time; the others wait here and then find nothing to do.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${set.owner}:${set.schema}`]);
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${schema};
      CREATE TABLE IF NOT EXISTS ${table} (version bigint PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());`);
    // 2. What was applied: recorded here, or by the tool this set takes over from.
    const applied = new Set((await tx.query<{ version: string | number }>(`SELECT version FROM ${table}`)).map((row) => Number(row.version)));
    const known = new Map(set.migrations.map((migration) => [migration.version, migration]));
    for (const version of (await set.adopt?.(tx, schema)) ?? []) {
      const migration = known.get(version);
      if (!migration || applied.has(version)) continue;
      await tx.query(`INSERT INTO ${table} (version, name) VALUES ($1, $2)`, [version, migration.name]);
      applied.add(version);
    }
    // 3. A version from a newer release: refuse rather than run old code on a newer schema.
    const unknown = [...applied].filter((version) => !known.has(version)).sort((a, b) => a - b);
    if (unknown.length > 0) throw new UnknownMigrationError(set.owner, set.schema, unknown);
    // 4. The missing ones, in order.
    const done: number[] = [];
    for (const migration of set.migrations) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql.replaceAll('{{schema}}', schema));
      await tx.query(`INSERT INTO ${table} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      done.push(migration.version);
    }
    return done;
  });
}

function checkOrder(set: MigrationSet): void {
  set.migrations.forEach((migration, index) => {
    const previous = set.migrations[index - 1];
    if (!Number.isSafeInteger(migration.version) || migration.version <= 0 || (previous && migration.version <= previous.version)) {
      throw new Error(`${set.owner}: migration versions must be positive integers in increasing order (${migration.version} "${migration.name}")`);
    }
  });
}
