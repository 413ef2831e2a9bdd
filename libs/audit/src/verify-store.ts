import { belongsToRound, type ChainBreak, computeRoundSeal, GENESIS_HASH, HASH_KEY, eventHash, PREVIOUS_HASH_KEY, ROUND_SEALED, scanAll } from '@lib/es';
import { type EventStore, parsePosition } from '@lib/event-store';

export { ROUND_SEALED } from '@lib/es';

export interface SealBreak {
  streamName: string;
  revision: bigint;
  eventId: string;
  problem: 'seal-mismatch';
  expected: string;
  actual: string;
}

export interface VerifyReport {
  ok: boolean;
  streams: number;
  events: number;
  seals: number;
  breaks: (ChainBreak | SealBreak)[];
}

interface ChainState {
  revision: bigint;
  hash: string;
  broken: boolean;
}

/**
 * Verifies every stream's hash chain (or only the streams of one round) and every seal, from the
 * event store alone. Reports each break with its stream, revision and event. A stream may join a
 * round late (a budget's frame frozen for it), so every chain is followed from its start and the
 * round's are picked out at the end.
 */
export async function verifyStore(store: EventStore, options: { roundId?: string; onProgress?: (events: number) => void } = {}): Promise<VerifyReport> {
  const chains = new Map<string, ChainState & { events: number }>();
  const members = new Set<string>();
  const seals: { streamName: string; revision: bigint; eventId: string; roundId: string; digest: string; upTo: string }[] = [];
  const chainBreaks: ChainBreak[] = [];
  let scanned = 0;
  for await (const event of scanAll(store, { onPage: (n) => options.onProgress?.((scanned += n)) })) {
    if (options.roundId && belongsToRound(event, options.roundId)) members.add(event.streamName);
    const chain = chains.get(event.streamName) ?? { revision: -1n, hash: GENESIS_HASH, broken: false, events: 0 };
    chains.set(event.streamName, chain);
    chain.events++;
    if (event.type === ROUND_SEALED) {
      const data = event.data as { digest?: string; upTo?: string };
      seals.push({ streamName: event.streamName, revision: event.revision, eventId: event.id, roundId: event.streamName.slice('Round-'.length), digest: String(data.digest), upTo: String(data.upTo) });
    }
    if (chain.broken) continue;
    const at = { streamName: event.streamName, revision: event.revision, eventId: event.id };
    const fail = (problem: ChainBreak['problem'], expected: string, actual: string) => {
      chainBreaks.push({ ...at, problem, expected, actual });
      chain.broken = true;
    };
    if (event.revision !== chain.revision + 1n) {
      fail('revision-gap', String(chain.revision + 1n), String(event.revision));
      continue;
    }
    const recorded = event.metadata[HASH_KEY];
    if (typeof recorded !== 'string') {
      fail('missing-hash', 'a hash', 'none');
      continue;
    }
    if (event.metadata[PREVIOUS_HASH_KEY] !== chain.hash) {
      fail('previous-hash-mismatch', chain.hash, String(event.metadata[PREVIOUS_HASH_KEY]));
      continue;
    }
    const computed = eventHash(event.streamName, event.type, event.data, event.metadata, chain.hash);
    if (computed !== recorded) {
      fail('hash-mismatch', computed, recorded);
      continue;
    }
    chain.revision = event.revision;
    chain.hash = recorded;
  }
  const inScope = (streamName: string) => !options.roundId || members.has(streamName);
  const breaks: (ChainBreak | SealBreak)[] = chainBreaks.filter((b) => inScope(b.streamName));
  const scopedSeals = seals.filter((seal) => inScope(seal.streamName));
  for (const seal of scopedSeals) {
    const recomputed = await computeRoundSeal(store, seal.roundId, { upTo: parsePosition(seal.upTo) });
    if (recomputed.digest !== seal.digest) {
      breaks.push({ streamName: seal.streamName, revision: seal.revision, eventId: seal.eventId, problem: 'seal-mismatch', expected: recomputed.digest, actual: seal.digest });
    }
  }
  const streams = [...chains.entries()].filter(([name]) => inScope(name));
  return { ok: breaks.length === 0, streams: streams.length, events: streams.reduce((sum, [, chain]) => sum + chain.events, 0), seals: scopedSeals.length, breaks };
}
