import { checkBallot } from '../ballot.content.js';
import { BallotAlreadyCastError, BallotCodeBlockedError, BallotNotEligibleError, BallotVotingClosedError } from '../ballot.errors.js';
import type { BallotCast, BallotReplaced, CastData } from '../ballot.events.js';
import type { BallotFacts } from '../ballot.facts.js';
import type { BallotState } from '../ballot.state.js';

export interface CastBallotData extends CastData {
  channel: 'online' | 'assisted';
  castAt: string;
  facts: BallotFacts;
}

/** A participant's first ballot (online, or assisted by staff at a voting point). */
export class CastBallot {
  readonly type = 'CastBallot' as const;
  constructor(readonly data: CastBallotData) {}
}

/** The checks every online or assisted ballot passes, in the order a voter can act on them. */
export function assertMayVote(facts: BallotFacts): void {
  if (facts.phase !== 'open') throw new BallotVotingClosedError('Voting is not open in this round', { phase: facts.phase });
  if (facts.participant.blocked) throw new BallotCodeBlockedError('This voting code is blocked');
  if (!facts.participant.eligible) throw new BallotNotEligibleError('This voting code does not give a vote in this round');
}

export function castBallot(command: CastBallot, state: BallotState): (BallotCast | BallotReplaced)[] {
  const { facts, castAt, ...data } = command.data;
  assertMayVote(facts);
  checkBallot(data.content, facts.frame);
  if (state.cast) {
    // A paper ballot stands unless the frame lets the online one win; then the online ballot replaces it.
    if (state.channel === 'paper' && facts.frame.paperPrecedence === 'online') {
      return [{ type: 'BallotReplaced', data: { ...data, replacedChannel: 'paper', replacedAt: castAt } }];
    }
    throw new BallotAlreadyCastError('This participant has already voted in this round; replace the ballot instead', { channel: state.channel });
  }
  return [{ type: 'BallotCast', data: { ...data, castAt } }];
}
