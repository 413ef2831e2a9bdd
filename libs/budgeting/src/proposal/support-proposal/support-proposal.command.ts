import type { ProposalSupported, ProposalSupportThresholdReached } from '../proposal.events.js';
import { ProposalAlreadySupportedError, ProposalSupportClosedError } from '../proposal.errors.js';
import { existing, requireStatus } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

export class SupportProposal {
  readonly type = 'SupportProposal' as const;
  constructor(readonly data: {
    proposalId: string;
    /** Pseudonym of the supporting resident; each counts once. */
    supporterRef: string;
    /** From the frame, read by the handler; null: the frame asks for no support. */
    supportThreshold: number | null;
    supportOpen: boolean;
    at: string;
  }) {}
}

export function supportProposal(command: SupportProposal, state: ProposalState): (ProposalSupported | ProposalSupportThresholdReached)[] {
  const { proposalId, supporterRef, supportThreshold, at } = command.data;
  const plan = existing(state, proposalId);
  if (!command.data.supportOpen) throw new ProposalSupportClosedError('The round does not collect support now', { roundId: plan.roundId });
  requireStatus(plan, ['submitted', 'revision_requested'], 'gather support', ProposalSupportClosedError);
  if (plan.supporters.includes(supporterRef)) throw new ProposalAlreadySupportedError('This resident already supports the plan', { proposalId });
  const supportCount = plan.supporters.length + 1;
  const events: (ProposalSupported | ProposalSupportThresholdReached)[] = [{ type: 'ProposalSupported', data: { proposalId, supporterRef, supportCount, at } }];
  if (supportThreshold !== null && !plan.supportThresholdReached && supportCount >= supportThreshold) {
    events.push({ type: 'ProposalSupportThresholdReached', data: { proposalId, threshold: supportThreshold, supportCount, at } });
  }
  return events;
}
