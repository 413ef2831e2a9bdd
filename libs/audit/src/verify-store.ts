import {
  belongsToRound,
  type ChainBreak,
  type ChainEntry,
  chainCovers,
  chainEntry,
  computeRoundSeal,
  GENESIS_HASH,
  HASH_KEY,
  eventHash,
  linkDigest,
  PREVIOUS_HASH_KEY,
  ROUND_SEALED,
  scanAll,
  sealDigest,
  sealHash,
  type StoreChainHead,
  type StoreChainLink,
  STORE_CHAIN_STREAM,
  streamsOf,
  verifyChain,
} from '@lib/es';
import { comparePositions, type EventStore, formatPosition, parsePosition, type Position, type RecordedEvent } from '@lib/event-store';

export { ROUND_SEALED } from '@lib/es';

export interface SealBreak {
  streamName: string;
  revision: bigint;
  eventId: string;
  problem: 'seal-mismatch';
  expected: string;
  actual: string;
}

/**
 * What the store-wide chain catches, by class: an event deleted (a stream's last event in a link's
 * range is gone), a whole stream deleted, an event inserted into a range already chained, an event
 * rewritten with a hash that fits its stream, events moved to other positions, a link of the chain
 * itself missing or altered, an online ballot recorded after its box closed (appended after the fact),
 * and a published head the store does not hold (the store rewritten, chain and all).
 */
export type StoreChainProblem =
  | 'event-deleted'
  | 'stream-deleted'
  | 'event-inserted'
  | 'event-rewritten'
  | 'events-reordered'
  | 'chain-link-missing'
  | 'chain-link-altered'
  | 'ballot-after-close'
  | 'published-head-missing';

export interface StoreChainBreak {
  problem: StoreChainProblem;
  streamName: string;
  /** The `$all` position the break is at (as the chain recorded it, or where the store holds it now). */
  position: string;
  revision?: string;
  /** The link of the store-wide chain that caught it. */
  link?: number;
  expected: string;
  actual: string;
}

export interface VerifyReport {
  ok: boolean;
  streams: number;
  events: number;
  seals: number;
  breaks: (ChainBreak | SealBreak | StoreChainBreak)[];
  /** The store-wide chain: its links, the events they cover, the events not chained yet, its head. */
  storeChain: { links: number; covered: number; unchained: number; head: StoreChainHead | null };
}

/** Whether a break is one of the store-wide chain's. */
export const isStoreChainBreak = (b: VerifyReport['breaks'][number]): b is StoreChainBreak => !('eventId' in b);

interface ChainState {
  revision: bigint;
  hash: string;
  broken: boolean;
}

/** A stream as the pass has seen it so far: its chain, and its last event in `$all` order (what a seal takes). */
interface StreamState extends ChainState {
  events: number;
  tipRevision: bigint;
  tipHash: string;
}

/** Events per read of `$all` while verifying: fewer round trips on a large store. */
const VERIFY_PAGE = 2000;

/** A seal found before the pass: its digest is taken when the pass crosses its position. */
interface PlannedSeal {
  streamName: string;
  eventId: string;
  roundId: string;
  upTo: string;
  position: Position;
  digest?: string;
}

/**
 * The store's seals, read before the pass (a filtered read of `$all`) so that the pass takes each
 * one's digest as it crosses the seal's position, instead of reading the store again per seal. A seal
 * the pass meets that is not here (appended meanwhile, or with a position it cannot read) is
 * recomputed on its own afterwards.
 */
async function plannedSeals(store: EventStore): Promise<PlannedSeal[]> {
  const planned: PlannedSeal[] = [];
  for await (const event of scanAll(store, { filter: { eventTypes: [ROUND_SEALED] } })) {
    const upTo = String((event.data as { upTo?: unknown }).upTo);
    try {
      planned.push({ streamName: event.streamName, eventId: event.id, roundId: event.streamName.slice('Round-'.length), upTo, position: parsePosition(upTo) });
    } catch {
      // Not a position: left to the recomputation after the pass, which reports it as it always did.
    }
  }
  return planned.sort((a, b) => comparePositions(a.position, b.position));
}

/**
 * Verifies every stream's hash chain (or only the streams of one round) and every seal, from the
 * event store alone. Reports each break with its stream, revision and event. A stream may join a
 * round late (a budget's frame frozen for it), so every chain is followed from its start and the
 * round's are picked out at the end. With a round, the store-wide chain is still recomputed over the
 * whole store (its links cover every round's events), but the events' own hashes only of the round's
 * streams, where the store can name them (`roundStreamTips`): no other stream's chain is reported.
 */
export async function verifyStore(store: EventStore, options: { roundId?: string; expectHead?: string; onProgress?: (events: number) => void } = {}): Promise<VerifyReport> {
  const storeChain = new StoreChainCheck();
  const ballots = new BallotsAfterClose();
  const chains = new Map<string, StreamState>();
  const members = new Set<string>();
  // One round: only its seals are taken in the pass, and where the store names the round's streams
  // (roundStreamTips, the SQL adapter's index on data->'roundId') only their hashes are recomputed.
  const planned = (await plannedSeals(store)).filter((seal) => !options.roundId || seal.roundId === options.roundId);
  const hashed = options.roundId && store.roundStreamTips ? new Set((await store.roundStreamTips(options.roundId)).streams.map((tip) => tip.streamName)) : null;
  const sealedRounds = new Map<string, Set<string>>(planned.map((seal) => [seal.roundId, new Set<string>()]));
  let next = 0;
  const takeSeal = (seal: PlannedSeal) => {
    const streams = [...sealedRounds.get(seal.roundId)!].map((name) => {
      const tip = chains.get(name)!;
      return { streamName: name, revision: tip.tipRevision, hash: tip.tipHash, events: tip.events };
    });
    seal.digest = sealDigest(streams).digest;
  };
  const seals: { streamName: string; revision: bigint; eventId: string; roundId: string; digest: string; upTo: string }[] = [];
  const sealedHeads: { streamName: string; position: string; head: StoreChainHead }[] = [];
  const chainBreaks: ChainBreak[] = [];
  let scanned = 0;
  const visit = (event: RecordedEvent) => {
    while (next < planned.length && comparePositions(event.position, planned[next]!.position) > 0) takeSeal(planned[next++]!);
    if (options.roundId && belongsToRound(event, options.roundId)) members.add(event.streamName);
    if (event.streamName === STORE_CHAIN_STREAM) storeChain.addLink(event.revision, event.data as unknown as StoreChainLink);
    else storeChain.add(event);
    ballots.add(event);
    let chain = chains.get(event.streamName);
    if (!chain) chains.set(event.streamName, (chain = { revision: -1n, hash: GENESIS_HASH, broken: false, events: 0, tipRevision: -1n, tipHash: '' }));
    chain.events++;
    chain.tipRevision = event.revision;
    chain.tipHash = sealHash(event.metadata);
    if (sealedRounds.size > 0) {
      const roundId = (event.data as { roundId?: unknown }).roundId;
      if (typeof roundId === 'string') sealedRounds.get(roundId)?.add(event.streamName);
      if (event.streamName.startsWith('Round-')) sealedRounds.get(event.streamName.slice('Round-'.length))?.add(event.streamName);
    }
    if (event.type === ROUND_SEALED) {
      const data = event.data as { digest?: string; upTo?: string };
      seals.push({ streamName: event.streamName, revision: event.revision, eventId: event.id, roundId: event.streamName.slice('Round-'.length), digest: String(data.digest), upTo: String(data.upTo) });
      const head = (event.data as { storeChain?: StoreChainHead }).storeChain;
      if (head) sealedHeads.push({ streamName: event.streamName, position: formatPosition(event.position), head });
    }
    if (chain.broken || (hashed && !hashed.has(event.streamName))) return;
    const broken = chainBreak(event, chain);
    if (broken) {
      chainBreaks.push(broken);
      chain.broken = true;
      return;
    }
    chain.revision = event.revision;
    chain.hash = event.metadata[HASH_KEY] as string;
  };
  for await (const event of scanAll(store, { pageSize: VERIFY_PAGE, onPage: (n) => options.onProgress?.((scanned += n)) })) visit(event);
  while (next < planned.length) takeSeal(planned[next++]!);
  const taken = new Map(planned.map((seal) => [`${seal.streamName} ${seal.eventId}`, seal]));
  const inScope = (streamName: string) => !options.roundId || members.has(streamName);
  // A stream that joined the round after its streams were listed: its chain is followed now, from its start.
  for (const name of hashed ? members : []) {
    if (hashed!.has(name)) continue;
    const broken = verifyChain(name, await store.readStream(name));
    if (broken) chainBreaks.push(broken);
  }
  // With a round: the store-wide breaks of its streams (a deleted stream by the round in its name), and
  // every break of the chain's own stream (a link missing or altered, a published head not held):
  // the chain is what the round's store-wide check rests on.
  const roundScope = (streamName: string) => inScope(streamName) || streamName === STORE_CHAIN_STREAM || (options.roundId !== undefined && streamName.includes(options.roundId));
  const chainReport = storeChain.finish(chains, sealedHeads, options.expectHead);
  const breaks: VerifyReport['breaks'] = [...chainBreaks.filter((b) => inScope(b.streamName)), ...[...chainReport.breaks, ...ballots.breaks].filter((b) => roundScope(b.streamName))];
  const scopedSeals = seals.filter((seal) => inScope(seal.streamName));
  for (const seal of scopedSeals) {
    const inPass = taken.get(`${seal.streamName} ${seal.eventId}`);
    const recomputed = inPass?.digest !== undefined && inPass.upTo === seal.upTo && inPass.roundId === seal.roundId ? inPass.digest : (await computeRoundSeal(store, seal.roundId, { upTo: parsePosition(seal.upTo) })).digest;
    if (recomputed !== seal.digest) {
      breaks.push({ streamName: seal.streamName, revision: seal.revision, eventId: seal.eventId, problem: 'seal-mismatch', expected: recomputed, actual: seal.digest });
    }
  }
  const streams = [...chains.entries()].filter(([name]) => inScope(name));
  return {
    ok: breaks.length === 0,
    streams: streams.length,
    events: streams.reduce((sum, [, chain]) => sum + chain.events, 0),
    seals: scopedSeals.length,
    breaks,
    storeChain: { links: chainReport.links, covered: chainReport.covered, unchained: chainReport.unchained, head: chainReport.head },
  };
}

/** The first break of a stream's chain at `event` (the stream's chain so far is `chain`), or null when it holds. */
function chainBreak(event: RecordedEvent, chain: ChainState): ChainBreak | null {
  if (event.revision !== chain.revision + 1n) return breakAt(event, 'revision-gap', String(chain.revision + 1n), String(event.revision));
  const recorded = event.metadata[HASH_KEY];
  if (typeof recorded !== 'string') return breakAt(event, 'missing-hash', 'a hash', 'none');
  if (event.metadata[PREVIOUS_HASH_KEY] !== chain.hash) return breakAt(event, 'previous-hash-mismatch', chain.hash, String(event.metadata[PREVIOUS_HASH_KEY]));
  const computed = eventHash(event.streamName, event.type, event.data, event.metadata, chain.hash);
  if (computed !== recorded) return breakAt(event, 'hash-mismatch', computed, recorded);
  return null;
}

const breakAt = (event: RecordedEvent, problem: ChainBreak['problem'], expected: string, actual: string): ChainBreak => ({
  streamName: event.streamName,
  revision: event.revision,
  eventId: event.id,
  problem,
  expected,
  actual,
});

/** What is kept of a link once its range has been checked: enough to find a seal's or a published head in. */
type CheckedLink = Pick<StoreChainLink, 'link' | 'after' | 'upTo' | 'previous' | 'digest'>;

/**
 * Follows `$all` through the store-wide chain's links: each link's range is recomputed and, where its
 * digest differs, compared stream by stream with what the link recorded, to name the class of change.
 *
 * The links are taken from the same pass of `$all` (they are events of `StoreChain-all`), not read
 * beforehand: a link is written after the events it covers, so the covered events the pass meets
 * wait (as small entries) until the link whose range they fall in has been met, or until the pass
 * ends. Links are taken in the order of their revision in the chain's stream, as reading that stream
 * gives them; only the links known without a gap from revision 0 are followed before the end.
 */
class StoreChainCheck {
  private index = 0;
  /** The current link's `upTo`, parsed once. */
  private end: Position | undefined;
  private range: ChainEntry[] = [];
  private unchainedEvents = 0;
  private coveredEvents = 0;
  readonly breaks: StoreChainBreak[] = [];
  /** Digests of the links that recompute, by digest: what a published head is looked up in. */
  private readonly sound = new Set<string>();
  /** The chain's links by revision in its stream; a checked one only by its head and range. */
  private links: (StoreChainLink | CheckedLink | undefined)[] = [];
  /** How many links are known from revision 0 on, without a gap. */
  private known = 0;
  /** Covered events met before the link that covers them (from `head` on). */
  private pending: ChainEntry[] = [];
  private head = 0;

  /** Links whose digest did not recompute, with what their range holds now: classified once every stream is known. */
  private readonly mismatched: { link: StoreChainLink; actual: ReturnType<typeof streamsOf>; events: number; digest: string }[] = [];

  /** A link of the chain, met in the pass at `revision` of its stream. */
  addLink(revision: bigint, link: StoreChainLink): void {
    const at = Number(revision);
    if (!Number.isSafeInteger(at) || at < 0 || this.links[at] !== undefined) return;
    this.links[at] = link;
    while (this.links[this.known] !== undefined) this.known++;
    this.drain(false);
  }

  add(event: RecordedEvent): void {
    if (!chainCovers(event)) return;
    this.pending.push(chainEntry(event));
    if (this.head === this.pending.length - 1) this.drain(false);
  }

  /** Takes the waiting events into the links' ranges as far as the known links reach (at the end: all of them). */
  private drain(final: boolean): void {
    const links = this.links as (StoreChainLink | CheckedLink)[];
    while (this.head < this.pending.length) {
      const entry = this.pending[this.head]!;
      while (this.index < this.known && comparePositions(entry.position, (this.end ??= parsePosition(links[this.index]!.upTo))) > 0) this.close();
      if (this.index >= this.known) {
        if (!final) break;
        this.unchainedEvents++;
      } else {
        this.range.push(entry);
      }
      this.head++;
    }
    if (this.head === this.pending.length) {
      this.pending = [];
      this.head = 0;
    } else if (this.head > 65_536 && this.head * 2 > this.pending.length) {
      this.pending = this.pending.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Closes the last links and classifies every mismatch. `sealed` are the chain heads the round seals
   * recorded, `expectHead` a head published outside the store: each must be a link that recomputes.
   */
  finish(
    chains: Map<string, unknown>,
    sealed: { streamName: string; position: string; head: StoreChainHead }[],
    expectHead: string | undefined,
  ): { breaks: StoreChainBreak[]; links: number; covered: number; unchained: number; head: StoreChainHead | null } {
    // A gap in the chain's stream: the links after it follow the ones before, as a read of the stream gives them.
    this.links = this.links.filter((link) => link !== undefined);
    this.known = this.links.length;
    const links = this.links as (StoreChainLink | CheckedLink)[];
    this.drain(true);
    while (this.index < links.length) this.close();
    for (const m of this.mismatched) {
      const found = this.classify(m.link, m.actual, m.events, chains);
      this.breaks.push(...(found.length > 0 ? found : [{ streamName: 'StoreChain-all', link: m.link.link, problem: 'chain-link-altered' as const, position: m.link.upTo, expected: m.digest, actual: m.link.digest }]));
    }
    for (const seal of sealed) {
      if (this.sound.has(seal.head.digest)) continue;
      const held = links.find((l) => l.link === seal.head.link);
      this.breaks.push({
        problem: held ? 'chain-link-altered' : 'chain-link-missing',
        streamName: seal.streamName,
        position: seal.position,
        link: seal.head.link,
        expected: `link ${seal.head.link} ${seal.head.digest}`,
        actual: held ? `link ${held.link} ${held.digest}` : 'no such link',
      });
    }
    const last = links[links.length - 1];
    if (expectHead !== undefined && !this.sound.has(expectHead)) {
      this.breaks.push({ problem: 'published-head-missing', streamName: 'StoreChain-all', position: last?.upTo ?? '0/0', expected: expectHead, actual: last?.digest ?? 'no chain' });
    }
    return { breaks: this.breaks, links: links.length, covered: this.coveredEvents, unchained: this.unchainedEvents, head: last ? { link: last.link, upTo: last.upTo, digest: last.digest } : null };
  }

  private close(): void {
    const link = this.links[this.index] as StoreChainLink;
    const before = this.links[this.index - 1];
    // Only what a head is found by is kept of a checked link (a link's streams are most of its size).
    this.links[this.index] = { link: link.link, after: link.after, upTo: link.upTo, previous: link.previous, digest: link.digest };
    const entries = this.range;
    this.range = [];
    this.index++;
    this.end = undefined;
    this.coveredEvents += entries.length;
    const at = { streamName: 'StoreChain-all', link: link.link };
    if (link.link !== this.index - 1 || link.after !== (before?.upTo ?? '0/0')) {
      this.breaks.push({ ...at, problem: 'chain-link-missing', position: link.after, expected: `link ${this.index - 1} after ${before?.upTo ?? '0/0'}`, actual: `link ${link.link} after ${link.after}` });
    } else if (link.previous !== (before?.digest ?? GENESIS_HASH)) {
      this.breaks.push({ ...at, problem: 'chain-link-altered', position: link.upTo, expected: before?.digest ?? GENESIS_HASH, actual: link.previous });
    }
    const digest = linkDigest(link.previous, entries);
    if (digest === link.digest) {
      this.sound.add(link.digest);
      return;
    }
    this.mismatched.push({ link, actual: streamsOf(entries), events: entries.length, digest });
  }

  /** What changed in a link's range, stream by stream. */
  private classify(link: StoreChainLink, actual: ReturnType<typeof streamsOf>, events: number, chains: Map<string, unknown>): StoreChainBreak[] {
    const found: StoreChainBreak[] = [];
    const moved: StoreChainBreak[] = [];
    for (const [streamName, recorded] of Object.entries(link.streams)) {
      const now = actual[streamName];
      const common = { streamName, link: link.link, revision: recorded.revision };
      if (!now) {
        // Gone from the range: the whole stream, or its last event(s) in the range.
        const exists = chains.has(streamName);
        found.push({ ...common, problem: exists ? 'event-deleted' : 'stream-deleted', position: recorded.position, expected: `${streamName}@${recorded.revision} ${recorded.hash}`, actual: exists ? 'absent from its range' : 'no such stream' });
      } else if (BigInt(now.revision) < BigInt(recorded.revision)) {
        found.push({ ...common, problem: 'event-deleted', position: recorded.position, expected: `${streamName}@${recorded.revision}`, actual: `${streamName}@${now.revision}` });
      } else if (BigInt(now.revision) > BigInt(recorded.revision)) {
        found.push({ ...common, problem: 'event-inserted', position: now.position, revision: now.revision, expected: `${streamName}@${recorded.revision}`, actual: `${streamName}@${now.revision}` });
      } else if (now.hash !== recorded.hash) {
        found.push({ ...common, problem: 'event-rewritten', position: now.position, expected: recorded.hash, actual: now.hash });
      } else if (now.position !== recorded.position) {
        moved.push({ ...common, problem: 'events-reordered', position: now.position, expected: recorded.position, actual: now.position });
      }
    }
    for (const [streamName, now] of Object.entries(actual)) {
      if (!(streamName in link.streams)) found.push({ streamName, link: link.link, revision: now.revision, problem: 'event-inserted', position: now.position, expected: 'not in the chained range', actual: `${streamName}@${now.revision} ${now.hash}` });
    }
    if (found.length === 0 && moved.length === 0 && events !== link.events) {
      found.push({ streamName: 'StoreChain-all', link: link.link, problem: events < link.events ? 'event-deleted' : 'event-inserted', position: link.upTo, expected: `${link.events} events`, actual: `${events} events` });
    }
    return [...found, ...moved];
  }
}

/** Online ballots whose `$all` position is after their box's close: written into the store after the fact. */
class BallotsAfterClose {
  private readonly closed = new Map<string, Position>();
  readonly breaks: StoreChainBreak[] = [];

  add(event: RecordedEvent): void {
    if (event.type === 'BallotBoxClosed' && event.streamName.startsWith('BallotBox-')) {
      this.closed.set(event.streamName.slice('BallotBox-'.length), event.position);
      return;
    }
    if (event.type !== 'BallotCast' && event.type !== 'BallotReplaced') return;
    const data = event.data as { roundId?: unknown; channel?: unknown; batchId?: unknown };
    if (data.channel === 'paper' || (typeof data.batchId === 'string' && data.batchId !== '')) return;
    const closedAt = typeof data.roundId === 'string' ? this.closed.get(data.roundId) : undefined;
    if (closedAt && comparePositions(event.position, closedAt) > 0) {
      this.breaks.push({ problem: 'ballot-after-close', streamName: event.streamName, position: formatPosition(event.position), revision: event.revision.toString(), expected: `before ${formatPosition(closedAt)}`, actual: formatPosition(event.position) });
    }
  }
}
