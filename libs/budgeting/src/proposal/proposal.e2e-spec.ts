import { InMemoryEventStore } from '@lib/event-store';
import { describePlansOverHttp } from './testing/plans-http.suite.js';

describePlansOverHttp('in-memory store', async () => {
  const store = new InMemoryEventStore();
  return { store, close: () => store.close() };
});
