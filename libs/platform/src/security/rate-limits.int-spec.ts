import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createSqlEventStore, InMemoryEventStore, type SqlDriver } from '@lib/event-store';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../../../test/support/sql-store.js';
import { RATE_LIMIT_SCHEMA, RATE_LIMIT_TABLE, RateLimits } from './rate-limits.js';

/** Consumes `n` points; counts how many were refused. */
async function refusals(limiter: { consume(key: string): Promise<unknown> }, key: string, n: number): Promise<{ allowed: number; refused: RateLimiterRes[] }> {
  const refused: RateLimiterRes[] = [];
  let allowed = 0;
  for (let i = 0; i < n; i++) {
    await limiter.consume(key).then(
      () => allowed++,
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        refused.push(rejection);
      },
    );
  }
  return { allowed, refused };
}

/** A driver whose every statement fails, as while PostgreSQL is away. */
function failingDriver(): SqlDriver {
  const fail = () => Promise.reject(new Error('connect ECONNREFUSED'));
  return { dialect: 'postgres', query: fail, exec: fail, transaction: fail, close: async () => undefined };
}

/** A driver whose statements never answer, as with every pooled connection taken or a stalled server. */
function stalledDriver(): SqlDriver {
  const never = () => new Promise<never>(() => undefined);
  return { dialect: 'postgres', query: never, exec: never, transaction: never, close: async () => undefined };
}

let sql: TestSqlStore;
const opened: RateLimits[] = [];
const open = async (limits: RateLimits): Promise<RateLimits> => {
  opened.push(limits);
  await limits.open().catch(() => undefined);
  return limits;
};

beforeAll(async () => {
  sql = await openTestSqlStore();
});

afterAll(async () => {
  for (const limits of opened) limits.close();
  await sql.cleanup();
  await closeSharedPglite();
});

describe('RateLimits', () => {
  it('counts in memory for an in-memory store: each process alone', async () => {
    const limits = await open(RateLimits.forStore(new InMemoryEventStore()));
    expect(limits.shared).toBe(false);
    const a = limits.limiter({ keyPrefix: 'test-memory', points: 3, duration: 60 });
    const { allowed, refused } = await refusals(a, 'k', 4);
    expect(allowed).toBe(3);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.msBeforeNext).toBeGreaterThan(55_000);
  });

  it('shares the count between two processes on PostgreSQL, and only there (PGlite: in memory)', async () => {
    const [one, two] = [await open(RateLimits.forStore(sql.store)), await open(RateLimits.forStore(sql.store))];
    const shared = sql.kind === 'postgres';
    expect(one.shared).toBe(shared);
    const options = { keyPrefix: 'test-shared', points: 5, duration: 900 };
    const [a, b] = [one.limiter(options), two.limiter(options)];
    // Three tries on one, two on the other: five in all.
    expect((await refusals(a, 'code-1', 3)).allowed).toBe(3);
    expect((await refusals(b, 'code-1', 2)).allowed).toBe(2);
    // The sixth, on either: refused on PostgreSQL, with the time left of the 15 minutes.
    const sixth = await refusals(a, 'code-1', 1);
    expect(sixth.refused).toHaveLength(shared ? 1 : 0);
    if (shared) expect(sixth.refused[0]!.msBeforeNext).toBeGreaterThan(890_000);
    // Another key has its own count.
    expect((await refusals(b, 'code-2', 1)).allowed).toBe(1);
  });

  it('stores keys hashed: no key in clear in the table', async () => {
    const limits = await open(RateLimits.forStore(sql.store));
    await limits.limiter({ keyPrefix: 'test-hashed', points: 5, duration: 60 }).consume('ABCD-EFGH-JKLM');
    if (sql.kind !== 'postgres') {
      // PGlite: no table at all.
      const [row] = await sql.sql.query<{ t: string | null }>(`SELECT to_regclass('${RATE_LIMIT_SCHEMA}.${RATE_LIMIT_TABLE}')::text AS t`);
      expect(row!.t).toBeNull();
      return;
    }
    const rows = await sql.sql.query<{ key: string }>(`SELECT key FROM ${RATE_LIMIT_SCHEMA}.${RATE_LIMIT_TABLE} WHERE key LIKE 'test-hashed:%'`);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const { key } of rows) {
      expect(key).not.toContain('ABCD');
      expect(key).toMatch(/^test-hashed:[A-Za-z0-9_-]{43}$/);
    }
  });

  it('keeps two installations on one database apart (another event-store schema)', async () => {
    if (sql.kind !== 'postgres') {
      expect(RateLimits.forStore(sql.store).shared).toBe(false);
      return;
    }
    const other = await createSqlEventStore(sql.sql, { schema: `${sql.schema.replaceAll('"', '')}_other` });
    try {
      const options = { keyPrefix: 'test-apart', points: 1, duration: 60 };
      const mine = (await open(RateLimits.forStore(sql.store))).limiter(options);
      const theirs = (await open(RateLimits.forStore(other))).limiter(options);
      expect((await refusals(mine, 'k', 2)).allowed).toBe(1);
      expect((await refusals(theirs, 'k', 1)).allowed).toBe(1);
    } finally {
      await sql.sql.exec(`DROP SCHEMA IF EXISTS ${sql.schema.slice(0, -1)}_other" CASCADE`);
    }
  });

  it('creates its table once when several processes start at once', async () => {
    if (sql.kind !== 'postgres') return expect(RateLimits.forStore(sql.store).shared).toBe(false);
    const schema = `${sql.schema.replaceAll('"', '')}_limits`;
    try {
      const starting = Array.from({ length: 4 }, () => new RateLimits(sql.sql, 'test', 2_000, schema));
      opened.push(...starting);
      await Promise.all(starting.map((limits) => limits.open()));
      const [row] = await sql.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${schema}".migrations`);
      expect(row!.n).toBe('1');
      const limiters = starting.map((limits) => limits.limiter({ keyPrefix: 'test-started', points: 4, duration: 60 }));
      const results = await Promise.allSettled(limiters.concat(limiters).map((limiter) => limiter.consume('k')));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    } finally {
      await sql.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });

  it('counts in memory while PostgreSQL does not answer: the gate stays shut, the request does not fail', async () => {
    const limits = new RateLimits(failingDriver(), 'test');
    opened.push(limits);
    await expect(limits.open()).rejects.toThrow('ECONNREFUSED');
    const limiter = limits.limiter({ keyPrefix: 'test-insured', points: 2, duration: 60 });
    expect(limiter.shared).toBe(true);
    const { allowed, refused } = await refusals(limiter, 'k', 3);
    expect(allowed).toBe(2);
    expect(refused).toHaveLength(1);
  });

  it('counts in memory when a statement does not answer in time: the request waits no longer than that', async () => {
    const limits = new RateLimits(stalledDriver(), 'test', 50);
    opened.push(limits);
    const limiter = limits.limiter({ keyPrefix: 'test-stalled', points: 1, duration: 60 });
    const { allowed, refused } = await refusals(limiter, 'k', 2);
    expect(allowed).toBe(1);
    expect(refused).toHaveLength(1);
  });
});
