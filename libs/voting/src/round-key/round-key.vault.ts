import { randomBytes } from 'node:crypto';
import { domainError } from '@lib/es';
import { applyMigrations, type Migration, quoteIdent, type SqlDriver } from '@lib/event-store';

/** The round's key was destroyed when its result was adopted: codes can no longer be turned into pseudonyms. */
export class RoundKeyDestroyedError extends domainError('ROUND_KEY.DESTROYED', 'rule') {}

/**
 * The per-round secret that turns voting codes into pseudonyms (HMAC-SHA256). It lives outside the
 * event store on purpose: destroying it unlinks every code from its ballot, while the events stay.
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

/** The vault's schema changes, in order; `{{schema}}` is the quoted schema. Never edit one that shipped: add the next. */
export const ROUND_KEY_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'round keys',
    sql: `
CREATE TABLE {{schema}}.round_keys (
  round_id     text PRIMARY KEY,
  secret       bytea,
  created_at   timestamptz NOT NULL DEFAULT now(),
  destroyed_at timestamptz,
  CONSTRAINT round_keys_secret_or_destroyed CHECK ((secret IS NULL) = (destroyed_at IS NOT NULL))
);`,
  },
];

/** Brings the vault's schema up to date under an advisory lock (concurrent starts wait); returns the versions applied. */
export function migrateRoundKeyVault(sql: SqlDriver, schema = 'voting'): Promise<number[]> {
  return applyMigrations(sql, { owner: 'round-key-vault', schema, migrations: ROUND_KEY_MIGRATIONS });
}

/** How long a process keeps a round key it read before reading it again (so a key destroyed elsewhere is gone here too). */
export const ROUND_KEY_CACHE_MS = 30_000;

/**
 * Keys in one small table of the same PostgreSQL or PGlite database (schema `voting` by default).
 * `keyFor` (every ballot and sign-in) keeps a key in memory for up to `cacheMs`: while voting is
 * open that spares the database a query per ballot. `destroy` drops it at once in this process.
 */
export class SqlRoundKeyVault implements RoundKeyVault {
  private readonly table: string;
  private readonly cache = new Map<string, { key: Buffer; until: number }>();

  private constructor(
    private readonly sql: SqlDriver,
    schema: string,
    private readonly cacheMs: number,
    private readonly clock: () => number,
  ) {
    this.table = `${quoteIdent(schema)}.round_keys`;
  }

  /** Opens the vault, applying its migrations first. */
  static async open(sql: SqlDriver, schema = 'voting', options: { cacheMs?: number; clock?: () => number } = {}): Promise<SqlRoundKeyVault> {
    await migrateRoundKeyVault(sql, schema);
    return new SqlRoundKeyVault(sql, schema, options.cacheMs ?? ROUND_KEY_CACHE_MS, options.clock ?? Date.now);
  }

  async keyFor(roundId: string): Promise<Buffer> {
    const cached = this.cache.get(roundId);
    if (cached && cached.until > this.clock()) return cached.key;
    this.cache.delete(roundId);
    // Read first: the key exists for all but the first use, and a read takes no row lock.
    let row = await this.row(roundId);
    if (!row) {
      await this.sql.query(`INSERT INTO ${this.table} (round_id, secret) VALUES ($1, $2) ON CONFLICT (round_id) DO NOTHING`, [roundId, randomBytes(KEY_BYTES)]);
      row = await this.row(roundId);
    }
    if (!row?.secret) throw new RoundKeyDestroyedError(`The key of round ${roundId} was destroyed`);
    const key = Buffer.from(row.secret);
    if (this.cacheMs > 0) this.cache.set(roundId, { key, until: this.clock() + this.cacheMs });
    return key;
  }

  async existingKey(roundId: string): Promise<Buffer | null> {
    const row = await this.row(roundId);
    return row?.secret ? Buffer.from(row.secret) : null;
  }

  /** The round's row: undefined when no key was made, `secret` null once destroyed. */
  private async row(roundId: string): Promise<{ secret: Uint8Array | null } | undefined> {
    const [row] = await this.sql.query<{ secret: Uint8Array | null }>(`SELECT secret FROM ${this.table} WHERE round_id = $1`, [roundId]);
    return row;
  }

  async status(roundId: string): Promise<'none' | 'active' | 'destroyed'> {
    const [row] = await this.sql.query<{ destroyed: boolean }>(`SELECT destroyed_at IS NOT NULL AS destroyed FROM ${this.table} WHERE round_id = $1`, [roundId]);
    return row === undefined ? 'none' : row.destroyed ? 'destroyed' : 'active';
  }

  async destroy(roundId: string): Promise<void> {
    this.cache.delete(roundId);
    await this.sql.query(
      `INSERT INTO ${this.table} (round_id, secret, destroyed_at) VALUES ($1, NULL, now())
       ON CONFLICT (round_id) DO UPDATE SET secret = NULL, destroyed_at = COALESCE(${this.table}.destroyed_at, now())`,
      [roundId],
    );
    // The old row version stays in the table file until vacuumed; WAL and backups are the operator's (docs/voting.md).
    await this.sql.exec(`VACUUM ${this.table}`).catch(() => undefined);
  }
}
