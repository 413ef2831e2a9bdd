import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { applyMigrations, type EventStore, type Migration, quoteIdent, type SqlDriver, SqlEventStore } from '@lib/event-store';
import { databaseOf } from '../persistence/open-database.js';
import { EVENT_STORE } from '../persistence/tokens.js';

/** Schema and table of the shared counters (PostgreSQL only). */
export const RATE_LIMIT_SCHEMA = 'platform';
export const RATE_LIMIT_TABLE = 'rate_limits';

/** The platform schema's changes, in order; `{{schema}}` is the quoted schema. Never edit one that shipped: add the next. */
export const PLATFORM_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'shared rate-limit counters',
    // The columns rate-limiter-flexible's RateLimiterPostgres reads and writes; `expire` in epoch milliseconds.
    sql: `
CREATE TABLE {{schema}}.${RATE_LIMIT_TABLE} (
  key    varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
CREATE INDEX ${RATE_LIMIT_TABLE}_expire ON {{schema}}.${RATE_LIMIT_TABLE} (expire);`,
  },
];

/** One limit: `points` per `duration` seconds per key. */
export interface LimitOptions {
  /** Names the limit; part of every stored key (`voter-code`, `receipt-address`, …). */
  keyPrefix: string;
  points: number;
  duration: number;
}

/** Consumes one point for a key; resolves with what is left, rejects with a `RateLimiterRes` when the limit is reached. */
export interface Limiter {
  readonly shared: boolean;
  consume(key: string): Promise<RateLimiterRes>;
}

/** How long one counter statement may take before the process counts in its own memory instead. */
const STATEMENT_TIMEOUT_MS = 2_000;
/** Counters expired this long ago are deleted (every CLEAR_EVERY_MS, and at start). */
const KEEP_EXPIRED_MS = 60 * 60 * 1000;
const CLEAR_EVERY_MS = 5 * 60 * 1000;

/**
 * Builds the limits that must hold across api processes. On PostgreSQL the counters live in one
 * table (`platform.rate_limits`) shared by every process, so a code gets 5 tries in all, not 5 per
 * process; each limiter has an in-memory insurance limiter that takes over while the database does
 * not answer (within 2 s), so a hiccup neither opens the gate nor fails the request. On PGlite or
 * an in-memory store (one process) the counters are in memory.
 *
 * Keys are stored hashed (SHA-256 with the event store's namespace): the table never holds a
 * voting code or a client address in clear, and two installations on one database (different
 * event-store schemas) never share a count.
 */
export class RateLimits {
  private timer: NodeJS.Timeout | undefined;
  private migrated: Promise<void> | undefined;
  private ready = false;

  constructor(
    /** PostgreSQL to share the counters on; undefined: in memory. */
    private readonly sql: SqlDriver | undefined,
    /** Separates installations sharing one database (the event store's schema). */
    private readonly namespace: string,
    /** How long one counter statement may take before the insurance limiter answers instead. */
    private readonly timeoutMs = STATEMENT_TIMEOUT_MS,
    /** The table's schema (tests use one of their own). */
    private readonly schema = RATE_LIMIT_SCHEMA,
  ) {}

  /** On the event store's PostgreSQL when it has one (SQL store, or EventStoreDB beside a PostgreSQL database); in memory otherwise. */
  static forStore(store: EventStore): RateLimits {
    return new RateLimits(...rateLimitsOf(store));
  }

  get shared(): boolean {
    return this.sql !== undefined;
  }

  /** Creates the table (under the migrations' advisory lock: concurrent starts wait) and starts clearing expired counters. */
  open(): Promise<void> {
    const sql = this.sql;
    if (!sql) return Promise.resolve();
    this.migrated ??= (async () => {
      await applyMigrations(sql, { owner: 'platform', schema: this.schema, migrations: PLATFORM_MIGRATIONS });
      await this.clearExpired();
      this.timer ??= setInterval(() => void this.clearExpired(), CLEAR_EVERY_MS);
      this.timer.unref();
      this.ready = true;
    })().catch((error: unknown) => {
      // Tried again on the next attempt; meanwhile the insurance limiters count.
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }

  /** Stops clearing expired counters. The database connection belongs to the caller. */
  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  limiter(options: LimitOptions): Limiter {
    const memory = new RateLimiterMemory({ keyPrefix: options.keyPrefix, points: options.points, duration: options.duration });
    const sql = this.sql;
    if (!sql) return { shared: false, consume: (key) => memory.consume(key) };
    const store = new RateLimiterPostgres({
      storeClient: poolOver(sql, this.timeoutMs, this.schema, (error) => this.failed(error)),
      storeType: 'pool',
      schemaName: this.schema,
      tableName: RATE_LIMIT_TABLE,
      // open() created it; the library's own CREATE TABLE is not safe when several processes start at once.
      tableCreated: true,
      // open() clears expired rows for every limiter: no timer per limiter to keep Jest or a process alive.
      clearExpiredByTimeout: false,
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.duration,
      insuranceLimiter: memory,
    });
    const namespace = this.namespace;
    return {
      shared: true,
      consume: (key) => {
        // Normally done before the app listens; after a failed start it is tried again here, not waited for:
        // without the table the statement fails and the insurance limiter counts.
        if (!this.ready) this.open().catch(() => undefined);
        return store.consume(createHash('sha256').update(`${namespace}\0${options.keyPrefix}\0${key}`).digest('base64url'));
      },
    };
  }

  /** A counter statement failed or timed out (the insurance limiter answered). Subclasses log it. */
  protected failed(error: Error): void {
    void error;
  }

  private async clearExpired(): Promise<void> {
    await this.sql
      ?.query(`DELETE FROM ${quoteIdent(this.schema)}.${quoteIdent(RATE_LIMIT_TABLE)} WHERE expire < $1`, [Date.now() - KEEP_EXPIRED_MS])
      .catch(() => undefined);
  }
}

/** Where a store's limits count: its PostgreSQL (none on PGlite or in memory), and its namespace there. */
function rateLimitsOf(store: EventStore): [SqlDriver | undefined, string] {
  const sql = databaseOf(store)?.sql ?? (store instanceof SqlEventStore ? store.driver : undefined);
  return [sql?.dialect === 'postgres' ? sql : undefined, store instanceof SqlEventStore ? store.schema : 'events'];
}

/** The pool-shaped client RateLimiterPostgres calls, over the process's SQL driver, each statement bounded in time. */
function poolOver(
  sql: SqlDriver,
  timeoutMs: number,
  schema: string,
  failed: (error: Error) => void,
): { query(q: { text: string; values?: unknown[]; name?: string }): Promise<{ rows: unknown[]; rowCount: number }> } {
  return {
    query: (q) =>
      new Promise((resolve, reject) => {
        const fail = (error: Error): void => {
          failed(error);
          reject(error);
        };
        const timer = setTimeout(() => fail(new Error(`rate-limit counter did not answer within ${timeoutMs} ms`)), timeoutMs);
        // A prepared statement's name is per connection: the schema in it keeps two tables' statements apart.
        sql.query(q.text, q.values, q.name ? { name: `${schema}.${q.name}` } : undefined).then(
          (rows) => {
            clearTimeout(timer);
            resolve({ rows, rowCount: rows.length });
          },
          (error: unknown) => {
            clearTimeout(timer);
            fail(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }),
  };
}

/** The process's RateLimits as a Nest provider: the table is created before the app listens, the timer stopped on shutdown. */
@Injectable()
export class SharedRateLimits extends RateLimits implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(...rateLimitsOf(store));
  }

  onModuleInit(): Promise<void> {
    return this.open();
  }

  onModuleDestroy(): void {
    this.close();
  }

  private readonly logger = new Logger('rate-limits');
  private lastReport = 0;

  /** Once a minute at most: the limits count per process while this goes on. */
  protected override failed(error: Error): void {
    const now = Date.now();
    if (now - this.lastReport < 60_000) return;
    this.lastReport = now;
    this.logger.warn(`shared rate-limit counters unavailable, counting in this process's memory meanwhile: ${error.message}`);
  }
}
