import { randomBytes } from 'node:crypto';
import { domainError } from '@lib/es';
import { quoteIdent, type SqlDriver } from '@lib/event-store';

/** The round's key was destroyed (at the close of voting, the end of the correction window, or the seal): codes can no longer be turned into pseudonyms. */
export class RoundKeyDestroyedError extends domainError('ROUND_KEY.DESTROYED', 'rule') {}

/**
 * The per-round secret that turns voting codes into pseudonyms (HMAC-SHA256). It lives outside the
 * event database on purpose: destroying it unlinks every code from its ballot, while the events stay.
 * The port of the key store: FileRoundKeyVault (a directory, the default), InMemoryRoundKeyVault
 * (tests); a KMS or HSM adapter implements the same four calls (docs/voting.md).
 */
export interface RoundKeyVault {
  /** The round's key, made on first use; throws RoundKeyDestroyedError once destroyed. */
  keyFor(roundId: string): Promise<Buffer>;
  /** The key, or null when none was made yet or it was destroyed. */
  existingKey(roundId: string): Promise<Buffer | null>;
  status(roundId: string): Promise<'none' | 'active' | 'destroyed'>;
  /** Destroys the key for good (idempotent) and remembers that it did. */
  destroy(roundId: string): Promise<void>;
}

/** DI token of the RoundKeyVault. */
export const ROUND_KEY_VAULT = Symbol('ROUND_KEY_VAULT');

const KEY_BYTES = 32;

/** Keys in memory (tests, and the CLI against an in-memory store). */
export class InMemoryRoundKeyVault implements RoundKeyVault {
  private readonly keys = new Map<string, Buffer | null>();

  async keyFor(roundId: string): Promise<Buffer> {
    const key = this.keys.get(roundId);
    if (key === null) throw new RoundKeyDestroyedError(`The key of round ${roundId} was destroyed`);
    if (key) return key;
    const made = randomBytes(KEY_BYTES);
    this.keys.set(roundId, made);
    return made;
  }

  async existingKey(roundId: string): Promise<Buffer | null> {
    return this.keys.get(roundId) ?? null;
  }

  async status(roundId: string): Promise<'none' | 'active' | 'destroyed'> {
    const key = this.keys.get(roundId);
    return key === undefined ? 'none' : key === null ? 'destroyed' : 'active';
  }

  async destroy(roundId: string): Promise<void> {
    this.keys.get(roundId)?.fill(0);
    this.keys.set(roundId, null);
  }
}

/**
 * Moves the keys of an older installation out of the event database: until now they were kept in
 * `<schema>.round_keys` beside the events. Each key (or its destruction) goes to `vault` first, then
 * the table is emptied and rewritten (VACUUM FULL), so no old row version keeps a key in the table
 * file. Runs at every start and does nothing when the table is gone or empty; a start that fails
 * half-way leaves the rows for the next. Answers how many rounds it moved.
 */
export async function moveSqlRoundKeys(sql: SqlDriver, vault: { adopt(roundId: string, key: Buffer | null): Promise<void> }, schema = 'voting'): Promise<number> {
  const [found] = await sql.query<{ table: string | null }>('SELECT to_regclass($1)::text AS table', [`${quoteIdent(schema)}.round_keys`]);
  if (!found?.table) return 0;
  const table = `${quoteIdent(schema)}.round_keys`;
  const rows = await sql.query<{ round_id: string; secret: Uint8Array | null }>(`SELECT round_id, secret FROM ${table} ORDER BY round_id`);
  if (rows.length === 0) return 0;
  for (const row of rows) await vault.adopt(row.round_id, row.secret ? Buffer.from(row.secret) : null);
  await sql.query(`DELETE FROM ${table} WHERE round_id = ANY($1::text[])`, [rows.map((r) => r.round_id)]);
  // VACUUM FULL writes the table anew and drops the old file with the deleted rows in it; WAL and backups are the operator's (docs/voting.md).
  await sql.exec(`VACUUM FULL ${table}`).catch(() => sql.exec(`VACUUM ${table}`).catch(() => undefined));
  return rows.length;
}
