import type { ProposalNotSelected, ProposalSelected } from '../proposal.events.js';
import { existing, requireReason, requireStatus } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

/** After the round's result: whether the plan is among the winners. */
export interface RecordSelection {
  type: 'RecordSelection';
  data: { proposalId: string; selected: boolean; reason: string; at: string };
}

export function recordSelection(command: RecordSelection, state: ProposalState): (ProposalSelected | ProposalNotSelected)[] {
  const { proposalId, selected, at } = command.data;
  const plan = existing(state, proposalId);
  requireStatus(plan, ['admitted'], 'be selected or passed over');
  const reason = requireReason(command.data.reason);
  return [selected ? { type: 'ProposalSelected', data: { proposalId, reason, at } } : { type: 'ProposalNotSelected', data: { proposalId, reason, at } }];
}
