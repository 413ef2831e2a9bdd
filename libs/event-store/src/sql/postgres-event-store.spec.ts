import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { EventStoreUnavailableError } from '../event-store.errors.js';
import { createPostgresEventStore } from './postgres-event-store.js';

const nowhere = 'postgres://postgres@127.0.0.1:1/test';

describe('PostgreSQL event store without a server', () => {
  it('fails to open with EventStoreUnavailableError', async () => {
    await expect(createPostgresEventStore({ connectionString: nowhere })).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('maps connection failures of every call to EventStoreUnavailableError', async () => {
    const store = await createPostgresEventStore({ connectionString: nowhere, migrate: false });
    try {
      const event = { id: randomUUID(), type: 'Happened', data: {} };
      await expect(store.append('Thing-1', [event])).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readStream('Thing-1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.getStreamMetadata('Thing-1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
      const subscription = store.subscribeToAll();
      await expect(subscription[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await store.close();
    }
  });
});
