import type { CostEstimate, ProposalAmended } from '../proposal.events.js';
import { ProposalAmountOutOfRangeError, ProposalIntakeClosedError, ProposalNotAmendableError, ProposalNotSubmitterError } from '../proposal.errors.js';
import { existing, isAfter, requireCents, requireReason, requireStatus } from '../proposal.guards.js';
import { type ProposalState, requestedCents } from '../proposal.state.js';
import type { SubmissionFrame } from '../submit-proposal/submit-proposal.command.js';

export class AmendOwnProposal {
  readonly type = 'AmendOwnProposal' as const;
  constructor(readonly data: {
    proposalId: string;
    /** The caller's subject; only the plan's submitter may amend it. */
    submitterRef: string;
    title: string;
    summary: string;
    costEstimate: CostEstimate;
    reason: string;
    at: string;
    /** The round's intake as it is now, read by the handler. */
    frame: SubmissionFrame;
  }) {}
}

/**
 * The submitter's new version, until the intake deadline: while the round takes plans and its
 * schedule's closing day is not over. A plan the reviewers sent back for revision may be amended
 * after the deadline too: that is what they asked for.
 */
export function amendOwnProposal(command: AmendOwnProposal, state: ProposalState): ProposalAmended[] {
  const { proposalId, submitterRef, title, summary, costEstimate, at, frame } = command.data;
  const plan = existing(state, proposalId);
  if (plan.submitterRef !== submitterRef) throw new ProposalNotSubmitterError('Only the resident who submitted this plan may amend it', { proposalId });
  requireStatus(plan, ['awaiting_moderation', 'submitted', 'revision_requested'], 'be amended', ProposalNotAmendableError);
  if (plan.status !== 'revision_requested' && (!frame.acceptsSubmissions || (frame.intakeClosesAt !== null && isAfter(at, frame.intakeClosesAt)))) {
    throw new ProposalIntakeClosedError('The intake deadline of this round has passed', { roundId: plan.roundId, closesAt: frame.intakeClosesAt });
  }
  const reason = requireReason(command.data.reason);
  requireCents(costEstimate.investmentCents, 'costEstimate.investmentCents');
  requireCents(costEstimate.maintenancePerYearCents, 'costEstimate.maintenancePerYearCents');
  requireCents(costEstimate.maintenanceYears, 'costEstimate.maintenanceYears');
  const version = { number: plan.versions.length + 1, title, summary, costEstimate, at };
  const requested = requestedCents(version);
  if ((frame.minAmountCents !== null && requested < frame.minAmountCents) || (frame.maxAmountCents !== null && requested > frame.maxAmountCents)) {
    throw new ProposalAmountOutOfRangeError('The plan asks for an amount outside the frame', { requestedCents: requested, minAmountCents: frame.minAmountCents, maxAmountCents: frame.maxAmountCents });
  }
  return [{ type: 'ProposalAmended', data: { proposalId, version, reason } }];
}
