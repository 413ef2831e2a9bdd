import type { ProposalReviewerConflictDeclared } from '../proposal.events.js';
import { ProposalConflictAlreadyDeclaredError } from '../proposal.errors.js';
import { existing, requireReason } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

export class DeclareConflictOfInterest {
  readonly type = 'DeclareConflictOfInterest' as const;
  constructor(readonly data: { proposalId: string; reviewerRef: string; reason: string; at: string }) {}
}

/** Awb 2:4: a reviewer with a personal interest steps aside for this plan from now on. */
export function declareConflictOfInterest(command: DeclareConflictOfInterest, state: ProposalState): ProposalReviewerConflictDeclared[] {
  const { proposalId, reviewerRef, at } = command.data;
  const plan = existing(state, proposalId);
  if (plan.conflictedReviewers.includes(reviewerRef)) throw new ProposalConflictAlreadyDeclaredError('This reviewer already declared a conflict of interest for this plan', { proposalId });
  const reason = requireReason(command.data.reason);
  return [{ type: 'ProposalReviewerConflictDeclared', data: { proposalId, reviewerRef, reason, at } }];
}
