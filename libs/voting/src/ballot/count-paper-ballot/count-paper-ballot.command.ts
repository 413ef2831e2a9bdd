import { checkBallot } from '../ballot.content.js';
import { BallotVotingClosedError } from '../ballot.errors.js';
import type { BallotCast, BallotReplaced, CastData, PaperBallotSetAside } from '../ballot.events.js';
import type { BallotFacts } from '../ballot.facts.js';
import type { BallotState } from '../ballot.state.js';

export interface CountPaperBallotData extends CastData {
  channel: 'paper';
  verification: 'paper-code-checked';
  batchId: string;
  countedAt: string;
  facts: Pick<BallotFacts, 'phase' | 'frame'>;
}

/** A paper ballot of a batch that a second official confirmed: it now counts (or is set aside when another ballot takes precedence). */
export class CountPaperBallot {
  readonly type = 'CountPaperBallot' as const;
  constructor(readonly data: CountPaperBallotData) {}
}

export function countPaperBallot(command: CountPaperBallot, state: BallotState): (BallotCast | BallotReplaced | PaperBallotSetAside)[] {
  const { facts, countedAt, ...data } = command.data;
  // This batch was counted on this ballot already (a replay of the batch's count): nothing to decide, in any phase.
  if (state.batchIds.includes(data.batchId)) return [];
  // Paper is counted after the polls close too, until the box is sealed.
  if (facts.phase !== 'open' && facts.phase !== 'closed') throw new BallotVotingClosedError('Paper ballots can no longer be counted in this round', { phase: facts.phase });
  checkBallot(data.content, facts.frame);
  if (!state.cast) return [{ type: 'BallotCast', data: { ...data, castAt: countedAt } }];
  const setAside = (reason: PaperBallotSetAside['data']['reason']): PaperBallotSetAside[] => [
    { type: 'PaperBallotSetAside', data: { roundId: data.roundId, ballotRef: data.ballotRef, batchId: data.batchId, reason, setAsideAt: countedAt } },
  ];
  if (state.channel === 'paper') return setAside('paper-ballot-already-counted');
  if (facts.frame.paperPrecedence === 'online') return setAside('online-ballot-stands');
  return [{ type: 'BallotReplaced', data: { ...data, replacedChannel: state.channel, replacedAt: countedAt } }];
}
