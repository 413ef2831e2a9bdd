import type { ProposalObjectionDecisionTermExtended } from '../../proposal.events.js';
import { ObjectionAlreadyExtendedError, ObjectionDecisionTermPassedError, ObjectionInvalidExtensionError } from '../../proposal.errors.js';
import { existing, isAfter, requireReason } from '../../proposal.guards.js';
import type { ProposalState } from '../../proposal.state.js';
import { extendedObjectionDecisionDue, MAX_OBJECTION_EXTENSION_WEEKS } from '../objection.deadlines.js';
import { requireUndecided } from '../objection.rules.js';

export class ExtendObjectionDecisionTerm {
  readonly type = 'ExtendObjectionDecisionTerm' as const;
  constructor(readonly data: { proposalId: string; weeks: number; /** 7:10(4)(a): the objector agreed to this further postponement. */ withConsent: boolean; reason: string; at: string }) {}
}

/** Awb 7:10(3): once, before the term passes, by at most six weeks; 7:10(4): further with the objector's consent. */
export function extendObjectionDecisionTerm(command: ExtendObjectionDecisionTerm, state: ProposalState): ProposalObjectionDecisionTermExtended[] {
  const { proposalId, weeks, withConsent, at } = command.data;
  const objection = requireUndecided(existing(state, proposalId));
  if (isAfter(at, objection.decisionDueBy)) throw new ObjectionDecisionTermPassedError('The term to decide on the objection has passed', { decisionDueBy: objection.decisionDueBy });
  if (!withConsent && objection.extendedWithoutConsent) throw new ObjectionAlreadyExtendedError('The term was extended once; a further postponement needs the objector\'s consent (Awb 7:10(4))', { decisionDueBy: objection.decisionDueBy });
  const max = withConsent ? 52 : MAX_OBJECTION_EXTENSION_WEEKS;
  if (!Number.isSafeInteger(weeks) || weeks < 1 || weeks > max) throw new ObjectionInvalidExtensionError(`An extension is 1 to ${max} weeks`, { maxWeeks: max });
  const reason = requireReason(command.data.reason);
  return [{ type: 'ProposalObjectionDecisionTermExtended', data: { proposalId, objectionId: objection.objectionId, previousDue: objection.decisionDueBy, newDue: extendedObjectionDecisionDue(objection.decisionDueBy, weeks), withConsent, reason, at } }];
}
