import type { CostEstimate, ProposalAmended } from '../proposal.events.js';
import { ProposalNotAmendableError } from '../proposal.errors.js';
import { existing, requireCents, requireReason, requireStatus } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

export class AmendProposal {
  readonly type = 'AmendProposal' as const;
  constructor(readonly data: { proposalId: string; title: string; summary: string; costEstimate: CostEstimate; reason: string; at: string }) {}
}

/** A new version; earlier ones, the original first, stay in the stream and in state. */
export function amendProposal(command: AmendProposal, state: ProposalState): ProposalAmended[] {
  const { proposalId, title, summary, costEstimate, at } = command.data;
  const plan = existing(state, proposalId);
  requireStatus(plan, ['submitted', 'revision_requested'], 'be amended', ProposalNotAmendableError);
  const reason = requireReason(command.data.reason);
  requireCents(costEstimate.investmentCents, 'costEstimate.investmentCents');
  requireCents(costEstimate.maintenancePerYearCents, 'costEstimate.maintenancePerYearCents');
  requireCents(costEstimate.maintenanceYears, 'costEstimate.maintenanceYears');
  return [{ type: 'ProposalAmended', data: { proposalId, version: { number: plan.versions.length + 1, title, summary, costEstimate, at }, reason } }];
}
