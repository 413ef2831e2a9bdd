import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { quoteIdent } from '@lib/event-store';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../../../../test/support/sql-store.js';
import { migrateContactDetailsVault, SqlVaultStorage } from './contact-details.sql-storage.js';
import { EncryptedContactDetailsVault } from './contact-details.vault.js';

const details = { name: 'Fatima de Vries', email: 'fatima@example.nl', phone: '+31612345678' };

/** On PostgreSQL when DATABASE_URL is set, on PGlite otherwise; each run in a schema of its own. */
describe(`SqlVaultStorage (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let db: TestSqlStore;
  let schema: string;
  let vault: EncryptedContactDetailsVault;

  beforeAll(async () => {
    db = await openTestSqlStore();
    schema = `${db.schema.replaceAll('"', '')}_pd`;
    vault = new EncryptedContactDetailsVault(await SqlVaultStorage.open(db.sql, schema));
  });
  afterAll(async () => {
    await db.sql.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await db.cleanup();
    await closeSharedPglite();
  });

  const rows = async (table: 'contact_detail_keys' | 'contact_details', ref: string) =>
    db.sql.query<Record<string, unknown>>(`SELECT * FROM ${quoteIdent(schema)}.${table} WHERE submitter_ref = $1`, [ref]);

  it('applies its migration once, also when opened again', async () => {
    expect(await migrateContactDetailsVault(db.sql, schema)).toEqual([]);
    await SqlVaultStorage.open(db.sql, schema);
    const applied = await db.sql.query<{ version: number }>(`SELECT version FROM ${quoteIdent(schema)}.contact_details_migrations`);
    expect(applied.map((r) => Number(r.version))).toEqual([1]);
  });

  it('round-trips details across vault instances and stores only ciphertext', async () => {
    await vault.store('sub-sql-1', details);
    const reopened = new EncryptedContactDetailsVault(await SqlVaultStorage.open(db.sql, schema));
    expect(await reopened.read('sub-sql-1')).toEqual(details);
    const [sealed] = await rows('contact_details', 'sub-sql-1');
    expect(Buffer.from(sealed!.ciphertext as Uint8Array).toString('utf8')).not.toContain('Fatima');
    expect(JSON.stringify(await db.sql.query(`SELECT encode(ciphertext, 'escape') AS c FROM ${quoteIdent(schema)}.contact_details`))).not.toContain('fatima@example.nl');
  });

  it('keeps one key per person, also under concurrent stores', async () => {
    await Promise.all([vault.store('sub-sql-2', details), vault.store('sub-sql-2', details), vault.store('sub-sql-2', details)]);
    expect(await rows('contact_detail_keys', 'sub-sql-2')).toHaveLength(1);
    expect(await vault.read('sub-sql-2')).toEqual(details);
  });

  it('erasing the key row shreds the details; the sealed row stays as noise', async () => {
    await vault.store('sub-sql-3', details);
    await vault.eraseKey('sub-sql-3');
    await vault.eraseKey('sub-sql-3');
    expect(await vault.read('sub-sql-3')).toBeNull();
    expect(await rows('contact_detail_keys', 'sub-sql-3')).toEqual([]);
    expect(await rows('contact_details', 'sub-sql-3')).toHaveLength(1);
  });

  it('discards both rows of a submission that was never recorded', async () => {
    await vault.store('sub-sql-4', details);
    await vault.discard('sub-sql-4');
    expect([await rows('contact_detail_keys', 'sub-sql-4'), await rows('contact_details', 'sub-sql-4')]).toEqual([[], []]);
  });
});
