import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalInvalidAmountError, ProposalPaymentExceedsGrantError, ProposalReasonRequiredError, ProposalReturnExceedsPaymentsError, ProposalWrongStatusError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import type { ProposalEvent } from '../proposal.events.js';
import { aGrantedPlan, aPlanInImplementation, aSelectedPlan, LATER, paid, PROPOSAL_ID } from '../testing/proposal.given.js';

const given = DeciderSpecification.for(proposalDecider);
const pay = (amountCents: number, paymentReference = 'PAY-1') => ({ type: 'RecordPayment' as const, data: { proposalId: PROPOSAL_ID, paymentReference, amountCents, at: LATER } });
const close = (outcome: 'realised' | 'partly_realised' | 'cancelled', reason = 'Opgeleverd') => ({ type: 'CloseImplementation' as const, data: { proposalId: PROPOSAL_ID, outcome, reason, at: LATER } });
const giveBack = (amountCents: number) => ({ type: 'RecordMoneyReturned' as const, data: { proposalId: PROPOSAL_ID, reference: 'RET-1', amountCents, at: LATER } });
const partly: ProposalEvent = { type: 'ProposalPartlyRealised', data: { proposalId: PROPOSAL_ID, spentCents: 1_500_000, releasedCents: 500_000, reason: 'Opgeleverd', at: LATER } };

describe('StartImplementation', () => {
  it('starts a granted plan', () => {
    given(aGrantedPlan())
      .when({ type: 'StartImplementation', data: { proposalId: PROPOSAL_ID, startedOn: '2026-07-01', at: LATER } })
      .then([{ type: 'ProposalImplementationStarted', data: { proposalId: PROPOSAL_ID, startedOn: '2026-07-01', at: LATER } }]);
  });

  it('rejects starting a plan without a grant', () => {
    given(aSelectedPlan())
      .when({ type: 'StartImplementation', data: { proposalId: PROPOSAL_ID, startedOn: '2026-07-01', at: LATER } })
      .thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });
});

describe('RecordPayment', () => {
  it('records payments with the running total', () => {
    given([...aPlanInImplementation(), paid(1_000_000, 1_000_000)]).when(pay(1_000_000, 'PAY-2')).then([paid(1_000_000, 2_000_000, 'PAY-2')]);
  });

  it('records an advance before work starts', () => {
    given(aGrantedPlan()).when(pay(500_000)).then([paid(500_000, 500_000)]);
  });

  it('never pays more than granted', () => {
    given([...aPlanInImplementation(), paid(1_500_000, 1_500_000)]).when(pay(500_001)).thenThrows(ProposalPaymentExceedsGrantError, 'PROPOSAL.PAYMENT_EXCEEDS_GRANT');
  });

  it('rejects a payment that is not a positive whole number of cents', () => {
    given(aPlanInImplementation()).when(pay(0)).thenThrows(ProposalInvalidAmountError, 'PROPOSAL.INVALID_AMOUNT');
  });

  it('rejects paying a plan that was not granted', () => {
    given(aSelectedPlan()).when(pay(100)).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });
});

describe('CloseImplementation', () => {
  it('closes as realised and releases what was not paid', () => {
    given([...aPlanInImplementation(), paid(1_900_000, 1_900_000)])
      .when(close('realised'))
      .then([{ type: 'ProposalRealised', data: { proposalId: PROPOSAL_ID, spentCents: 1_900_000, releasedCents: 100_000, reason: 'Opgeleverd', at: LATER } }]);
  });

  it('closes as partly realised', () => {
    given([...aPlanInImplementation(), paid(1_500_000, 1_500_000)]).when(close('partly_realised')).then([partly]);
  });

  it('cancels a granted plan and releases the whole grant', () => {
    given(aGrantedPlan())
      .when(close('cancelled', 'Vergunning geweigerd'))
      .then([{ type: 'ProposalImplementationCancelled', data: { proposalId: PROPOSAL_ID, releasedCents: 2_000_000, reason: 'Vergunning geweigerd', at: LATER } }]);
  });

  it('rejects closing as realised before implementation started', () => {
    given(aGrantedPlan()).when(close('realised')).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });

  it('rejects closing without a reason', () => {
    given(aPlanInImplementation()).when(close('realised', '')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });
});

describe('RecordMoneyReturned', () => {
  it('releases returned money to the round once the plan is closed', () => {
    given([...aPlanInImplementation(), paid(1_500_000, 1_500_000), partly])
      .when(giveBack(200_000))
      .then([{ type: 'ProposalMoneyReturned', data: { proposalId: PROPOSAL_ID, amountCents: 200_000, returnedTotalCents: 200_000, releasedCents: 200_000, reference: 'RET-1', at: LATER } }]);
  });

  it('holds money returned during implementation until the plan is closed', () => {
    given([...aPlanInImplementation(), paid(1_500_000, 1_500_000)])
      .when(giveBack(200_000))
      .then([{ type: 'ProposalMoneyReturned', data: { proposalId: PROPOSAL_ID, amountCents: 200_000, returnedTotalCents: 200_000, releasedCents: 0, reference: 'RET-1', at: LATER } }]);
  });

  it('rejects returning more than was paid', () => {
    given([...aPlanInImplementation(), paid(100_000, 100_000), partly]).when(giveBack(100_001)).thenThrows(ProposalReturnExceedsPaymentsError, 'PROPOSAL.RETURN_EXCEEDS_PAYMENTS');
  });

  it('rejects a return on a plan that was never carried out', () => {
    given(aGrantedPlan()).when(giveBack(1)).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });
});
