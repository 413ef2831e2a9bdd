import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalReasonRequiredError, ProposalWrongStatusError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import { anAdmittedPlan, aReviewedPlan, LATER, PROPOSAL_ID } from '../testing/proposal.given.js';

const given = DeciderSpecification.for(proposalDecider);
const selection = (selected: boolean, reason = 'Uitslag vastgesteld op 2026-05-20') => ({ type: 'RecordSelection' as const, data: { proposalId: PROPOSAL_ID, selected, reason, at: LATER } });

describe('RecordSelection', () => {
  it('records a plan as selected', () => {
    given(anAdmittedPlan()).when(selection(true)).then([{ type: 'ProposalSelected', data: { proposalId: PROPOSAL_ID, reason: 'Uitslag vastgesteld op 2026-05-20', at: LATER } }]);
  });

  it('records a plan as not selected', () => {
    given(anAdmittedPlan()).when(selection(false)).then([{ type: 'ProposalNotSelected', data: { proposalId: PROPOSAL_ID, reason: 'Uitslag vastgesteld op 2026-05-20', at: LATER } }]);
  });

  it('rejects a plan that was never admitted to the ballot', () => {
    given(aReviewedPlan()).when(selection(true)).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });

  it('rejects a selection without a reason', () => {
    given(anAdmittedPlan()).when(selection(true, '')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });
});
