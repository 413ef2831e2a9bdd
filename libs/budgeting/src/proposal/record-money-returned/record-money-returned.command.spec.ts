import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalReturnExceedsPaymentsError, ProposalWrongStatusError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import type { ProposalEvent } from '../proposal.events.js';
import { aGrantedPlan, aPlanInImplementation, LATER, paid, PROPOSAL_ID } from '../testing/proposal.given.js';

const given = DeciderSpecification.for(proposalDecider);
const giveBack = (amountCents: number) => ({ type: 'RecordMoneyReturned' as const, data: { proposalId: PROPOSAL_ID, reference: 'RET-1', amountCents, at: LATER } });
const partly: ProposalEvent = { type: 'ProposalPartlyRealised', data: { proposalId: PROPOSAL_ID, spentCents: 1_500_000, releasedCents: 500_000, reason: 'Opgeleverd', at: LATER } };

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
