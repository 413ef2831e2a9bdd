import type { ProposalAwaitingModeration, ProposalSubmitted } from '../proposal.events.js';
import { ProposalIntakeClosedError } from '../proposal.errors.js';
import { isAfter } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';
import { type PlanSubmission, SubmitProposal, submitProposal } from '../submit-proposal/submit-proposal.command.js';

/**
 * A resident submits a plan themselves: the submitter (`submitterRef`) is the caller's subject, a
 * keyed pseudonym, and staff moderate the plan before it is public.
 */
export class SubmitOwnProposal {
  readonly type = 'SubmitOwnProposal' as const;
  constructor(readonly data: PlanSubmission) {}
}

/** The staff submission's rules, then the intake deadline of the schedule; the plan waits for moderation. */
export function submitOwnProposal(command: SubmitOwnProposal, state: ProposalState): (ProposalSubmitted | ProposalAwaitingModeration)[] {
  const { frame, at, proposalId } = command.data;
  const [submitted] = submitProposal(new SubmitProposal({ ...command.data, submitterStaffRef: null }), state);
  if (frame.intakeClosesAt !== null && isAfter(at, frame.intakeClosesAt)) {
    throw new ProposalIntakeClosedError('The intake deadline of this round has passed', { roundId: frame.roundId, closesAt: frame.intakeClosesAt });
  }
  return [submitted!, { type: 'ProposalAwaitingModeration', data: { proposalId, at } }];
}
