import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalInvalidAmountError, ProposalPaymentExceedsGrantError, ProposalWrongStatusError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import { aGrantedPlan, aPlanInImplementation, aSelectedPlan, LATER, paid, PROPOSAL_ID } from '../testing/proposal.given.js';

const given = DeciderSpecification.for(proposalDecider);
const pay = (amountCents: number, paymentReference = 'PAY-1') => ({ type: 'RecordPayment' as const, data: { proposalId: PROPOSAL_ID, paymentReference, amountCents, at: LATER } });

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
