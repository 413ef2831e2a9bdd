import type { ProposalFeasibilityVerdictGiven, VerdictOutcome } from '../proposal.events.js';
import {
  ProposalAwaitingRevisionError,
  ProposalCriterionNotPublishedError,
  ProposalReviewerConflictError,
  ProposalReviewerIsSubmitterError,
} from '../proposal.errors.js';
import { existing, requireReason, requireStatus } from '../proposal.guards.js';
import { currentVersion, type ExistingProposal, type ProposalState } from '../proposal.state.js';

export class GiveFeasibilityVerdict {
  readonly type = 'GiveFeasibilityVerdict' as const;
  constructor(readonly data: {
    proposalId: string;
    criterionId: string;
    outcome: VerdictOutcome;
    reason: string;
    reviewerRef: string;
    /** The staff subject who recorded the submission (the actor of ProposalSubmitted), read by the handler from the event's metadata. */
    submittedBy: string | null;
    at: string;
  }) {}
}

/** Whoever submitted the plan, as resident-employee or as the staff member entering it for a resident, never reviews it. */
function isOwnPlan(plan: ExistingProposal, reviewerRef: string, submittedBy: string | null): boolean {
  return reviewerRef === submittedBy || reviewerRef === plan.submitterStaffRef || reviewerRef === plan.submitterRef;
}

export function giveFeasibilityVerdict(command: GiveFeasibilityVerdict, state: ProposalState): ProposalFeasibilityVerdictGiven[] {
  const { proposalId, criterionId, outcome, reviewerRef, submittedBy, at } = command.data;
  const plan = existing(state, proposalId);
  if (plan.status === 'revision_requested') throw new ProposalAwaitingRevisionError('The submitter is revising the plan; review the amended version', { proposalId });
  requireStatus(plan, ['submitted'], 'be reviewed');
  // Criteria added after submission opened were not known to residents and may not be held against them.
  if (!plan.publishedCriteria.includes(criterionId)) {
    throw new ProposalCriterionNotPublishedError(`Criterion ${criterionId} was not published before submission opened`, { criterionId, publishedCriteria: plan.publishedCriteria });
  }
  if (isOwnPlan(plan, reviewerRef, submittedBy)) throw new ProposalReviewerIsSubmitterError('No one reviews a plan they submitted or entered', { proposalId });
  if (plan.conflictedReviewers.includes(reviewerRef)) throw new ProposalReviewerConflictError('This reviewer declared a conflict of interest for this plan', { proposalId });
  const reason = requireReason(command.data.reason);
  return [{ type: 'ProposalFeasibilityVerdictGiven', data: { proposalId, criterionId, outcome, reason, reviewerRef, version: currentVersion(plan).number, at } }];
}
