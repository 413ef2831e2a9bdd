import { afterAll, expect, it } from '@jest/globals';
import type { SqlDriver } from '@lib/event-store';
import { closeSharedPglite, openTestSqlStore } from '../../../../test/support/sql-store.js';
import { CONTACT_DETAILS_SCHEMA } from './contact-details/contact-details.sql-storage.js';
import { describePlansOverHttp } from './testing/plans-http.suite.js';

let sql: SqlDriver;

describePlansOverHttp(
  process.env.DATABASE_URL ? 'PostgreSQL store' : 'PGlite store',
  async () => {
    const opened = await openTestSqlStore();
    sql = opened.sql;
    return { store: opened.store, close: opened.cleanup };
  },
  (ctx) => {
    it('keeps contact details sealed in the same database, and the erasure endpoint shreds them there', async () => {
      const person = { name: 'Anouk Bakker', email: 'anouk@example.nl' };
      const id = await ctx.submit('r-bb', ctx.plan({ contactDetails: person }));
      const [submitted] = await ctx.store.readStream(`Proposal-${id}`);
      const submitterRef = (submitted!.data as { submitterRef: string }).submitterRef;
      const count = async (table: string) => Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${CONTACT_DETAILS_SCHEMA}.${table} WHERE submitter_ref = $1`, [submitterRef]))[0]!.n);
      expect([await count('contact_details'), await count('contact_detail_keys')]).toEqual([1, 1]);
      expect((await ctx.call('GET', `/proposals/${id}`, ctx.admin)).body.contactDetails).toEqual(person);

      const erased = await ctx.call('POST', `/submitters/${submitterRef}/erasure`, ctx.admin, { reason: 'Verzoek van betrokkene (AVG art. 17)' });
      expect(erased).toMatchObject({ status: 200, body: { events: ['ContactDetailsErased'] } });
      expect([await count('contact_details'), await count('contact_detail_keys')]).toEqual([1, 0]);
      const read = await ctx.call('GET', `/proposals/${id}`, ctx.admin);
      expect(read.status).toBe(200);
      expect(read.body.contactDetails ?? null).toBeNull();
    });
  },
);

afterAll(async () => {
  await closeSharedPglite();
});
