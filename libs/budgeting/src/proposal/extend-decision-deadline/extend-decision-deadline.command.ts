import type { ProposalDecisionDeadlineExtended } from '../proposal.events.js';
import {
  ProposalDeadlineAlreadyExtendedError,
  ProposalDecisionDeadlinePassedError,
  ProposalInvalidExtensionError,
  ProposalNoDecisionDeadlineError,
} from '../proposal.errors.js';
import { amsterdamDate, statutoryDeadline } from '../proposal.deadlines.js';
import { existing, isAfter, requireReason, requireStatus } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

export class ExtendDecisionDeadline {
  readonly type = 'ExtendDecisionDeadline' as const;
  constructor(readonly data: { proposalId: string; /** null: the longest extension the frame allows. */ extensionDays: number | null; reason: string; at: string }) {}
}

/** Awb 4:14: once, before the deadline passes, for at most the period the frame's regulation sets; counted on from the last day in force, then extended by the Atw. */
export function extendDecisionDeadline(command: ExtendDecisionDeadline, state: ProposalState): ProposalDecisionDeadlineExtended[] {
  const { proposalId, at } = command.data;
  const plan = existing(state, proposalId);
  if (plan.intake.kind === 'round') throw new ProposalNoDecisionDeadlineError('Only initiatievenfonds applications have a decision deadline', { proposalId });
  requireStatus(plan, ['submitted', 'revision_requested'], 'have its decision deadline extended');
  if (plan.deadlineExtended) throw new ProposalDeadlineAlreadyExtendedError('The decision deadline was already extended once', { decisionDeadline: plan.intake.decisionDeadline });
  if (isAfter(at, plan.intake.decisionDeadline)) throw new ProposalDecisionDeadlinePassedError('The decision deadline has passed', { decisionDeadline: plan.intake.decisionDeadline });
  const { maxExtensionDays } = plan.intake;
  const extensionDays = command.data.extensionDays ?? maxExtensionDays;
  if (!Number.isSafeInteger(extensionDays) || extensionDays < 1 || extensionDays > maxExtensionDays) {
    throw new ProposalInvalidExtensionError(`An extension is 1 to ${maxExtensionDays} days`, { maxExtensionDays });
  }
  const reason = requireReason(command.data.reason);
  const previousDeadline = plan.intake.decisionDeadline;
  return [{ type: 'ProposalDecisionDeadlineExtended', data: { proposalId, previousDeadline, newDeadline: statutoryDeadline(amsterdamDate(previousDeadline), extensionDays), reason, at } }];
}
