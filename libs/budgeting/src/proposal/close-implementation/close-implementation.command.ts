import type { ProposalImplementationCancelled, ProposalPartlyRealised, ProposalRealised } from '../proposal.events.js';
import { existing, grantedCents, requireReason, requireStatus } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

export class CloseImplementation {
  readonly type = 'CloseImplementation' as const;
  constructor(readonly data: { proposalId: string; outcome: 'realised' | 'partly_realised' | 'cancelled'; reason: string; at: string }) {}
}

/** Closing releases to the round whatever of the grant was not spent. */
export function closeImplementation(command: CloseImplementation, state: ProposalState): (ProposalRealised | ProposalPartlyRealised | ProposalImplementationCancelled)[] {
  const { proposalId, outcome, at } = command.data;
  const plan = existing(state, proposalId);
  requireStatus(plan, outcome === 'cancelled' ? ['granted', 'implementing'] : ['implementing'], outcome === 'cancelled' ? 'be cancelled' : 'be closed as realised');
  const reason = requireReason(command.data.reason);
  const spentCents = plan.paidCents - plan.returnedCents;
  const releasedCents = grantedCents(plan) - spentCents - plan.releasedCents;
  if (outcome === 'cancelled') return [{ type: 'ProposalImplementationCancelled', data: { proposalId, releasedCents, reason, at } }];
  if (outcome === 'realised') return [{ type: 'ProposalRealised', data: { proposalId, spentCents, releasedCents, reason, at } }];
  return [{ type: 'ProposalPartlyRealised', data: { proposalId, spentCents, releasedCents, reason, at } }];
}
