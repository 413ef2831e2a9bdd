import type { ProposalSupportWithdrawn } from '../proposal.events.js';
import { ProposalSupportClosedError, ProposalSupportNotGivenError } from '../proposal.errors.js';
import { existing, requireStatus } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

export class WithdrawSupport {
  readonly type = 'WithdrawSupport' as const;
  constructor(readonly data: {
    proposalId: string;
    /** Pseudonym of the resident taking back their support. */
    supporterRef: string;
    /** Whether the round collects support now, read by the handler. */
    supportOpen: boolean;
    at: string;
  }) {}
}

/** While support is collected, a resident may take back their own support; a threshold already reached stays reached. */
export function withdrawSupport(command: WithdrawSupport, state: ProposalState): ProposalSupportWithdrawn[] {
  const { proposalId, supporterRef, at } = command.data;
  const plan = existing(state, proposalId);
  if (!command.data.supportOpen) throw new ProposalSupportClosedError('The round does not collect support now', { roundId: plan.roundId });
  requireStatus(plan, ['submitted', 'revision_requested'], 'have support withdrawn', ProposalSupportClosedError);
  if (!plan.supporters.includes(supporterRef)) throw new ProposalSupportNotGivenError('This resident does not support the plan', { proposalId });
  return [{ type: 'ProposalSupportWithdrawn', data: { proposalId, supporterRef, supportCount: plan.supporters.length - 1, at } }];
}
