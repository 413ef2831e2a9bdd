import { describe } from '@jest/globals';
import { describeEventStoreContract } from '../testing/event-store.contract.js';
import { createEsdbEventStore } from './esdb-event-store.js';

const url = process.env.EVENTSTORE_URL;

// Runs only when EVENTSTORE_URL points at a real EventStoreDB/KurrentDB server; reported as skipped otherwise.
(url ? describe : describe.skip)(`EventStoreDB adapter against a real server (EVENTSTORE_URL ${url ? 'set' : 'not set: skipped, #3'})`, () => {
  describeEventStoreContract('EventStoreDB adapter on EVENTSTORE_URL', async () => {
    const store = createEsdbEventStore({ connectionString: url!, deadlineMs: Number(process.env.EVENTSTORE_DEADLINE_MS ?? 10_000) });
    return { store, cleanup: () => store.close() };
  });
});
