import { describe, expect, it } from '@jest/globals';
import { fold } from '@lib/es';
import { DeciderSpecification } from '@lib/es/testing';
import { aClosedBox, anApprovalFrame, anOpenBox, aPreparedBox, AT, ROUND_ID } from '../testing/voting.given.js';
import { ballotBoxDecider } from './ballot-box.decider.js';
import type { BallotBoxEvent } from './ballot-box.events.js';
import {
  BallotBoxAlreadyPreparedError,
  BallotBoxCorrectionWindowOpenError,
  BallotBoxInvalidPlanError,
  BallotBoxNoPlansError,
  BallotBoxReasonRequiredError,
  BallotBoxResultNotAdoptedError,
  BallotBoxRoundNotVotingError,
  BallotBoxWrongPhaseError,
} from './ballot-box.errors.js';
import { ChangeBallotBoxPhase } from './change-phase/change-phase.command.js';
import { DestroyRoundKey } from './destroy-round-key/destroy-round-key.command.js';
import { PrepareBallotBox } from './prepare-ballot-box/prepare-ballot-box.command.js';

const spec = DeciderSpecification.for(ballotBoxDecider);
const withWindow = (days: number) => anApprovalFrame({ ballot: { ...anApprovalFrame().ballot, correctionWindowDays: days } });
const keyDestroyed = (reason: 'voting-closed' | 'correction-window-ended' | 'sealed', destroyedAt = AT): BallotBoxEvent => ({ type: 'RoundKeyDestroyed', data: { roundId: ROUND_ID, reason, destroyedAt } });
const change = (c: 'open' | 'close' | 'seal', reason = 'Council schedule', round: { phase: string; resultAdopted: boolean } | null = null) =>
  new ChangeBallotBoxPhase({ roundId: ROUND_ID, change: c, reason, at: AT, round });

describe('PrepareBallotBox', () => {
  it('records the frame version and the admitted plans', () => {
    spec([]).when(new PrepareBallotBox({ roundId: ROUND_ID, frame: anApprovalFrame(), preparedAt: AT })).then(aPreparedBox());
  });
  it('refuses a second preparation, an empty ballot and a plan without a cost', () => {
    spec(aPreparedBox()).when(new PrepareBallotBox({ roundId: ROUND_ID, frame: anApprovalFrame(), preparedAt: AT })).thenThrows(BallotBoxAlreadyPreparedError, 'BALLOT_BOX.ALREADY_PREPARED');
    spec([]).when(new PrepareBallotBox({ roundId: ROUND_ID, frame: anApprovalFrame({ plans: [] }), preparedAt: AT })).thenThrows(BallotBoxNoPlansError, 'BALLOT_BOX.NO_PLANS');
    spec([])
      .when(new PrepareBallotBox({ roundId: ROUND_ID, frame: anApprovalFrame({ plans: [{ planId: 'p', costCents: 0 }] }), preparedAt: AT }))
      .thenThrows(BallotBoxInvalidPlanError, 'BALLOT_BOX.INVALID_PLAN');
  });
});

describe('ChangeBallotBoxPhase', () => {
  it('opens, closes and seals in order; without a correction window the close destroys the round key', () => {
    spec(aPreparedBox()).when(change('open')).then([{ type: 'BallotBoxOpened', data: { roundId: ROUND_ID, reason: 'Council schedule', openedAt: AT } }]);
    spec(anOpenBox()).when(change('close')).then([{ type: 'BallotBoxClosed', data: { roundId: ROUND_ID, reason: 'Council schedule', closedAt: AT } }, keyDestroyed('voting-closed')]);
    spec([...aClosedBox(), keyDestroyed('voting-closed')]).when(change('seal')).then([{ type: 'BallotBoxSealed', data: { roundId: ROUND_ID, reason: 'Council schedule', sealedAt: AT } }]);
  });
  it('with a correction window the close keeps the key; a seal before the window ended destroys it (as it does in boxes closed before keys went at the close)', () => {
    spec(anOpenBox(withWindow(7))).when(change('close')).then([{ type: 'BallotBoxClosed', data: { roundId: ROUND_ID, reason: 'Council schedule', closedAt: AT } }]);
    spec(aClosedBox(withWindow(7))).when(change('seal')).then([keyDestroyed('sealed'), { type: 'BallotBoxSealed', data: { roundId: ROUND_ID, reason: 'Council schedule', sealedAt: AT } }]);
    spec(aClosedBox()).when(change('seal')).then([keyDestroyed('sealed'), { type: 'BallotBoxSealed', data: { roundId: ROUND_ID, reason: 'Council schedule', sealedAt: AT } }]);
  });
  it('refuses out of order and without a reason', () => {
    spec(aPreparedBox()).when(change('seal')).thenThrows(BallotBoxWrongPhaseError, 'BALLOT_BOX.WRONG_PHASE');
    spec(anOpenBox()).when(change('open')).thenThrows(BallotBoxWrongPhaseError, 'BALLOT_BOX.WRONG_PHASE');
    spec(aPreparedBox()).when(change('open', '  ')).thenThrows(BallotBoxReasonRequiredError, 'BALLOT_BOX.REASON_REQUIRED');
  });
  it('follows the Round stream when there is one: opens in its voting phase, seals after adoption', () => {
    spec(aPreparedBox()).when(change('open', 'x', { phase: 'feasibility', resultAdopted: false })).thenThrows(BallotBoxRoundNotVotingError, 'BALLOT_BOX.ROUND_NOT_VOTING');
    spec(aClosedBox()).when(change('seal', 'x', { phase: 'adoption', resultAdopted: false })).thenThrows(BallotBoxResultNotAdoptedError, 'BALLOT_BOX.RESULT_NOT_ADOPTED');
    spec(aClosedBox())
      .when(change('seal', 'Result adopted', { phase: 'implementation', resultAdopted: true }))
      .then([keyDestroyed('sealed'), { type: 'BallotBoxSealed', data: { roundId: ROUND_ID, reason: 'Result adopted', sealedAt: AT } }]);
  });
});

describe('DestroyRoundKey (the end of the correction window)', () => {
  const destroy = (at: string) => new DestroyRoundKey({ roundId: ROUND_ID, at });
  it('destroys the key once the window the frame declares has ended, counted from the close', () => {
    spec(aClosedBox(withWindow(7))).when(destroy('2026-05-08T09:00:00.000Z')).then([keyDestroyed('correction-window-ended', '2026-05-08T09:00:00.000Z')]);
    spec(aClosedBox(withWindow(7))).when(destroy('2026-06-01T00:00:00.000Z')).then([keyDestroyed('correction-window-ended', '2026-06-01T00:00:00.000Z')]);
  });
  it('refuses inside the window and before the close; a key already destroyed is not destroyed again', () => {
    spec(aClosedBox(withWindow(7))).when(destroy('2026-05-08T08:59:59.999Z')).thenThrows(BallotBoxCorrectionWindowOpenError, 'BALLOT_BOX.CORRECTION_WINDOW_OPEN');
    spec(anOpenBox(withWindow(7))).when(destroy('2026-06-01T00:00:00.000Z')).thenThrows(BallotBoxWrongPhaseError, 'BALLOT_BOX.WRONG_PHASE');
    spec([...aClosedBox(withWindow(7)), keyDestroyed('sealed')]).when(destroy('2026-06-01T00:00:00.000Z')).then([]);
  });
});

describe('a box from a store that still holds VoterRollExtended', () => {
  const extended: BallotBoxEvent = { type: 'VoterRollExtended', data: { roundId: ROUND_ID, source: 'generated', registered: 10, eligible: 9, extendedAt: AT } };
  it('folds to its phase and frame alone: the roll counts are the registrations\', not the box\'s', () => {
    expect(fold(ballotBoxDecider, [...anOpenBox(), extended])).toEqual({ phase: 'open', roundId: ROUND_ID, frame: anApprovalFrame() });
  });
  it('and decides as without it', () => {
    spec([...anOpenBox(), extended]).when(change('close')).then([{ type: 'BallotBoxClosed', data: { roundId: ROUND_ID, reason: 'Council schedule', closedAt: AT } }, keyDestroyed('voting-closed')]);
  });
});
