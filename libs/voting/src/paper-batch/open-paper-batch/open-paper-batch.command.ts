import type { BallotBoxPhase } from '../../ballot-box/ballot-box.state.js';
import { PaperBatchAlreadyOpenedError, PaperBatchCountingClosedError, PaperBatchInvalidSlipError } from '../paper-batch.errors.js';
import type { PaperBatchOpened } from '../paper-batch.events.js';
import type { PaperBatchState } from '../paper-batch.state.js';

export interface OpenPaperBatchData {
  roundId: string;
  batchId: string;
  pollingStation: string;
  batchNumber: number;
  /** The number of ballots written on the batch slip. */
  slipCount: number;
  openedBy: string;
  openedAt: string;
  facts: { phase: BallotBoxPhase };
}

export class OpenPaperBatch {
  readonly type = 'OpenPaperBatch' as const;
  constructor(readonly data: OpenPaperBatchData) {}
}

/** Paper is entered while voting is open or after it closed, never once the box is sealed. */
export function assertPaperCounting(phase: BallotBoxPhase): void {
  if (phase !== 'open' && phase !== 'closed') throw new PaperBatchCountingClosedError(`Paper ballots are entered while the box is open or closed; it is ${phase}`, { phase });
}

export function openPaperBatch(command: OpenPaperBatch, state: PaperBatchState): PaperBatchOpened[] {
  const { facts, ...data } = command.data;
  assertPaperCounting(facts.phase);
  if (state.opened) throw new PaperBatchAlreadyOpenedError(`Batch ${data.batchNumber} of ${data.pollingStation} is already opened`, { batchId: data.batchId });
  if (!Number.isSafeInteger(data.slipCount) || data.slipCount < 1) throw new PaperBatchInvalidSlipError('The batch slip counts at least one ballot');
  return [{ type: 'PaperBatchOpened', data }];
}
