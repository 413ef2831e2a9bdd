import type { ProposalAdmittedToIntake, ProposalRefusedAtIntake } from '../proposal.events.js';
import { ProposalNotAwaitingModerationError } from '../proposal.errors.js';
import { existing, requireReason } from '../proposal.guards.js';
import { currentVersion, type ProposalState } from '../proposal.state.js';

export class ModerateProposal {
  readonly type = 'ModerateProposal' as const;
  constructor(readonly data: { proposalId: string; admitted: boolean; reason?: string | undefined; at: string }) {}
}

/** Staff let a resident's plan into intake (a reason is optional) or refuse it (the reason is required and recorded). */
export function moderateProposal(command: ModerateProposal, state: ProposalState): (ProposalAdmittedToIntake | ProposalRefusedAtIntake)[] {
  const { proposalId, admitted, at } = command.data;
  const plan = existing(state, proposalId);
  if (plan.status !== 'awaiting_moderation') {
    throw new ProposalNotAwaitingModerationError(`A plan that is ${plan.status.replaceAll('_', ' ')} does not await moderation`, { status: plan.status });
  }
  const version = currentVersion(plan).number;
  if (!admitted) return [{ type: 'ProposalRefusedAtIntake', data: { proposalId, version, reason: requireReason(command.data.reason), at } }];
  const reason = command.data.reason?.trim() ?? '';
  return [{ type: 'ProposalAdmittedToIntake', data: { proposalId, version, reason: reason === '' ? null : reason, at } }];
}
