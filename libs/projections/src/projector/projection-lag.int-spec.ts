import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createPgliteEventStore, createPostgresEventStore, type EventStore, InMemoryEventStore, type NewEvent } from '@lib/event-store';
import { lagOf, lagText, PAGED_LAG_CAP } from './projection-lag.js';

const event = (type: string): NewEvent => ({ id: randomUUID(), type, data: {}, metadata: { tenant: 'GM0363' } });

/** Given 2,500 events a projection handles and 700 it does not, appended in batches. */
async function givenBacklog(store: EventStore): Promise<void> {
  for (let batch = 0; batch < 5; batch++) {
    await store.append(`Proposal-lag-${batch}`, [...Array.from({ length: 500 }, () => event('ProposalSubmitted')), ...Array.from({ length: 140 }, () => event('BallotCast'))]);
  }
}

async function sqlStore(): Promise<{ store: EventStore; cleanup(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const store = await createPgliteEventStore({ dataDir: 'memory://' });
    return { store, cleanup: () => store.close() };
  }
  const schema = `lag_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const store = await createPostgresEventStore({ connectionString: url, schema, poolSize: 2 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => admin.end());
    },
  };
}

describe('projection lag in events', () => {
  describe(`on the SQL store (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
    let sql: Awaited<ReturnType<typeof sqlStore>>;
    beforeAll(async () => {
      sql = await sqlStore();
      await givenBacklog(sql.store);
    });
    afterAll(async () => {
      await sql.cleanup();
    });

    it('counts every event the projection has still to handle, far past 1000, with the age of the oldest', async () => {
      const lag = await lagOf(sql.store, 'start', ['ProposalSubmitted']);
      expect({ events: lag.events, capped: lag.capped, hasOldest: lag.oldest instanceof Date }).toEqual({ events: 2500, capped: false, hasOldest: true });
    });

    it('counts from the checkpoint (exclusive) and is zero when caught up', async () => {
      const all = await sql.store.readAll({ maxCount: 10_000, filter: { eventTypes: ['ProposalSubmitted'] } });
      expect((await lagOf(sql.store, all[1199]!.position, ['ProposalSubmitted'])).events).toBe(1300);
      expect(await lagOf(sql.store, all.at(-1)!.position, ['ProposalSubmitted'])).toEqual({ events: 0, capped: false, oldest: null });
    });
  });

  describe('on other stores (paged $all reads)', () => {
    it('counts past 1000 exactly and stops at its cap, shown as >N', async () => {
      const store = new InMemoryEventStore();
      await givenBacklog(store);
      expect((await lagOf(store, 'start', ['ProposalSubmitted'])).events).toBe(2500);
      for (let batch = 0; batch < 17; batch++) await store.append(`Proposal-more-${batch}`, Array.from({ length: 500 }, () => event('ProposalSubmitted')));
      const capped = await lagOf(store, 'start', ['ProposalSubmitted']);
      expect({ events: capped.events, capped: capped.capped, shown: lagText(capped) }).toEqual({ events: PAGED_LAG_CAP, capped: true, shown: `>${PAGED_LAG_CAP}` });
    });
  });
});
