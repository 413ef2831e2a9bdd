import type { Decider } from '@lib/es';
import type { PaperBatchEvent } from './paper-batch.events.js';
import { evolvePaperBatch, initialPaperBatchState, type PaperBatchState } from './paper-batch.state.js';
import { confirmPaperBatch, type ConfirmPaperBatch } from './confirm-paper-batch/confirm-paper-batch.command.js';
import { enterPaperBallot, type EnterPaperBallot } from './enter-paper-ballot/enter-paper-ballot.command.js';
import { openPaperBatch, type OpenPaperBatch } from './open-paper-batch/open-paper-batch.command.js';

export type PaperBatchCommand = OpenPaperBatch | EnterPaperBallot | ConfirmPaperBatch;

export const paperBatchDecider: Decider<PaperBatchCommand, PaperBatchState, PaperBatchEvent> = {
  decide(command, state) {
    switch (command.type) {
      case 'OpenPaperBatch':
        return openPaperBatch(command, state);
      case 'EnterPaperBallot':
        return enterPaperBallot(command, state);
      case 'ConfirmPaperBatch':
        return confirmPaperBatch(command, state);
    }
  },
  evolve: evolvePaperBatch,
  initialState: initialPaperBatchState,
};
