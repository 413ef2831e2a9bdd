import { type ExistingRound, windowClosedOn } from '@lib/budgeting';
import { BallotVotingClosedError } from './ballot.errors.js';
import type { PreparedBox } from '../voting.deps.js';

/**
 * A vote (or a voter's sign-in) needs the box open and the round voting, and the schedule's voting window
 * not past its closing day: the round clock closes the round at its next tick, and a ballot in between is
 * refused as it would be after. `round` is null where there is no round to check (a box without a round).
 */
export function requireVotingWindow(box: Pick<PreparedBox, 'phase'>, round: ExistingRound | null, now: Date): void {
  if (round && round.phase !== 'voting') throw new BallotVotingClosedError('Voting is not open in this round', { phase: round.phase });
  if (box.phase !== 'open') throw new BallotVotingClosedError('Voting is not open in this round', { phase: box.phase });
  const closedOn = round ? windowClosedOn(round, now) : null;
  if (closedOn !== null) throw new BallotVotingClosedError(`Voting closed at the end of ${closedOn}`, { phase: round!.phase, closedOn });
}
