import { checkBallot } from '../../ballot/ballot.content.js';
import type { BallotContent } from '../../ballot/ballot.content.js';
import { BallotCodeBlockedError, BallotNotEligibleError } from '../../ballot/ballot.errors.js';
import type { BallotFacts } from '../../ballot/ballot.facts.js';
import { assertPaperCounting } from '../open-paper-batch/open-paper-batch.command.js';
import { PaperBatchAlreadyConfirmedError, PaperBatchDuplicateCodeError, PaperBatchNotOpenedError } from '../paper-batch.errors.js';
import type { PaperBallotEntered } from '../paper-batch.events.js';
import type { PaperBatchState } from '../paper-batch.state.js';

export interface EnterPaperBallotData {
  roundId: string;
  batchId: string;
  ballotRef: string;
  area: string;
  ageBand: string;
  content: BallotContent;
  enteredBy: string;
  enteredAt: string;
  facts: Pick<BallotFacts, 'phase' | 'frame' | 'participant'>;
}

/** An official types in one paper ballot of the batch: its code (as a pseudonym) and the marks. It counts only once the batch is confirmed. */
export class EnterPaperBallot {
  readonly type = 'EnterPaperBallot' as const;
  constructor(readonly data: EnterPaperBallotData) {}
}

export function enterPaperBallot(command: EnterPaperBallot, state: PaperBatchState): PaperBallotEntered[] {
  const { facts, ...data } = command.data;
  assertPaperCounting(facts.phase);
  if (!state.opened) throw new PaperBatchNotOpenedError('There is no such batch; open it first');
  if (state.confirmed) throw new PaperBatchAlreadyConfirmedError('The batch is confirmed; open a new batch for more ballots');
  if (facts.participant.blocked) throw new BallotCodeBlockedError('The code on this paper ballot is blocked');
  if (!facts.participant.eligible) throw new BallotNotEligibleError('The code on this paper ballot does not give a vote in this round');
  checkBallot(data.content, facts.frame);
  if (state.ballots.some((b) => b.ballotRef === data.ballotRef)) throw new PaperBatchDuplicateCodeError('A ballot with this code is already in the batch');
  return [{ type: 'PaperBallotEntered', data }];
}
