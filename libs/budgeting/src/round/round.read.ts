import { findStream, loadStream, type LoadedStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { roundDecider } from './round.decider.js';
import { roundStream } from './round.events.js';
import type { ExistingRound } from './round.state.js';

/**
 * The round folded from its stream, for the caller's municipality (CommandStreamMissing → 404 otherwise).
 * `state.phase`, `state.frameVersion`, `state.submissionOpenedAt` and `state.criteriaPublishedBeforeSubmission`
 * are what the plans' decisions need.
 */
export async function readRound(store: EventStore, roundId: string, tenant: string): Promise<LoadedStream<ExistingRound>> {
  return (await loadStream(store, roundStream(roundId), roundDecider, tenant)) as LoadedStream<ExistingRound>;
}

/** `readRound` for a round that may exist only elsewhere (a ballot box without a Round stream): null instead of CommandStreamMissing. */
export async function findRound(store: EventStore, roundId: string, tenant: string): Promise<LoadedStream<ExistingRound> | null> {
  return (await findStream(store, roundStream(roundId), roundDecider, tenant)) as LoadedStream<ExistingRound> | null;
}
