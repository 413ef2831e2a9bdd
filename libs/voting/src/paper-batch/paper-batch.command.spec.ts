import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { BallotCodeBlockedError, BallotTooManyPlansError } from '../ballot/ballot.errors.js';
import { anApprovalFrame, AT, ROUND_ID } from '../testing/voting.given.js';
import { ConfirmPaperBatch } from './confirm-paper-batch/confirm-paper-batch.command.js';
import { EnterPaperBallot } from './enter-paper-ballot/enter-paper-ballot.command.js';
import { OpenPaperBatch } from './open-paper-batch/open-paper-batch.command.js';
import { paperBatchDecider } from './paper-batch.decider.js';
import {
  PaperBatchAlreadyConfirmedError,
  PaperBatchAlreadyOpenedError,
  PaperBatchCountingClosedError,
  PaperBatchCountMismatchError,
  PaperBatchDuplicateCodeError,
  PaperBatchSameOfficialError,
} from './paper-batch.errors.js';
import type { PaperBatchEvent } from './paper-batch.events.js';

const spec = DeciderSpecification.for(paperBatchDecider);
const BATCH = 'Stembureau-3-7';
const opened: PaperBatchEvent = {
  type: 'PaperBatchOpened',
  data: { roundId: ROUND_ID, batchId: BATCH, pollingStation: 'Stembureau-3', batchNumber: 7, slipCount: 2, openedBy: 'official-a', openedAt: AT },
};
const entered = (ref: string, by = 'official-a'): PaperBatchEvent => ({
  type: 'PaperBallotEntered',
  data: { roundId: ROUND_ID, batchId: BATCH, ballotRef: ref, area: 'WK036301', ageBand: '18-64', content: { type: 'approval', choices: ['p-bench'] }, enteredBy: by, enteredAt: AT },
});
const enter = (ref: string, participant = { eligible: true, blocked: false }, choices = ['p-bench']) =>
  new EnterPaperBallot({
    roundId: ROUND_ID,
    batchId: BATCH,
    ballotRef: ref,
    area: 'WK036301',
    ageBand: '18-64',
    content: { type: 'approval', choices },
    enteredBy: 'official-a',
    enteredAt: AT,
    facts: { phase: 'closed', frame: anApprovalFrame(), participant },
  });
const confirm = (by: string) => new ConfirmPaperBatch({ roundId: ROUND_ID, batchId: BATCH, confirmedBy: by, confirmedAt: AT, facts: { phase: 'closed' } });

describe('OpenPaperBatch', () => {
  const open = (phase: 'open' | 'sealed' = 'open') =>
    new OpenPaperBatch({ roundId: ROUND_ID, batchId: BATCH, pollingStation: 'Stembureau-3', batchNumber: 7, slipCount: 2, openedBy: 'official-a', openedAt: AT, facts: { phase } });
  it('opens a batch with its slip count, once', () => {
    spec([]).when(open()).then([opened]);
    spec([opened]).when(open()).thenThrows(PaperBatchAlreadyOpenedError, 'PAPER_BATCH.ALREADY_OPENED');
    spec([]).when(open('sealed')).thenThrows(PaperBatchCountingClosedError, 'PAPER_BATCH.COUNTING_CLOSED');
  });
});

describe('EnterPaperBallot', () => {
  it('enters a valid ballot; refuses a duplicate code, a blocked code and a breach of the ballot rules', () => {
    spec([opened]).when(enter('r1')).then([entered('r1')]);
    spec([opened, entered('r1')]).when(enter('r1')).thenThrows(PaperBatchDuplicateCodeError, 'PAPER_BATCH.DUPLICATE_CODE');
    spec([opened]).when(enter('r1', { eligible: true, blocked: true })).thenThrows(BallotCodeBlockedError, 'BALLOT.CODE_BLOCKED');
    spec([opened]).when(enter('r1', undefined, ['p-park', 'p-bench', 'p-trees', 'p-mural'])).thenThrows(BallotTooManyPlansError, 'BALLOT.TOO_MANY_PLANS');
  });
});

describe('ConfirmPaperBatch', () => {
  it('a second official confirms a batch that matches its slip', () => {
    spec([opened, entered('r1'), entered('r2')])
      .when(confirm('official-b'))
      .then([{ type: 'PaperBatchConfirmed', data: { roundId: ROUND_ID, batchId: BATCH, count: 2, confirmedBy: 'official-b', confirmedAt: AT } }]);
  });
  it('refuses the same official, a count that differs from the slip, and a second confirmation', () => {
    spec([opened, entered('r1'), entered('r2')]).when(confirm('official-a')).thenThrows(PaperBatchSameOfficialError, 'PAPER_BATCH.SAME_OFFICIAL');
    spec([opened, entered('r1'), entered('r2', 'official-c')]).when(confirm('official-c')).thenThrows(PaperBatchSameOfficialError, 'PAPER_BATCH.SAME_OFFICIAL');
    spec([opened, entered('r1')]).when(confirm('official-b')).thenThrows(PaperBatchCountMismatchError, 'PAPER_BATCH.COUNT_MISMATCH');
    spec([opened, entered('r1'), entered('r2'), { type: 'PaperBatchConfirmed', data: { roundId: ROUND_ID, batchId: BATCH, count: 2, confirmedBy: 'official-b', confirmedAt: AT } }])
      .when(confirm('official-d'))
      .thenThrows(PaperBatchAlreadyConfirmedError, 'PAPER_BATCH.ALREADY_CONFIRMED');
  });
});
