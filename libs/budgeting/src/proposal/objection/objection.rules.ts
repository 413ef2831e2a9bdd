import { amsterdamDate } from '../proposal.deadlines.js';
import { ObjectionAlreadyDecidedError, ObjectionInvalidDateError, ObjectionNotFoundError } from '../proposal.errors.js';
import type { ExistingProposal, Objection } from '../proposal.state.js';

export function requireObjection(plan: ExistingProposal): Objection {
  if (plan.objection === null) throw new ObjectionNotFoundError(`Plan ${plan.proposalId} has no objection`, { proposalId: plan.proposalId });
  return plan.objection;
}

/** The objection while it awaits its decision (again, after a court quashed the last one). */
export function requireUndecided(plan: ExistingProposal): Objection {
  const objection = requireObjection(plan);
  if (objection.decision !== null) throw new ObjectionAlreadyDecidedError('The objection has been decided', { objectionId: objection.objectionId, decisionReference: objection.decision.decisionReference });
  return objection;
}

/** A calendar date (YYYY-MM-DD) that exists and is not after today in Amsterdam. */
export function requirePastDate(date: string, field: string, at: string): void {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new ObjectionInvalidDateError(`${field} ${date} does not exist`, { field, date });
  }
  if (date > amsterdamDate(at)) throw new ObjectionInvalidDateError(`${field} ${date} lies in the future`, { field, date });
}

/** A date that exists and is not before `earliest`. */
export function requireDateFrom(date: string, field: string, at: string, earliest: string, what: string): void {
  requirePastDate(date, field, at);
  if (date < earliest) throw new ObjectionInvalidDateError(`${field} ${date} comes before ${what} (${earliest})`, { field, date, earliest });
}
