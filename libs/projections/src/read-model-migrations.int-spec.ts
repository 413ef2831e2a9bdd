import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createPgliteDriver, createPgPoolDriver, quoteIdent, type SqlDriver } from '@lib/event-store';
import { openReadModels, READ_MODEL_MIGRATIONS } from './read-models.js';

/** An upgrade from a release whose read models TypeORM migrated: on PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
describe(`read-model migrations (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const url = process.env.DATABASE_URL;
  const schema = `rm_upgrade_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const quoted = quoteIdent(schema);
  let pglite: PGlite | undefined;
  let sql: SqlDriver;

  beforeAll(async () => {
    if (url) {
      sql = createPgPoolDriver(new pg.Pool({ connectionString: url, max: 2 }), { ownsPool: true, listen: false });
    } else {
      const { PGlite } = await import('@electric-sql/pglite');
      pglite = await PGlite.create('memory://');
      sql = createPgliteDriver(pglite);
    }
  });
  afterAll(async () => {
    await sql.exec(`DROP SCHEMA IF EXISTS ${quoted} CASCADE`);
    await sql.close();
    await pglite?.close();
  });

  const versions = async (table: string) => (await sql.query<{ v: string }>(`SELECT ${table === 'migrations' ? '"timestamp"' : 'version'} AS v FROM ${quoted}.${table} ORDER BY 1`)).map((row) => Number(row.v));
  const tableExists = async (table: string) => (await sql.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2`, [schema, table])).length === 1;

  it("takes over TypeORM's record of the first two, applies the other two once, and drops TypeORM's table", async () => {
    // Given: the schema as TypeORM left it after the first two migrations.
    const [one, two] = READ_MODEL_MIGRATIONS;
    await sql.exec(`CREATE SCHEMA ${quoted};
      CREATE TABLE ${quoted}.migrations (id SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, name character varying NOT NULL);
      INSERT INTO ${quoted}.migrations ("timestamp", name) VALUES (1767225600000, 'ReadModels1767225600000'), (1767225700000, 'VotingReadModels1767225700000');`);
    for (const migration of [one!, two!]) await sql.exec(migration.sql.replaceAll('{{schema}}', quoted));

    // When: this release opens the read models, twice.
    for (let open = 0; open < 2; open++) {
      const db = await openReadModels({ url, pglite, schema, poolSize: 2 });
      await db.close();
    }

    // Then: one record of all four, the two new tables, and no TypeORM table.
    expect(await versions('schema_migrations')).toEqual(READ_MODEL_MIGRATIONS.map((m) => m.version));
    expect(await tableExists('migrations')).toBe(false);
    expect(await tableExists('projection_change')).toBe(true);
    expect(await tableExists('turnout_ballots_age')).toBe(true);
  });
});
