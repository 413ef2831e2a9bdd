import { type EventStore, parsePosition } from '@lib/event-store';
import { computeRoundSeal, ROUND_SEALED, type RoundSeal, type RoundSealedData, type StoreChainHead } from '@lib/es';

export { sealRound, type RoundSealedData } from '@lib/es';

/** One stored seal of a round. */
export interface StoredSeal extends RoundSealedData {
  /** Revision of the `RoundSealed` event on `Round-<id>`. */
  revision: bigint;
  eventId: string;
}

/** Every seal of a round, oldest first. */
export async function roundSeals(store: EventStore, roundId: string): Promise<StoredSeal[]> {
  const events = await store.readStream(`Round-${roundId}`);
  return events
    .filter((e) => e.type === ROUND_SEALED)
    .map((e) => {
      const data = e.data as Partial<RoundSealedData>;
      return {
        roundId,
        digest: String(data.digest),
        upTo: String(data.upTo),
        streams: Number(data.streams ?? 0),
        events: Number(data.events ?? 0),
        sealedAt: typeof data.sealedAt === 'string' ? data.sealedAt : typeof e.metadata.at === 'string' ? e.metadata.at : e.created.toISOString(),
        ...(typeof data.phase === 'string' ? { phase: data.phase } : {}),
        ...(data.storeChain && typeof data.storeChain.digest === 'string' ? { storeChain: data.storeChain } : {}),
        revision: e.revision,
        eventId: e.id,
      };
    });
}

/** The round's latest seal (what the seal endpoint shows and the council publishes), or null before the first. */
export async function currentSeal(store: EventStore, roundId: string): Promise<StoredSeal | null> {
  const seals = await roundSeals(store, roundId);
  return seals[seals.length - 1] ?? null;
}

/** The audit command that checks one seal: the round's digest and, when the seal fixed one, the store-wide chain's head. */
export function sealCheckCommand(roundId: string, seal: { digest: string; storeChain?: Pick<StoreChainHead, 'digest'> }): string {
  return `npm run --silent audit -- verify --round ${roundId} --expect-seal ${seal.digest}${seal.storeChain ? ` --expect-head ${seal.storeChain.digest}` : ''}`;
}

/** The audit commands that check a round against a digest the council published (and the store-wide head its seal fixed). */
export function sealVerificationCommands(roundId: string, digest: string, head?: string): string[] {
  return [
    sealCheckCommand(roundId, { digest, ...(head ? { storeChain: { digest: head } } : {}) }),
    `npm run --silent audit -- recount --round ${roundId}`,
    `npm run --silent audit -- history --round ${roundId}`,
  ];
}

/** Plain-text instructions for checking a seal, for the seal endpoint and the report. */
export function sealVerificationInstructions(roundId: string, seal: Pick<RoundSeal, 'digest' | 'upTo'> & { storeChain?: StoreChainHead }): string {
  const [verify, recount, history] = sealVerificationCommands(roundId, seal.digest, seal.storeChain?.digest);
  return [
    `Seal of round ${roundId}: sha256 ${seal.digest}, over every event of the round up to position ${seal.upTo}.`,
    ...(seal.storeChain ? [`Head of the store-wide chain it fixed: link ${seal.storeChain.link}, sha256 ${seal.storeChain.digest}, up to position ${seal.storeChain.upTo}.`] : []),
    'The digest is the SHA-256 of the canonical JSON (RFC 8785) of the sorted list of [stream, last revision, last event hash]',
    "of every stream of the round; each event's hash covers its content and the previous event's hash, so the digest",
    'commits to every event of the round, in order. Compare it with the digest the council published, then run against',
    'a copy of the event store (the auditor needs read access only):',
    `  ${verify}`,
    `    exit 0: every hash chain and seal of the round recomputes and this digest is one of the round's seals${seal.storeChain ? ', and a link of the store-wide chain that recomputes carries the head' : ''};`,
    "    exit 1: something was changed, deleted or reordered after sealing, or the digest is not the round's.",
    `  ${recount}`,
    '    recounts the ballots with the frozen rule and compares plan by plan with the published result.',
    `  ${history}`,
    '    every decision of the round: when, who, why, under which decision.',
    '',
  ].join('\n');
}

/** A digest the council published, checked against the store. */
export interface SealExpectation {
  expected: string;
  ok: boolean;
  /** The round's seal with this digest, if any. */
  matched: StoredSeal | null;
  /** Whether the matched seal is the round's latest. */
  latest: boolean;
  latestSeal: StoredSeal | null;
  /** The digest recomputed from the store up to the matched seal's position. */
  recomputed: string | null;
  problem?: string;
}

/**
 * Checks a published digest: one of the round's seals must carry it (normally the latest) and the
 * store's events up to that seal's position must recompute to it. An administrator who rewrote the
 * store and recomputed every hash and seal still fails here: the digest the council published is not
 * the one the store now yields.
 */
export async function checkPublishedSeal(store: EventStore, roundId: string, expectedDigest: string, options: { onProgress?: (events: number) => void } = {}): Promise<SealExpectation> {
  const expected = expectedDigest.trim().toLowerCase();
  const seals = await roundSeals(store, roundId);
  const latestSeal = seals[seals.length - 1] ?? null;
  const matched = [...seals].reverse().find((s) => s.digest === expected) ?? null;
  if (!matched) {
    return {
      expected,
      ok: false,
      matched: null,
      latest: false,
      latestSeal,
      recomputed: null,
      problem: latestSeal
        ? `none of the round's ${seals.length} seal(s) has the published digest; the latest seal (${latestSeal.sealedAt}) has ${latestSeal.digest}`
        : `round ${roundId} has no seal`,
    };
  }
  const recomputed = (await computeRoundSeal(store, roundId, { upTo: parsePosition(matched.upTo), onProgress: options.onProgress })).digest;
  const ok = recomputed === expected;
  return {
    expected,
    ok,
    matched,
    latest: matched === latestSeal,
    latestSeal,
    recomputed,
    ...(ok ? {} : { problem: `the store's events up to ${matched.upTo} recompute to ${recomputed}, not to the published digest` }),
  };
}
