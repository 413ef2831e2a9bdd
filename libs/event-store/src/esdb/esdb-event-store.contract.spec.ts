import { EsdbDouble } from '../../../../test/esdb-double/esdb-double.js';
import { describeEventStoreContract } from '../testing/event-store.contract.js';
import { createEsdbEventStore } from './esdb-event-store.js';

// The adapter through @eventstore/db-client against the gRPC test double: proves our translation layer, not the server.
for (const batchAppend of [true, false]) {
  describeEventStoreContract(`EventStoreDB adapter on the gRPC test double (${batchAppend ? 'BatchAppend' : 'Append'})`, async () => {
    const double = new EsdbDouble({ batchAppend });
    await double.start();
    const store = createEsdbEventStore({ connectionString: double.connectionString(), deadlineMs: 5000 });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await double.stop();
      },
    };
  });
}
