import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../../../test/support/sql-store.js';
import { applyMigrations, type Migration, type MigrationSet, UnknownMigrationError } from './schema-migrations.js';
import { quoteIdent } from './sql-client.js';

const first: Migration = { version: 1, name: 'plans', sql: 'CREATE TABLE {{schema}}.plans (id text PRIMARY KEY);' };
const second: Migration = { version: 2, name: 'plan titles', sql: 'ALTER TABLE {{schema}}.plans ADD COLUMN title text NOT NULL;' };
const broken: Migration = { version: 3, name: 'broken', sql: 'ALTER TABLE {{schema}}.nowhere ADD COLUMN x int;' };

/** On PostgreSQL when DATABASE_URL is set, on PGlite otherwise; each case in a schema of its own. */
describe(`applyMigrations (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let db: TestSqlStore;
  const schemas: string[] = [];
  const aSet = (migrations: Migration[], extra: Partial<MigrationSet> = {}): MigrationSet => {
    const schema = `mig_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    schemas.push(schema);
    return { owner: 'test', schema, migrations, ...extra };
  };
  const applied = async (set: MigrationSet) =>
    (await db.sql.query<{ version: string; name: string }>(`SELECT version, name FROM ${quoteIdent(set.schema)}.${quoteIdent(set.table ?? 'migrations')} ORDER BY version`)).map((row) => [Number(row.version), row.name]);
  const tables = async (schema: string) =>
    (await db.sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [schema])).map((row) => row.table_name);

  beforeAll(async () => {
    db = await openTestSqlStore();
  });
  afterEach(async () => {
    for (const schema of schemas.splice(0)) await db.sql.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  });
  afterAll(async () => {
    await db.cleanup();
    await closeSharedPglite();
  });

  it('creates the schema, applies every migration in order and records each; a second run applies nothing', async () => {
    const set = aSet([first, second]);
    expect(await applyMigrations(db.sql, set)).toEqual([1, 2]);
    expect(await applyMigrations(db.sql, set)).toEqual([]);
    expect(await applied(set)).toEqual([[1, 'plans'], [2, 'plan titles']]);
    await db.sql.query(`INSERT INTO ${quoteIdent(set.schema)}.plans (id, title) VALUES ('p1', 'Bankjes')`);
  });

  it('applies only the new migration of a later release', async () => {
    const set = aSet([first]);
    await applyMigrations(db.sql, set);
    expect(await applyMigrations(db.sql, { ...set, migrations: [first, second] })).toEqual([2]);
    expect(await applied(set)).toEqual([[1, 'plans'], [2, 'plan titles']]);
  });

  it('leaves nothing behind when a migration fails: no schema, no table, nothing recorded', async () => {
    const set = aSet([first, second, broken]);
    await expect(applyMigrations(db.sql, set)).rejects.toThrow(/nowhere/);
    expect(await tables(set.schema)).toEqual([]);
  });

  it('refuses a schema that a newer release migrated', async () => {
    const set = aSet([first, second]);
    await applyMigrations(db.sql, set);
    const older = { ...set, migrations: [first] };
    await expect(applyMigrations(db.sql, older)).rejects.toEqual(new UnknownMigrationError('test', set.schema, [2]));
    const error = await applyMigrations(db.sql, older).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`test: schema "${set.schema}" has migration 2, unknown to this release; run the release that applied it, or a newer one`);
  });

  it('takes over what an earlier tool applied: adopted versions are recorded, not run again', async () => {
    const set = aSet([first, second], { table: 'schema_migrations' });
    await db.sql.exec(`CREATE SCHEMA ${quoteIdent(set.schema)}; CREATE TABLE ${quoteIdent(set.schema)}.plans (id text PRIMARY KEY);`);
    const adopted = { ...set, adopt: async () => [1] };
    expect(await applyMigrations(db.sql, adopted)).toEqual([2]);
    expect(await applied(set)).toEqual([[1, 'plans'], [2, 'plan titles']]);
    expect(await tables(set.schema)).toEqual(['plans', 'schema_migrations']);
  });

  it('lets concurrent starts wait: each migration runs once', async () => {
    const set = aSet([first, second]);
    const runs = await Promise.all([applyMigrations(db.sql, set), applyMigrations(db.sql, set), applyMigrations(db.sql, set)]);
    expect(runs.flat().sort()).toEqual([1, 2]);
    expect(await applied(set)).toEqual([[1, 'plans'], [2, 'plan titles']]);
  });

  it('refuses versions out of order before touching the database', async () => {
    const set = aSet([second, first]);
    await expect(applyMigrations(db.sql, set)).rejects.toThrow('test: migration versions must be positive integers in increasing order (1 "plans")');
    expect(await tables(set.schema)).toEqual([]);
  });
});
