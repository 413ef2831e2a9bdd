import { hash } from 'node:crypto';
import { canonicalEventJson } from './canonical-json.js';
import type { EventMetadata } from '@lib/event-store';

/** Metadata key of an event's hash, and of the hash it chains to. */
export const HASH_KEY = 'hash';
export const PREVIOUS_HASH_KEY = 'previousHash';
/** The chain's anchor: what the first event of every stream chains to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * sha256 over the RFC 8785 canonical JSON of the event's stream, revision-free content and the
 * previous hash. Any change to type, data, metadata or order breaks every later hash.
 */
export function eventHash(streamName: string, type: string, data: unknown, metadata: EventMetadata, previousHash: string): string {
  const document = canonicalEventJson(streamName, type, data, metadata, HASH_KEY, PREVIOUS_HASH_KEY, previousHash);
  // One-shot: no Hash object per event.
  return hash('sha256', document ?? '', 'hex');
}

/** The hash of the stream's last event, or the genesis hash for a new stream. */
export function lastHash(events: readonly { metadata: EventMetadata }[]): string {
  const last = events[events.length - 1];
  return typeof last?.metadata[HASH_KEY] === 'string' ? last.metadata[HASH_KEY] : GENESIS_HASH;
}

/** Adds `previousHash` and `hash` to each new event's metadata, continuing the stream's chain. */
export function chainEvents<E extends { type: string; data: unknown; metadata: EventMetadata }>(streamName: string, previousHash: string, events: E[]): E[] {
  let previous = previousHash;
  return events.map((event) => {
    const metadata = { ...event.metadata, [PREVIOUS_HASH_KEY]: previous };
    const hash = eventHash(streamName, event.type, event.data, metadata, previous);
    previous = hash;
    return { ...event, metadata: { ...metadata, [HASH_KEY]: hash } };
  });
}

export interface ChainBreak {
  streamName: string;
  revision: bigint;
  eventId: string;
  problem: 'hash-mismatch' | 'previous-hash-mismatch' | 'missing-hash' | 'revision-gap';
  expected: string;
  actual: string;
}

/** Verifies one stream's chain from its first event; returns the first break, or null. */
export function verifyChain(
  streamName: string,
  events: readonly { id: string; type: string; data: unknown; metadata: EventMetadata; revision: bigint }[],
  startHash: string = GENESIS_HASH,
  startRevision = 0n,
): ChainBreak | null {
  let previous = startHash;
  let expectedRevision = startRevision;
  for (const event of events) {
    const at = { streamName, revision: event.revision, eventId: event.id };
    if (event.revision !== expectedRevision) return { ...at, problem: 'revision-gap', expected: String(expectedRevision), actual: String(event.revision) };
    const recorded = event.metadata[HASH_KEY];
    if (typeof recorded !== 'string') return { ...at, problem: 'missing-hash', expected: 'a hash', actual: 'none' };
    const recordedPrevious = event.metadata[PREVIOUS_HASH_KEY];
    if (recordedPrevious !== previous) return { ...at, problem: 'previous-hash-mismatch', expected: previous, actual: String(recordedPrevious) };
    const computed = eventHash(streamName, event.type, event.data, event.metadata, previous);
    if (computed !== recorded) return { ...at, problem: 'hash-mismatch', expected: computed, actual: recorded };
    previous = recorded;
    expectedRevision++;
  }
  return null;
}
