import pg from 'pg';
import type { PGliteInterface } from '@electric-sql/pglite';

export interface QueryOptions {
  /** A stable name for a hot statement: `pg` prepares it once per connection. */
  name?: string;
}

/** What the SQL event store needs from a PostgreSQL session: one-statement queries and scripts. */
export interface SqlQueryable {
  /** One statement with `$n` parameters; resolves to its rows. `name` lets drivers that can keep it prepared. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<Row[]>;
  /** A script of several statements, no parameters. */
  exec(text: string): Promise<void>;
}

/** A PostgreSQL-compatible database the SQL event store runs on (a `pg.Pool` or a PGlite instance). */
export interface SqlDriver extends SqlQueryable {
  readonly dialect: 'postgres' | 'pglite';
  /** Runs `work` in one transaction on one session; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** LISTEN on a channel (the handler gets each notification's payload); resolves to an unlisten function. Absent when the driver cannot listen. */
  listen?(channel: string, onNotification: (payload: string | null) => void): Promise<() => Promise<void>>;
  /** NOTIFY a channel outside any transaction, with an optional payload. Absent when the driver cannot notify. */
  notify?(channel: string, payload?: string | null): Promise<void>;
  /** Releases what the driver owns (a pool it created, its listening connection). */
  close(): Promise<void>;
}

export interface PgPoolDriverOptions {
  /** End the pool on close(). Default false: the caller owns it. */
  ownsPool?: boolean;
  /**
   * Open one extra connection (from the pool's own settings) for LISTEN/NOTIFY wake-ups.
   * Default true. Turn it off for a pool over PGlite (`createPgConfig`), which has one session.
   */
  listen?: boolean;
}

/** A driver over a `pg.Pool`: queries take any pooled connection, transactions hold one. */
export function createPgPoolDriver(pool: pg.Pool, options: PgPoolDriverOptions = {}): SqlDriver {
  const listenEnabled = options.listen ?? true;
  let listener: Promise<pg.Client> | undefined;
  const handlers = new Map<string, Set<(payload: string | null) => void>>();

  let closed = false;
  const connectListener = (): Promise<pg.Client> => {
    // Once closed, no connection of its own is opened again: nothing would end it.
    if (closed) return Promise.reject(new Error('The driver is closed'));
    if (!listener) {
      listener = (async () => {
        const client = new pg.Client(pool.options);
        const reset = (): void => {
          listener = undefined;
          client.removeAllListeners('notification');
        };
        client.on('error', reset);
        client.on('end', reset);
        client.on('notification', (message) => {
          for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? null);
        });
        try {
          await client.connect();
          for (const channel of handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
        } catch (error) {
          reset();
          await client.end().catch(() => undefined);
          throw error;
        }
        return client;
      })();
    }
    return listener;
  };

  const driver: SqlDriver = {
    dialect: 'postgres',
    async query<Row>(text: string, params?: unknown[], queryOptions?: QueryOptions): Promise<Row[]> {
      const result = await pool.query({ text, values: params, name: queryOptions?.name });
      return result.rows as Row[];
    },
    async exec(text: string): Promise<void> {
      await pool.query(text);
    },
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const tx: SqlQueryable = {
          query: async <Row>(text: string, params?: unknown[], queryOptions?: QueryOptions) =>
            (await client.query({ text, values: params, name: queryOptions?.name })).rows as Row[],
          exec: async (text: string) => {
            await client.query(text);
          },
        };
        try {
          const result = await work(tx);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError;
          });
          throw error;
        }
      } catch (error) {
        broken ??= isConnectionLevel(error) ? error : undefined;
        throw error;
      } finally {
        client.release(broken === undefined ? undefined : (broken as Error));
      }
    },
    async close(): Promise<void> {
      closed = true;
      const pending = listener;
      listener = undefined;
      handlers.clear();
      if (pending) await pending.then((client) => client.end()).catch(() => undefined);
      if (options.ownsPool) await pool.end();
    },
  };

  if (listenEnabled) {
    driver.listen = async (channel, onNotification) => {
      let set = handlers.get(channel);
      const first = !set;
      if (!set) handlers.set(channel, (set = new Set()));
      set.add(onNotification);
      if (first) {
        const client = await connectListener();
        await client.query(`LISTEN ${quoteIdent(channel)}`);
      } else {
        await connectListener();
      }
      return async () => {
        set.delete(onNotification);
        if (set.size === 0 && handlers.get(channel) === set) {
          handlers.delete(channel);
          if (listener) await listener.then((client) => client.query(`UNLISTEN ${quoteIdent(channel)}`)).catch(() => undefined);
        }
      };
    };
    driver.notify = async (channel, payload = null) => {
      const client = await connectListener();
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    };
  }
  return driver;
}

export interface PgliteDriverOptions {
  /** Close the PGlite instance on close(). Default false: the caller owns it. */
  ownsInstance?: boolean;
}

/**
 * A driver over a PGlite instance, through PGlite's own query and transaction locks.
 * PGlite has one session: a transaction here blocks every other query on the instance.
 */
export function createPgliteDriver(pglite: PGliteInterface, options: PgliteDriverOptions = {}): SqlDriver {
  return {
    dialect: 'pglite',
    async query<Row>(text: string, params?: unknown[]): Promise<Row[]> {
      return (await pglite.query<Row>(text, params)).rows;
    },
    async exec(text: string): Promise<void> {
      await pglite.exec(text);
    },
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      return pglite.transaction(async (tx) =>
        work({
          query: async <Row>(text: string, params?: unknown[]) => (await tx.query<Row>(text, params)).rows,
          exec: async (text: string) => {
            await tx.exec(text);
          },
        }),
      );
    },
    async listen(channel, onNotification) {
      const unlisten = await pglite.listen(channel, (payload) => onNotification(payload || null));
      return async () => {
        await unlisten();
      };
    },
    async notify(channel, payload = null) {
      await pglite.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close(): Promise<void> {
      if (options.ownsInstance) await pglite.close();
    },
  };
}

/** Quotes a PostgreSQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const connectionErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** True when an error means the database could not be reached or the session was lost. */
export function isConnectionLevel(error: unknown): boolean {
  // Duck-typed: errors from Node's net layer may come from another realm (e.g. under Jest's vm modules).
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (Array.isArray(errors) && errors.some(isConnectionLevel)) return true;
  if (typeof code === 'string') {
    if (connectionErrorCodes.has(code)) return true;
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return true;
  }
  return (
    typeof message === 'string' &&
    /connection terminated|timeout exceeded when trying to connect|connection error|connection ended|not queryable|pglite is closed|closed pglite/i.test(message)
  );
}
