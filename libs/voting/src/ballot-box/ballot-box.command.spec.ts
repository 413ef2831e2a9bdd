import { describe, expect, it } from '@jest/globals';
import { fold } from '@lib/es';
import { DeciderSpecification } from '@lib/es/testing';
import { aClosedBox, anApprovalFrame, anOpenBox, aPreparedBox, AT, ROUND_ID } from '../testing/voting.given.js';
import { ballotBoxDecider } from './ballot-box.decider.js';
import type { BallotBoxEvent } from './ballot-box.events.js';
import {
  BallotBoxAlreadyPreparedError,
  BallotBoxInvalidPlanError,
  BallotBoxNoPlansError,
  BallotBoxReasonRequiredError,
  BallotBoxResultNotAdoptedError,
  BallotBoxRoundNotVotingError,
  BallotBoxWrongPhaseError,
} from './ballot-box.errors.js';
import { ChangeBallotBoxPhase } from './change-phase/change-phase.command.js';
import { PrepareBallotBox } from './prepare-ballot-box/prepare-ballot-box.command.js';

const spec = DeciderSpecification.for(ballotBoxDecider);
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
  it('opens, closes and seals in order', () => {
    spec(aPreparedBox()).when(change('open')).then([{ type: 'BallotBoxOpened', data: { roundId: ROUND_ID, reason: 'Council schedule', openedAt: AT } }]);
    spec(anOpenBox()).when(change('close')).then([{ type: 'BallotBoxClosed', data: { roundId: ROUND_ID, reason: 'Council schedule', closedAt: AT } }]);
    spec(aClosedBox()).when(change('seal')).then([{ type: 'BallotBoxSealed', data: { roundId: ROUND_ID, reason: 'Council schedule', sealedAt: AT } }]);
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
      .then([{ type: 'BallotBoxSealed', data: { roundId: ROUND_ID, reason: 'Result adopted', sealedAt: AT } }]);
  });
});

describe('a box from a store that still holds VoterRollExtended', () => {
  const extended: BallotBoxEvent = { type: 'VoterRollExtended', data: { roundId: ROUND_ID, source: 'generated', registered: 10, eligible: 9, extendedAt: AT } };
  it('folds to its phase and frame alone: the roll counts are the registrations\', not the box\'s', () => {
    expect(fold(ballotBoxDecider, [...anOpenBox(), extended])).toEqual({ phase: 'open', roundId: ROUND_ID, frame: anApprovalFrame() });
  });
  it('and decides as without it', () => {
    spec([...anOpenBox(), extended]).when(change('close')).then([{ type: 'BallotBoxClosed', data: { roundId: ROUND_ID, reason: 'Council schedule', closedAt: AT } }]);
  });
});
