import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { comparePositions, type EventStore, formatPosition, parsePosition, type Position, type RecordedEvent, WrongExpectedVersionError } from '@lib/event-store';
import { chainEvents, GENESIS_HASH, HASH_KEY, lastHash } from './hash-chain.js';

/**
 * The store-wide chain: one chain over every event of the store in `$all` order, so that an event
 * or a stream deleted, inserted or moved anywhere changes a digest, not only within its stream.
 *
 * Appends run in parallel and an event's `$all` position is known only once it is committed, so the
 * chain is not written by the append itself: links are added behind the writers (by the notary that
 * runs beside the reactors, and by every round seal up to the change it seals). Each link covers a
 * range of `$all` and records, for every stream with an event in the range, its last revision,
 * position and hash there, so that a verifier names what changed: the stream, the position and how.
 * The chain's own stream is not part of what it covers; its links are hash-chained as a stream.
 */
export const STORE_CHAIN_STREAM = 'StoreChain-all';
export const STORE_CHAIN_EXTENDED = 'StoreChainExtended';
/** Most events one link covers (a link lists the streams of its range). */
export const STORE_CHAIN_LINK_EVENTS = 500;

/** A stream's last event within a link's range. */
export interface ChainedStream {
  revision: string;
  position: string;
  hash: string;
}

/** What a `StoreChainExtended` event holds. */
export interface StoreChainLink {
  /** The link's number: 0 for the first. */
  link: number;
  /** The range it covers: after `after` (exclusive; `0/0` for the first link) up to `upTo` (inclusive). */
  after: string;
  upTo: string;
  events: number;
  /** The digest of the link before (the genesis hash for the first). */
  previous: string;
  digest: string;
  streams: Record<string, ChainedStream>;
  chainedAt: string;
}

/** The head of the chain: the last link's digest and how far it reaches. */
export interface StoreChainHead {
  link: number;
  upTo: string;
  digest: string;
}

/** One covered event as the chain sees it. */
export interface ChainEntry {
  position: Position;
  streamName: string;
  revision: bigint;
  hash: string;
}

export const chainEntry = (event: RecordedEvent): ChainEntry => ({
  position: event.position,
  streamName: event.streamName,
  revision: event.revision,
  hash: typeof event.metadata[HASH_KEY] === 'string' ? event.metadata[HASH_KEY] : 'unhashed',
});

/** Whether the chain covers the event: everything but the chain's own links. */
export const chainCovers = (event: Pick<RecordedEvent, 'streamName'>): boolean => event.streamName !== STORE_CHAIN_STREAM;

/** sha256 over the canonical JSON of the previous digest and the range's (position, stream, revision, hash) in order. */
export function linkDigest(previous: string, entries: readonly ChainEntry[]): string {
  const document = canonicalJson({ previous, events: entries.map((e) => [formatPosition(e.position), e.streamName, e.revision.toString(), e.hash]) }) ?? '';
  return createHash('sha256').update(document).digest('hex');
}

/** The last event per stream within a range: what a link records and a verifier compares. */
export function streamsOf(entries: readonly ChainEntry[]): Record<string, ChainedStream> {
  const streams: Record<string, ChainedStream> = {};
  for (const e of entries) streams[e.streamName] = { revision: e.revision.toString(), position: formatPosition(e.position), hash: e.hash };
  return streams;
}

/** The chain's links, in order. */
export async function readStoreChain(store: EventStore): Promise<RecordedEvent<string, StoreChainLink & Record<string, unknown>>[]> {
  return (await store.readStream(STORE_CHAIN_STREAM)) as RecordedEvent<string, StoreChainLink & Record<string, unknown>>[];
}

const headOf = (link: StoreChainLink): StoreChainHead => ({ link: link.link, upTo: link.upTo, digest: link.digest });

export interface ExtendOptions {
  now: Date;
  correlationId: string;
  /** Chain at least up to this position (it must be readable in `$all`); absent: everything readable now. */
  upTo?: Position;
  /** Most links one call adds (absent: as many as it takes). */
  maxLinks?: number;
  /** The links' event ids (absent: random UUIDs). */
  newId?: () => string;
}

/**
 * Adds links until the chain covers `upTo` (or everything readable now), each covering at most
 * STORE_CHAIN_LINK_EVENTS events. Safe beside other processes doing the same: a link is appended at
 * the chain's revision it was computed on, and a lost race reads the chain again. Answers the head
 * (the link that covers `upTo` when given), or null while the store holds nothing to chain.
 */
export async function extendStoreChain(store: EventStore, options: ExtendOptions): Promise<StoreChainHead | null> {
  let added = 0;
  for (let attempt = 0; ; ) {
    const links = await store.readStream(STORE_CHAIN_STREAM, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    const last = links[0] as RecordedEvent<string, StoreChainLink & Record<string, unknown>> | undefined;
    const after: Position | 'start' = last ? parsePosition(last.data.upTo) : 'start';
    if (last && options.upTo && comparePositions(parsePosition(last.data.upTo), options.upTo) >= 0) return coveringHead(store, options.upTo, last.data);
    const entries = await nextRange(store, after, options.upTo);
    if (entries.length === 0) return last ? headOf(last.data) : null;
    const previous = last?.data.digest ?? GENESIS_HASH;
    const link: StoreChainLink = {
      link: last ? last.data.link + 1 : 0,
      after: after === 'start' ? '0/0' : formatPosition(after),
      upTo: formatPosition(entries[entries.length - 1]!.position),
      events: entries.length,
      previous,
      digest: linkDigest(previous, entries),
      streams: streamsOf(entries),
      chainedAt: options.now.toISOString(),
    };
    const metadata = { $correlationId: options.correlationId, $causationId: options.correlationId, actor: 'store-chain', role: 'system', tenant: '*', at: options.now.toISOString() };
    const [event] = chainEvents(STORE_CHAIN_STREAM, last ? lastHash([last]) : GENESIS_HASH, [{ id: (options.newId ?? randomUUID)(), type: STORE_CHAIN_EXTENDED, data: link as unknown as Record<string, unknown>, metadata }]);
    try {
      await store.append(STORE_CHAIN_STREAM, [event!], { expectedRevision: last ? last.revision : 'no_stream' });
    } catch (error) {
      // Another process added this link first: read the chain again (a few times, then let the caller retry later).
      if (error instanceof WrongExpectedVersionError && attempt++ < 20) continue;
      throw error;
    }
    added++;
    const reached = options.upTo ? comparePositions(entries[entries.length - 1]!.position, options.upTo) >= 0 : entries.length < STORE_CHAIN_LINK_EVENTS;
    if (reached || (options.maxLinks !== undefined && added >= options.maxLinks)) return headOf(link);
  }
}

/** The first link whose range reaches `upTo`: read backwards from the chain's end, a few links at a time, not the whole chain. */
async function coveringHead(store: EventStore, upTo: Position, last: StoreChainLink): Promise<StoreChainHead> {
  let from: bigint | 'end' = 'end';
  for (let count = 8; ; count = Math.min(count * 2, 256)) {
    const page = (await store.readStream(STORE_CHAIN_STREAM, { direction: 'backwards', fromRevision: from, maxCount: count })) as RecordedEvent<string, StoreChainLink & Record<string, unknown>>[];
    for (const event of page) if (comparePositions(parsePosition(event.data.after), upTo) < 0) return headOf(event.data);
    const oldest = page[page.length - 1];
    if (page.length < count || !oldest || oldest.revision === 0n) return headOf(page.length > 0 ? oldest!.data : last);
    from = oldest.revision - 1n;
  }
}

/** The covered events after `after`, up to `upTo` and at most one link's worth. */
async function nextRange(store: EventStore, after: Position | 'start', upTo: Position | undefined): Promise<ChainEntry[]> {
  const entries: ChainEntry[] = [];
  let from = after;
  for (;;) {
    const page = await store.readAll({ after: from, maxCount: STORE_CHAIN_LINK_EVENTS });
    for (const event of page) {
      if (upTo && comparePositions(event.position, upTo) > 0) return entries;
      if (!chainCovers(event)) continue;
      entries.push(chainEntry(event));
      if (entries.length === STORE_CHAIN_LINK_EVENTS) return entries;
    }
    if (page.length < STORE_CHAIN_LINK_EVENTS) return entries;
    from = page[page.length - 1]!.position;
  }
}
