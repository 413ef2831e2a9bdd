import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalConflictAlreadyDeclaredError, ProposalNotFoundError, ProposalReasonRequiredError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import { aSubmittedPlan, LATER, PROPOSAL_ID, REVIEWER } from '../testing/proposal.given.js';

const given = DeciderSpecification.for(proposalDecider);
const declare = (reason = 'Buurman van de initiatiefnemer') => ({ type: 'DeclareConflictOfInterest' as const, data: { proposalId: PROPOSAL_ID, reviewerRef: REVIEWER, reason, at: LATER } });
const declared = { type: 'ProposalReviewerConflictDeclared' as const, data: { proposalId: PROPOSAL_ID, reviewerRef: REVIEWER, reason: 'Buurman van de initiatiefnemer', at: LATER } };

describe('DeclareConflictOfInterest', () => {
  it('records the reviewer stepping aside', () => {
    given([aSubmittedPlan()]).when(declare()).then([declared]);
  });

  it('rejects declaring twice', () => {
    given([aSubmittedPlan(), declared]).when(declare()).thenThrows(ProposalConflictAlreadyDeclaredError, 'PROPOSAL.CONFLICT_ALREADY_DECLARED');
  });

  it('rejects a declaration without a reason', () => {
    given([aSubmittedPlan()]).when(declare(' ')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });

  it('rejects a declaration for a plan that does not exist', () => {
    given([]).when(declare()).thenThrows(ProposalNotFoundError, 'PROPOSAL.NOT_FOUND');
  });
});
