import type { BallotBoxPhase } from '../../ballot-box/ballot-box.state.js';
import { assertPaperCounting } from '../open-paper-batch/open-paper-batch.command.js';
import { PaperBatchAlreadyConfirmedError, PaperBatchCountMismatchError, PaperBatchNotOpenedError, PaperBatchSameOfficialError } from '../paper-batch.errors.js';
import type { PaperBatchConfirmed } from '../paper-batch.events.js';
import type { PaperBatchState } from '../paper-batch.state.js';

/** Four eyes: an official who neither opened nor entered the batch confirms that it matches its slip. */
export class ConfirmPaperBatch {
  readonly type = 'ConfirmPaperBatch' as const;
  constructor(readonly data: { roundId: string; batchId: string; confirmedBy: string; confirmedAt: string; facts: { phase: BallotBoxPhase } }) {}
}

export function confirmPaperBatch(command: ConfirmPaperBatch, state: PaperBatchState): PaperBatchConfirmed[] {
  const { roundId, batchId, confirmedBy, confirmedAt, facts } = command.data;
  assertPaperCounting(facts.phase);
  if (!state.opened) throw new PaperBatchNotOpenedError('There is no such batch');
  if (state.confirmed) throw new PaperBatchAlreadyConfirmedError('The batch is already confirmed');
  if (confirmedBy === state.openedBy || state.enteredBy.includes(confirmedBy)) {
    throw new PaperBatchSameOfficialError('A second official, who did not open or enter this batch, must confirm it');
  }
  if (state.ballots.length !== state.slipCount) {
    throw new PaperBatchCountMismatchError(`The batch holds ${state.ballots.length} ballots; its slip says ${state.slipCount}`, {
      entered: state.ballots.length,
      slipCount: state.slipCount,
    });
  }
  return [{ type: 'PaperBatchConfirmed', data: { roundId, batchId, count: state.ballots.length, confirmedBy, confirmedAt } }];
}
