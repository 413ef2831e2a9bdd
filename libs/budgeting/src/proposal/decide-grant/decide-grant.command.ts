import type { AppealRoute, ProposalGranted, ProposalGrantRefused, ProposalObjectionDecided } from '../proposal.events.js';
import { DecideObjection, decideObjection, revisedGrant } from '../objection/decide-objection/decide-objection.command.js';
import { ProposalCriteriaNotMetError, ProposalDecisionDateDoesNotExistError, ProposalGrantExceedsRequestError } from '../proposal.errors.js';
import { existing, isAfter, requireCents, requireReason, requireStatus } from '../proposal.guards.js';
import { currentVersion, decisionDeadline, evolveProposal, type ExistingProposal, requestedCents, type ProposalState, unmetCriteria } from '../proposal.state.js';

/** The beschikking: the municipality's decision on the application, open to bezwaar. */
export class DecideGrant {
  readonly type = 'DecideGrant' as const;
  constructor(readonly data: {
    proposalId: string;
    granted: boolean;
    /** Ignored when refusing. */
    amountCents: number;
    decisionReference: string;
    /** YYYY-MM-DD, the date on the beschikking. */
    decisionDate: string;
    appeal: AppealRoute;
    reason: string;
    at: string;
  }) {}
}

/**
 * The (extended) statutory deadline a decision comes after, or nothing. A late beschikking is still
 * taken: the Awb (4:17) keeps the duty to decide and may owe the applicant a penalty, so it is
 * recorded with the deadline it missed rather than refused.
 */
function missedDeadline(plan: ExistingProposal, at: string): { decidedAfterDeadline: string } | Record<string, never> {
  const deadline = decisionDeadline(plan);
  return deadline !== null && isAfter(at, deadline) ? { decidedAfterDeadline: deadline } : {};
}

/** A beschikking dated on a day no calendar has (2026-02-30) would not hold up in bezwaar. */
function requireExistingDate(date: string): void {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new ProposalDecisionDateDoesNotExistError(`The decision's date ${date} does not exist`, { field: 'decisionDate', date });
  }
}

export function decideGrant(command: DecideGrant, state: ProposalState): (ProposalGranted | ProposalGrantRefused)[] {
  const { proposalId, granted, amountCents, decisionReference, decisionDate, appeal, at } = command.data;
  const plan = existing(state, proposalId);
  requireExistingDate(decisionDate);
  // An initiatievenfonds decides applications one by one; the other forms decide what the ballot selected.
  const open = plan.form === 'initiatievenfonds' ? (['submitted', 'revision_requested'] as const) : (['selected'] as const);
  requireStatus(plan, open, granted ? 'be granted' : 'be refused');
  const late = missedDeadline(plan, at);
  const reason = requireReason(command.data.reason);
  if (!granted) return [{ type: 'ProposalGrantRefused', data: { proposalId, decisionReference, decisionDate, appeal, reason, at, ...late } }];

  if (plan.form === 'initiatievenfonds') {
    // As admission does: the refusal names what is still missing, so the applicant knows what to mend.
    const unmet = unmetCriteria(plan);
    const version = currentVersion(plan).number;
    if (unmet.length > 0) throw new ProposalCriteriaNotMetError(`Every published criterion must be met by the current version; not met: ${unmet.join(', ')}`, { unmet, version });
    if (plan.status !== 'submitted') throw new ProposalCriteriaNotMetError('A revision was asked for: the current version must be judged again', { unmet, version, status: plan.status });
  }
  requireCents(amountCents, 'amountCents', { positive: true });
  const requested = requestedCents(currentVersion(plan));
  if (amountCents > requested) throw new ProposalGrantExceedsRequestError('A grant cannot exceed what the plan asks for', { amountCents, requestedCents: requested });
  return [{ type: 'ProposalGranted', data: { proposalId, roundId: plan.roundId, amountCents, decisionReference, decisionDate, appeal, reason, at, ...late } }];
}

/**
 * Records on the plan the grant the round committed the money for (sent by the `grant-recorder`
 * reactor with the commitment's id): decided as the beschikking was, and once per commitment.
 */
export class RecordGrant {
  readonly type = 'RecordGrant' as const;
  constructor(readonly data: {
    proposalId: string;
    /** The id of the round's `FundsCommitted`. */
    commitment: string;
    amountCents: number;
    decisionReference: string;
    decisionDate: string;
    appeal: AppealRoute;
    reason: string;
    at: string;
    /** A revised grant: the decision on the objection it follows from, recorded with it (decided again on the plan as it is). */
    objection?: ProposalObjectionDecided['data'];
  }) {}
}

export function recordGrant(command: RecordGrant, state: ProposalState): (ProposalGranted | ProposalObjectionDecided)[] {
  const { commitment, objection, ...decision } = command.data;
  const plan = existing(state, decision.proposalId);
  if (plan.grant?.commitment === commitment) return [];
  if (objection !== undefined) {
    const { proposalId, outcome, decisionReference, decisionDate, revised, beroep, reason, at } = objection;
    const decided = decideObjection(new DecideObjection({ proposalId, outcome, decisionReference, decisionDate, revised, beroep, reason, at }), plan);
    const after = decided.reduce(evolveProposal, plan as ProposalState) as ExistingProposal;
    return [...decided, revisedGrant(after, decided[0]!, commitment)];
  }
  const [granted] = decideGrant(new DecideGrant({ ...decision, granted: true }), plan) as ProposalGranted[];
  return [{ type: 'ProposalGranted', data: { ...granted!.data, commitment } }];
}
