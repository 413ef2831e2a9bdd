import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import {
  ProposalAwaitingRevisionError,
  ProposalCriterionNotPublishedError,
  ProposalReasonRequiredError,
  ProposalReviewerConflictError,
  ProposalReviewerIsSubmitterError,
  ProposalWrongStatusError,
} from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import type { VerdictOutcome } from '../proposal.events.js';
import { anAdmittedPlan, aSubmittedPlan, LATER, PROPOSAL_ID, REVIEWER, SUBMITTER_STAFF_REF, verdict } from '../testing/proposal.given.js';
import type { GiveFeasibilityVerdict } from './give-feasibility-verdict.command.js';

const given = DeciderSpecification.for(proposalDecider);
const ENTERED_BY = 'staff-front-desk';
const review = (criterionId: string, outcome: VerdictOutcome = 'met', reviewerRef = REVIEWER, reason = `${criterionId}: ${outcome}`): GiveFeasibilityVerdict => ({
  type: 'GiveFeasibilityVerdict',
  data: { proposalId: PROPOSAL_ID, criterionId, outcome, reason, reviewerRef, submittedBy: ENTERED_BY, at: LATER },
});
const amended = {
  type: 'ProposalAmended' as const,
  data: { proposalId: PROPOSAL_ID, version: { number: 2, title: 't', summary: 's', costEstimate: { investmentCents: 1_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 }, at: LATER }, reason: 'herzien' },
};

describe('GiveFeasibilityVerdict', () => {
  it('records a verdict on a published criterion for the current version', () => {
    given([aSubmittedPlan()]).when(review('c-cost')).then([verdict('c-cost', 'met')]);
  });

  it('runs the revise loop: needs revision, the submitter amends, the new version is reviewed', () => {
    given([aSubmittedPlan(), verdict('c-cost', 'needs_revision'), amended]).when(review('c-cost')).then([verdict('c-cost', 'met', 2)]);
  });

  it('rejects a review while the submitter is revising', () => {
    given([aSubmittedPlan(), verdict('c-cost', 'needs_revision')]).when(review('c-feasible')).thenThrows(ProposalAwaitingRevisionError, 'PROPOSAL.AWAITING_REVISION');
  });

  it('rejects a criterion that was not published before submission opened', () => {
    given([aSubmittedPlan()]).when(review('c-added-later')).thenThrows(ProposalCriterionNotPublishedError, 'PROPOSAL.CRITERION_NOT_PUBLISHED');
  });

  it('rejects a reviewer who declared a conflict of interest', () => {
    given([aSubmittedPlan(), { type: 'ProposalReviewerConflictDeclared', data: { proposalId: PROPOSAL_ID, reviewerRef: REVIEWER, reason: 'familie', at: LATER } }])
      .when(review('c-cost'))
      .thenThrows(ProposalReviewerConflictError, 'PROPOSAL.REVIEWER_CONFLICT');
  });

  it('rejects the submitter reviewing their own plan', () => {
    given([aSubmittedPlan()]).when(review('c-cost', 'met', SUBMITTER_STAFF_REF)).thenThrows(ProposalReviewerIsSubmitterError, 'PROPOSAL.REVIEWER_IS_SUBMITTER');
  });

  it('rejects the staff member who entered the plan for a resident, even without a staff ref on the plan', () => {
    given([aSubmittedPlan({ submitterStaffRef: null })]).when(review('c-cost', 'met', ENTERED_BY)).thenThrows(ProposalReviewerIsSubmitterError, 'PROPOSAL.REVIEWER_IS_SUBMITTER');
  });

  it('accepts another reviewer when no one is known to have entered the plan', () => {
    given([aSubmittedPlan({ submitterStaffRef: null })])
      .when({ ...review('c-cost'), data: { ...review('c-cost').data, submittedBy: null } })
      .then([verdict('c-cost', 'met')]);
  });

  it('rejects a verdict without a reason', () => {
    given([aSubmittedPlan()]).when(review('c-cost', 'not_met', REVIEWER, '')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });

  it('rejects reviewing a plan already on the ballot', () => {
    given(anAdmittedPlan()).when(review('c-cost')).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });
});
