import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
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

/** One covered stream as the digest sees it: its last event in `$all` up to the seal, and how many it has there. */
export interface SealedStream {
  streamName: string;
  revision: bigint;
  hash: string;
  events: number;
}

/** The hash a stream's last event records, as the digest takes it (`unhashed` where there is none). */
export const sealHash = (metadata: Record<string, unknown>): string => (typeof metadata[HASH_KEY] === 'string' ? metadata[HASH_KEY] : 'unhashed');

const byName = (a: SealedStream, b: SealedStream): number => (a.streamName < b.streamName ? -1 : a.streamName > b.streamName ? 1 : 0);

/** The digest over the covered streams: sha256 of the canonical JSON of the sorted [stream, revision, hash] triples. */
export function sealDigest(streams: readonly SealedStream[]): Omit<RoundSeal, 'upTo'> {
  const covered = [...streams].sort(byName);
  const document = canonicalJson(covered.map((tip) => [tip.streamName, tip.revision.toString(), tip.hash])) ?? '[]';
  return {
    digest: createHash('sha256').update(document).digest('hex'),
    streams: covered.length,
    events: covered.reduce((sum, tip) => sum + tip.events, 0),
  };
}

/**
 * The digest of the round's events up to `upTo` (or everything readable now). A store that offers
 * `roundStreamTips` (the SQL adapter: an index on `data->'roundId'`) is asked for the round's streams
 * and their last events directly, so the cost follows the round, not the store; any other store
 * (EventStoreDB) is scanned from the start of `$all`. Both find the same streams and events.
 */
export async function computeRoundSeal(store: EventStore, roundId: string, options: { upTo?: Position; onProgress?: (events: number) => void } = {}): Promise<RoundSeal> {
  if (store.roundStreamTips) {
    const { streams, last } = await store.roundStreamTips(roundId, options.upTo ? { upTo: options.upTo } : {});
    const seal = sealDigest(streams.map((tip) => ({ streamName: tip.streamName, revision: tip.revision, hash: sealHash(tip.metadata), events: tip.events })));
    options.onProgress?.(seal.events);
    return { ...seal, upTo: last ? formatPosition(options.upTo ?? last) : '0/0' };
  }
  return scanRoundSeal(store, roundId, options);
}

/** The digest by a scan of `$all` from the start: for stores without `roundStreamTips`. */
export async function scanRoundSeal(store: EventStore, roundId: string, options: { upTo?: Position; onProgress?: (events: number) => void } = {}): Promise<RoundSeal> {
  const tips = new Map<string, SealedStream & { member: boolean }>();
  let last: Position | null = null;
  let scanned = 0;
  for await (const event of scanAll(store, { upTo: options.upTo, onPage: (n) => options.onProgress?.((scanned += n)) })) {
    last = event.position;
    const tip = tips.get(event.streamName);
    const member = (tip?.member ?? false) || belongsToRound(event, roundId);
    tips.set(event.streamName, { streamName: event.streamName, revision: event.revision, hash: sealHash(event.metadata), events: (tip?.events ?? 0) + 1, member });
  }
  return { ...sealDigest([...tips.values()].filter((tip) => tip.member)), upTo: last ? formatPosition(options.upTo ?? last) : '0/0' };
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
 * the round so far (see `computeRoundSeal` for how its events are found).
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
