import pg from 'pg';

/** Elects one active runner per name (a projection, a reactor) across every process. */
export interface RunnerLock {
  /** True when this process now runs `name`; false when another process does. */
  tryAcquire(name: string): Promise<boolean>;
  release(name: string): Promise<void>;
  /** Whether this process still holds `name` (false once the lock session died). */
  holds(name: string): boolean;
  close(): Promise<void>;
}

/** One process only (PGlite, tests): a set of names. */
export class InProcessLock implements RunnerLock {
  private readonly held = new Set<string>();

  async tryAcquire(name: string): Promise<boolean> {
    if (this.held.has(name)) return false;
    this.held.add(name);
    return true;
  }

  async release(name: string): Promise<void> {
    this.held.delete(name);
  }

  holds(name: string): boolean {
    return this.held.has(name);
  }

  async close(): Promise<void> {
    this.held.clear();
  }
}

/**
 * PostgreSQL session-level advisory locks on one dedicated connection: held while the connection
 * lives, released by PostgreSQL when the process dies, so another process takes over.
 */
export class AdvisoryLock implements RunnerLock {
  private client: Promise<pg.Client> | undefined;
  private readonly held = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly connectionString: string,
    /** Namespaces the keys (e.g. the read-model schema). */
    private readonly namespace: string,
    /** What the names are: `projection` or `reactor`. */
    private readonly kind = 'projection',
  ) {}

  async tryAcquire(name: string): Promise<boolean> {
    if (this.held.has(name)) return false;
    const locked = await this.serial(async () => {
      const client = await this.connect();
      const rows = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.key(name)]);
      return rows.rows[0]?.locked === true;
    });
    if (locked) this.held.add(name);
    return locked;
  }

  async release(name: string): Promise<void> {
    if (!this.held.delete(name)) return;
    await this.serial(async () => {
      const client = await this.client?.catch(() => undefined);
      await client?.query('SELECT pg_advisory_unlock(hashtext($1))', [this.key(name)]).catch(() => undefined);
    });
  }

  holds(name: string): boolean {
    return this.held.has(name);
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held.clear();
    await client?.then((c) => c.end()).catch(() => undefined);
  }

  /** One query at a time on the lock session. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private key(name: string): string {
    return `${this.kind}:${this.namespace}:${name}`;
  }

  private connect(): Promise<pg.Client> {
    if (!this.client) {
      const client = new pg.Client({ connectionString: this.connectionString });
      const lost = (): void => {
        // The session is gone and with it every lock: the runners notice through holds().
        this.held.clear();
        if (this.client === connecting) this.client = undefined;
      };
      client.on('error', lost);
      client.on('end', lost);
      const connecting = client.connect().then(() => client);
      connecting.catch(lost);
      this.client = connecting;
    }
    return this.client;
  }
}
