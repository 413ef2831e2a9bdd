import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { HASH_KEY } from './hash-chain.js';
import { type EventStore, formatPosition, type Position, type RecordedEvent } from '@lib/event-store';
import { scanAll } from './store-scan.js';
import type { StoreChainHead } from './store-chain.js';

/**
 * A round's seal: one digest over every event of the round up to a position. Each stream's last
 * hash commits to its whole chain, so the digest over the sorted (stream, revision, hash) triples
 * commits to every event of the round in every stream, and to which streams exist.
 */
export interface RoundSeal {
  digest: string;
  /** The last `$all` position the seal covers (inclusive). */
  upTo: string;
  streams: number;
  events: number;
}

/** Whether an event makes its stream part of a round: the round's own stream, or data naming the round. */
export function belongsToRound(event: Pick<RecordedEvent, 'streamName' | 'data'>, roundId: string): boolean {
  return event.streamName === `Round-${roundId}` || (event.data as { roundId?: unknown }).roundId === roundId;
}

interface StreamTip {
  revision: bigint;
  hash: string;
  events: number;
  member: boolean;
}

/** The digest of the round's events up to `upTo` (or everything readable now). */
export async function computeRoundSeal(store: EventStore, roundId: string, options: { upTo?: Position; onProgress?: (events: number) => void } = {}): Promise<RoundSeal> {
  const tips = new Map<string, StreamTip>();
  let last: Position | null = null;
  let scanned = 0;
  for await (const event of scanAll(store, { upTo: options.upTo, onPage: (n) => options.onProgress?.((scanned += n)) })) {
    last = event.position;
    const tip = tips.get(event.streamName);
    const member = (tip?.member ?? false) || belongsToRound(event, roundId);
    const hash = typeof event.metadata[HASH_KEY] === 'string' ? event.metadata[HASH_KEY] : 'unhashed';
    tips.set(event.streamName, { revision: event.revision, hash, events: (tip?.events ?? 0) + 1, member });
  }
  const covered = [...tips.entries()].filter(([, tip]) => tip.member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const document = canonicalize(covered.map(([stream, tip]) => [stream, tip.revision.toString(), tip.hash])) ?? '[]';
  return {
    digest: createHash('sha256').update(document).digest('hex'),
    upTo: last ? formatPosition(options.upTo ?? last) : '0/0',
    streams: covered.length,
    events: covered.reduce((sum, [, tip]) => sum + tip.events, 0),
  };
}

/** Event type of a seal on a round stream; its data carries the RoundSeal. */
export const ROUND_SEALED = 'RoundSealed';

/** What a `RoundSealed` event on `Round-<id>` holds: the seal, the round, when, and at which phase change. */
export interface RoundSealedData extends RoundSeal {
  roundId: string;
  sealedAt: string;
  /** The phase the round moved to when it was sealed (absent for a seal taken outside a phase change). */
  phase?: string;
  /** The head of the store-wide chain when the round was sealed: the link that covers `upTo`. */
  storeChain?: StoreChainHead;
}

/**
 * The `RoundSealed` event to append to `Round-<id>` at a phase change: a digest over every event of
 * the round so far. Each seal scans `$all` from the start (issue #21 tracks its cost on a large store).
 */
export async function sealRound(
  store: EventStore,
  roundId: string,
  options: { at: string; phase?: string; onProgress?: (events: number) => void },
): Promise<{ type: typeof ROUND_SEALED; data: RoundSealedData }> {
  const seal = await computeRoundSeal(store, roundId, { onProgress: options.onProgress });
  return {
    type: ROUND_SEALED,
    data: { roundId, ...seal, sealedAt: options.at, ...(options.phase !== undefined ? { phase: options.phase } : {}) },
  };
}
