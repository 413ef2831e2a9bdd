import { checkBallot } from '../ballot.content.js';
import { BallotNotCastError, BallotPaperBallotStandsError } from '../ballot.errors.js';
import type { BallotReplaced, CastData } from '../ballot.events.js';
import type { BallotState } from '../ballot.state.js';
import { assertMayVote, type CastBallotData } from '../cast-ballot/cast-ballot.command.js';

export type ReplaceBallotData = CastBallotData;

/** The voter changes their mind before voting closes: the new ballot replaces the standing one (explicitly, at the revision they saw). */
export class ReplaceBallot {
  readonly type = 'ReplaceBallot' as const;
  constructor(readonly data: ReplaceBallotData) {}
}

export function replaceBallot(command: ReplaceBallot, state: BallotState): BallotReplaced[] {
  const { facts, castAt, ...data } = command.data;
  assertMayVote(facts);
  checkBallot(data.content, facts.frame);
  if (!state.cast) throw new BallotNotCastError('There is no ballot to replace; cast one first');
  if (state.channel === 'paper' && facts.frame.paperPrecedence === 'paper') {
    throw new BallotPaperBallotStandsError('A paper ballot of this participant was counted; it takes precedence over online ballots');
  }
  const cast: CastData = data;
  return [{ type: 'BallotReplaced', data: { ...cast, replacedChannel: state.channel, replacedAt: castAt } }];
}
