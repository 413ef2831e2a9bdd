import { pabulibFromElection, tally, writePabulib } from '@lib/tally';
import type { EventStore } from '@lib/event-store';
import { CountVotingOpenError, electionOf, standingBallots } from '../count/count-round.js';
import { loadBallotBox } from '../voting.deps.js';

/**
 * A closed round's standing ballots as a Pabulib file: no codes, no pseudonyms, voters numbered in
 * pseudonym order (which says nothing about who or when), amounts in the counting unit, the
 * `selected` column from a count with the frame's rule. Anyone can recount it with other tools.
 */
export async function exportPabulib(store: EventStore, roundId: string, tenant: string): Promise<string> {
  const box = await loadBallotBox(store, roundId, tenant);
  if (box.state.phase !== 'closed' && box.state.phase !== 'sealed') {
    throw new CountVotingOpenError(`A round is exported once voting closed (the box is ${box.state.phase})`, { phase: box.state.phase });
  }
  const frame = box.state.frame;
  const election = electionOf(frame, await standingBallots(store, roundId, tenant));
  const result = tally(election);
  const file = pabulibFromElection(election, result, {
    description: `inwonersbudget round ${roundId}`,
    vote_type: frame.ballot.type,
    ...(frame.ballot.minPlans !== undefined && frame.ballot.type !== 'choose-1' ? { min_length: String(frame.ballot.minPlans) } : {}),
    ...(frame.ballot.type === 'ordinal' && frame.ballot.rankingLength !== undefined ? { max_length: String(frame.ballot.rankingLength) } : {}),
    ...(frame.ballot.type === 'scoring' && frame.ballot.points !== undefined ? { max_points: String(frame.ballot.points) } : {}),
    currency: frame.currency,
    tie_break: [...frame.tally.tieBreak, 'project-id'].join(','),
  });
  return writePabulib(file);
}
