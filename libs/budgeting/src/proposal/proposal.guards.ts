import { ProposalInvalidAmountError, ProposalNotFoundError, ProposalReasonRequiredError, ProposalWrongStatusError } from './proposal.errors.js';
import type { ExistingProposal, ProposalState, ProposalStatus } from './proposal.state.js';

export function existing(state: ProposalState, proposalId: string): ExistingProposal {
  if (!state.exists) throw new ProposalNotFoundError(`Plan ${proposalId} does not exist`, { proposalId });
  return state;
}

export function requireReason(reason: string | undefined): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length === 0) throw new ProposalReasonRequiredError('This decision needs a reason');
  return trimmed;
}

export function requireStatus(state: ExistingProposal, allowed: readonly ProposalStatus[], what: string, ErrorClass: new (message: string, details?: Record<string, unknown>) => Error = ProposalWrongStatusError): void {
  if (!allowed.includes(state.status)) {
    throw new ErrorClass(`A plan that is ${state.status.replaceAll('_', ' ')} cannot ${what}`, { status: state.status, allowed });
  }
}

export function requireCents(value: number, field: string, options: { positive?: boolean } = {}): void {
  if (!Number.isSafeInteger(value) || value < 0 || (options.positive === true && value === 0)) {
    throw new ProposalInvalidAmountError(`${field} must be a whole number of euro cents${options.positive === true ? ' above zero' : ''}`, { field });
  }
}

export function isAfter(nowIso: string, deadlineIso: string): boolean {
  return new Date(nowIso).getTime() > new Date(deadlineIso).getTime();
}

/** The amount granted; 0 before a grant. */
export function grantedCents(plan: ExistingProposal): number {
  return plan.grant?.amountCents ?? 0;
}
