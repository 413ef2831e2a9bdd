import { applyMigrations, type Migration, quoteIdent, type SqlDriver } from '@lib/event-store';
import type { SealedContactDetails, VaultStorage } from './contact-details.vault.js';

/** The vault's schema changes, in order; `{{schema}}` is the quoted schema. Never edit one that shipped: add the next. */
export const CONTACT_DETAILS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'contact details and per-person keys',
    // Two tables, no foreign key between them: deleting a key row must leave the sealed row behind as noise.
    sql: `
CREATE TABLE {{schema}}.contact_detail_keys (
  submitter_ref text PRIMARY KEY,
  secret        bytea NOT NULL CHECK (octet_length(secret) = 32),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE {{schema}}.contact_details (
  submitter_ref text PRIMARY KEY,
  iv            bytea NOT NULL,
  tag           bytea NOT NULL,
  ciphertext    bytea NOT NULL,
  stored_at     timestamptz NOT NULL DEFAULT now()
);`,
  },
];

/** Default schema of the vault's tables, beside the event store's in the same database. */
export const CONTACT_DETAILS_SCHEMA = 'personal_data';

/** Brings the vault's tables up to date under an advisory lock (concurrent starts wait); returns the versions applied. */
export function migrateContactDetailsVault(sql: SqlDriver, schema = CONTACT_DETAILS_SCHEMA): Promise<number[]> {
  return applyMigrations(sql, { owner: 'contact-details-vault', schema, table: 'contact_details_migrations', migrations: CONTACT_DETAILS_MIGRATIONS });
}

/** Sealed records and keys in two tables of the process's PostgreSQL or PGlite database. */
export class SqlVaultStorage implements VaultStorage {
  private readonly keys: string;
  private readonly sealed: string;

  private constructor(
    private readonly sql: SqlDriver,
    schema: string,
  ) {
    this.keys = `${quoteIdent(schema)}.contact_detail_keys`;
    this.sealed = `${quoteIdent(schema)}.contact_details`;
  }

  /** Opens the storage, applying its migrations first. */
  static async open(sql: SqlDriver, schema = CONTACT_DETAILS_SCHEMA): Promise<SqlVaultStorage> {
    await migrateContactDetailsVault(sql, schema);
    return new SqlVaultStorage(sql, schema);
  }

  async getKey(ref: string): Promise<Buffer | null> {
    const [row] = await this.sql.query<{ secret: Uint8Array }>(`SELECT secret FROM ${this.keys} WHERE submitter_ref = $1`, [ref]);
    return row === undefined ? null : Buffer.from(row.secret);
  }

  async putKeyIfAbsent(ref: string, key: Buffer): Promise<Buffer> {
    await this.sql.query(`INSERT INTO ${this.keys} (submitter_ref, secret) VALUES ($1, $2) ON CONFLICT (submitter_ref) DO NOTHING`, [ref, key]);
    const kept = await this.getKey(ref);
    if (kept === null) throw new Error(`The key of ${ref} was erased while its details were being stored`);
    return kept;
  }

  async deleteKey(ref: string): Promise<void> {
    await this.sql.query(`DELETE FROM ${this.keys} WHERE submitter_ref = $1`, [ref]);
    // The deleted row version stays in the table file until vacuumed; WAL and backups are the operator's (docs/budgeting.md).
    await this.sql.exec(`VACUUM ${this.keys}`).catch(() => undefined);
  }

  async getSealed(ref: string): Promise<SealedContactDetails | null> {
    const [row] = await this.sql.query<{ iv: Uint8Array; tag: Uint8Array; ciphertext: Uint8Array }>(`SELECT iv, tag, ciphertext FROM ${this.sealed} WHERE submitter_ref = $1`, [ref]);
    if (row === undefined) return null;
    return { iv: Buffer.from(row.iv).toString('base64'), tag: Buffer.from(row.tag).toString('base64'), ciphertext: Buffer.from(row.ciphertext).toString('base64') };
  }

  async putSealed(ref: string, sealed: SealedContactDetails): Promise<void> {
    await this.sql.query(
      `INSERT INTO ${this.sealed} (submitter_ref, iv, tag, ciphertext) VALUES ($1, $2, $3, $4)
       ON CONFLICT (submitter_ref) DO UPDATE SET iv = EXCLUDED.iv, tag = EXCLUDED.tag, ciphertext = EXCLUDED.ciphertext, stored_at = now()`,
      [ref, Buffer.from(sealed.iv, 'base64'), Buffer.from(sealed.tag, 'base64'), Buffer.from(sealed.ciphertext, 'base64')],
    );
  }

  async deleteSealed(ref: string): Promise<void> {
    await this.sql.query(`DELETE FROM ${this.sealed} WHERE submitter_ref = $1`, [ref]);
  }
}
