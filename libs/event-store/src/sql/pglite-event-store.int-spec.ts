import { PGlite } from '@electric-sql/pglite';
import { describeEventStoreContract } from '../testing/event-store.contract.js';
import { createPgliteEventStore } from './pglite-event-store.js';

describeEventStoreContract('PGlite', async () => {
  const pglite = await PGlite.create('memory://');
  const store = await createPgliteEventStore({ pglite, schema: 'event_store_contract', pollIntervalMs: 200 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await pglite.close();
    },
  };
});
