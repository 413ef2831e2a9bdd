import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalReasonRequiredError, ProposalWrongStatusError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import { aGrantedPlan, aSubmittedPlan, LATER, PROPOSAL_ID } from '../testing/proposal.given.js';

const given = DeciderSpecification.for(proposalDecider);
const withdraw = (reason = 'Initiatiefnemer verhuist') => ({ type: 'WithdrawProposal' as const, data: { proposalId: PROPOSAL_ID, reason, at: LATER } });

describe('WithdrawProposal', () => {
  it('withdraws a submitted plan', () => {
    given([aSubmittedPlan()]).when(withdraw()).then([{ type: 'ProposalWithdrawn', data: { proposalId: PROPOSAL_ID, reason: 'Initiatiefnemer verhuist', withdrawnAt: LATER } }]);
  });

  it('withdraws a resident\'s plan while it awaits moderation', () => {
    given([aSubmittedPlan(), { type: 'ProposalAwaitingModeration', data: { proposalId: PROPOSAL_ID, at: LATER } }])
      .when(withdraw())
      .then([{ type: 'ProposalWithdrawn', data: { proposalId: PROPOSAL_ID, reason: 'Initiatiefnemer verhuist', withdrawnAt: LATER } }]);
  });

  it('rejects withdrawing twice', () => {
    given([aSubmittedPlan(), { type: 'ProposalWithdrawn', data: { proposalId: PROPOSAL_ID, reason: 'x', withdrawnAt: LATER } }])
      .when(withdraw())
      .thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });

  it('rejects withdrawing a granted plan (cancel the implementation instead)', () => {
    given(aGrantedPlan()).when(withdraw()).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });

  it('rejects a withdrawal without a reason', () => {
    given([aSubmittedPlan()]).when(withdraw('')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });
});
