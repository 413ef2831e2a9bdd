import { InMemoryEventStore } from '@lib/event-store';
import { describeResidentsOverHttp } from './testing/residents-http.suite.js';

describeResidentsOverHttp('in-memory store', async () => {
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });
  return { store, close: () => store.close() };
});
