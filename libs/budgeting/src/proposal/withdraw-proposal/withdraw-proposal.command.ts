import type { ProposalWithdrawn } from '../proposal.events.js';
import { existing, requireReason, requireStatus } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

export class WithdrawProposal {
  readonly type = 'WithdrawProposal' as const;
  constructor(readonly data: { proposalId: string; reason: string; at: string }) {}
}

/** Up to selection (a resident's plan also while it awaits moderation); after a grant the way out is cancelling the implementation. */
export function withdrawProposal(command: WithdrawProposal, state: ProposalState): ProposalWithdrawn[] {
  const plan = existing(state, command.data.proposalId);
  requireStatus(plan, ['awaiting_moderation', 'submitted', 'revision_requested', 'admitted', 'selected'], 'be withdrawn');
  const reason = requireReason(command.data.reason);
  return [{ type: 'ProposalWithdrawn', data: { proposalId: plan.proposalId, reason, withdrawnAt: command.data.at } }];
}
