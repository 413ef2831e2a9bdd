import { chainEvents, HASH_KEY, lastHash } from '@lib/es';
import { InMemoryEventStore, type NewEvent } from '@lib/event-store';

/**
 * The in-memory store, chaining events that test seeds append without hashes, so every stream
 * of the test verifies like one written by the command handler.
 */
export class ChainingInMemoryEventStore extends InMemoryEventStore {
  override async append(streamName: string, events: NewEvent[], options?: Parameters<InMemoryEventStore['append']>[2]) {
    if (events.every((e) => typeof e.metadata?.[HASH_KEY] === 'string')) return super.append(streamName, events, options);
    const existing = await this.readStream(streamName);
    const chained = chainEvents(streamName, lastHash(existing), events.map((e) => ({ ...e, metadata: { ...e.metadata } })));
    return super.append(streamName, chained, options);
  }
}
