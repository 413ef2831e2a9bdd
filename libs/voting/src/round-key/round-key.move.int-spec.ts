import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../../../test/support/sql-store.js';
import { FileRoundKeyVault } from './round-key.file-vault.js';
import { moveSqlRoundKeys } from './round-key.vault.js';

describe('moving the round keys of an older installation out of the event database', () => {
  let sql: TestSqlStore;
  let dir: string;
  const schema = `voting_keys_${randomUUID().replaceAll('-', '').slice(0, 8)}`;
  beforeAll(async () => {
    sql = await openTestSqlStore();
    dir = await mkdtemp(join(tmpdir(), 'round-keys-move-'));
  });
  afterAll(async () => {
    await sql.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await sql.cleanup();
    await closeSharedPglite();
    await rm(dir, { recursive: true, force: true });
  });

  it('moves every key and every destruction to the key directory once, empties the table, and finds nothing to do at the next start', async () => {
    // The table as the earlier releases made it.
    await sql.sql.exec(`CREATE SCHEMA "${schema}";
CREATE TABLE "${schema}".round_keys (
  round_id     text PRIMARY KEY,
  secret       bytea,
  created_at   timestamptz NOT NULL DEFAULT now(),
  destroyed_at timestamptz,
  CONSTRAINT round_keys_secret_or_destroyed CHECK ((secret IS NULL) = (destroyed_at IS NOT NULL))
);`);
    const live = randomBytes(32);
    await sql.sql.query(`INSERT INTO "${schema}".round_keys (round_id, secret) VALUES ($1, $2)`, ['r-live', live]);
    await sql.sql.query(`INSERT INTO "${schema}".round_keys (round_id, secret, destroyed_at) VALUES ($1, NULL, now())`, ['r-sealed']);
    const vault = await FileRoundKeyVault.open(join(dir, 'keys'));

    expect(await moveSqlRoundKeys(sql.sql, vault, schema)).toBe(2);
    expect(await vault.keyFor('r-live')).toEqual(live);
    expect(await vault.status('r-sealed')).toBe('destroyed');
    expect(await sql.sql.query(`SELECT * FROM "${schema}".round_keys`)).toEqual([]);
    expect((await readdir(join(dir, 'keys'))).sort()).toEqual(['r-live.key', 'r-sealed.destroyed']);

    // The next start: nothing left to move; a key used since is kept.
    expect(await moveSqlRoundKeys(sql.sql, vault, schema)).toBe(0);
    expect(await vault.keyFor('r-live')).toEqual(live);
  });

  it('does nothing in an installation that never had the table', async () => {
    expect(await moveSqlRoundKeys(sql.sql, await FileRoundKeyVault.open(join(dir, 'other')), `absent_${randomUUID().slice(0, 8)}`)).toBe(0);
  });
});
