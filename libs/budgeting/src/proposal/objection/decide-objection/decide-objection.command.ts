import type { AppealRoute, ObjectionOutcome, ProposalGranted, ProposalObjectionDecided, RevisedGrant } from '../../proposal.events.js';
import {
  ObjectionHearingRequiredError,
  ObjectionLatenessNotJudgedError,
  ObjectionRevisionNotAllowedError,
  ObjectionRevisionRequiredError,
  ObjectionSkipGroundMismatchError,
  ObjectionTermPassedError,
  ObjectionWorseOffError,
  ProposalGrantExceedsRequestError,
} from '../../proposal.errors.js';
import { existing, isAfter, requireCents, requireReason } from '../../proposal.guards.js';
import { currentVersion, type ExistingProposal, type ProposalState, requestedCents } from '../../proposal.state.js';
import { requireDateFrom, requireUndecided } from '../objection.rules.js';

/** Beroep (Awb 8:1, 6:7): to the court, within six weeks. */
export const DEFAULT_BEROEP: AppealRoute = { route: 'beroep', periodWeeks: 6, addressedTo: 'de rechtbank' };

/** The decision on the objection (beslissing op bezwaar). */
export class DecideObjection {
  readonly type = 'DecideObjection' as const;
  constructor(readonly data: {
    proposalId: string;
    outcome: ObjectionOutcome;
    decisionReference: string;
    /** YYYY-MM-DD, the date on the decision. */
    decisionDate: string;
    /** Gegrond only: the decision taken in place of the contested one. */
    revised: RevisedGrant | null;
    beroep: AppealRoute;
    reason: string;
    at: string;
  }) {}
}

/** Which outcome a 7:3 ground of skipping the hearing leaves open. */
const OUTCOME_OF_SKIP = { 'kennelijk-niet-ontvankelijk': 'niet-ontvankelijk', 'kennelijk-ongegrond': 'ongegrond', 'volledig-tegemoetgekomen': 'gegrond', afgezien: null } as const;

/**
 * Awb 7:11: reconsidered on the grounds, after the hearing (7:2) or a recorded ground to skip it
 * (7:3); a late objection is decided on its merits only when its lateness was excusable (6:11).
 * Gegrond revokes the contested decision and takes a revised one that leaves the objector no worse
 * off; the reasons are required (7:12). A decision after the term is still taken, and records the
 * term it missed.
 */
export function decideObjection(command: DecideObjection, state: ProposalState): ProposalObjectionDecided[] {
  const { proposalId, outcome, decisionReference, decisionDate, revised, beroep, at } = command.data;
  const plan = existing(state, proposalId);
  const objection = requireUndecided(plan);
  requireDateFrom(decisionDate, 'decisionDate', at, objection.receivedOn, 'the objection was received');
  if (!objection.inTime) {
    if (objection.latenessExcusable === null) throw new ObjectionLatenessNotJudgedError('The objection came late: judge whether that is excusable first (Awb 6:11)', { receivedOn: objection.receivedOn, termEndsOn: objection.termEndsOn });
    if (!objection.latenessExcusable && outcome !== 'niet-ontvankelijk') {
      throw new ObjectionTermPassedError('The objection came after its term and the lateness is not excusable: it is niet-ontvankelijk', { receivedOn: objection.receivedOn, termEndsOn: objection.termEndsOn });
    }
  }
  const { hearing } = objection;
  if (hearing.status === 'none' || hearing.status === 'scheduled') throw new ObjectionHearingRequiredError('Hear the objector first, or record why the hearing is skipped (Awb 7:2, 7:3)', { hearing: hearing.status });
  if (hearing.status === 'skipped') {
    const fits = OUTCOME_OF_SKIP[hearing.ground];
    if (fits !== null && fits !== outcome) throw new ObjectionSkipGroundMismatchError(`The hearing was skipped as ${hearing.ground}: the outcome is ${fits}`, { ground: hearing.ground, outcome });
  }
  if (outcome === 'gegrond' && revised === null) throw new ObjectionRevisionRequiredError('Gegrond revokes the beschikking: give the decision taken in its place', { field: 'revised' });
  if (outcome !== 'gegrond' && revised !== null) throw new ObjectionRevisionNotAllowedError('Only a gegrond objection takes a revised decision', { field: 'revised', outcome });
  if (revised !== null) requireBetterGrant(plan, revised);
  const reason = requireReason(command.data.reason);
  const late = isAfter(at, objection.decisionDueBy) ? { decidedAfterTerm: objection.decisionDueBy } : {};
  const revokes = outcome === 'gegrond' ? objection.contestedDecision : null;
  return [{ type: 'ProposalObjectionDecided', data: { proposalId, objectionId: objection.objectionId, outcome, decisionReference, decisionDate, revokes, revised, beroep, reason, at, ...late } }];
}

/** No reformatio in peius: the revised grant is above what the beschikking gave, and within what the plan asks. */
function requireBetterGrant(plan: ExistingProposal, revised: RevisedGrant): void {
  requireCents(revised.amountCents, 'revised.amountCents', { positive: true });
  const before = plan.beschikking?.granted === true ? plan.beschikking.amountCents : 0;
  if (revised.amountCents <= before) throw new ObjectionWorseOffError('The revised grant must be above the contested one', { amountCents: revised.amountCents, contestedCents: before });
  const requested = requestedCents(currentVersion(plan));
  if (revised.amountCents > requested) throw new ProposalGrantExceedsRequestError('A grant cannot exceed what the plan asks for', { amountCents: revised.amountCents, requestedCents: requested });
}

/** What the round commits for a revised grant: the raise over the contested grant (all of it after a refusal). */
export function revisedCommitmentCents(plan: ExistingProposal, revised: RevisedGrant): number {
  return revised.amountCents - (plan.beschikking?.granted === true ? plan.beschikking.amountCents : 0);
}

/** The revised grant as the plan records it: the grant's own event, so payments and the ceiling follow the new amount. */
export function revisedGrant(plan: ExistingProposal, decided: ProposalObjectionDecided, commitment: string): ProposalGranted {
  const { proposalId, objectionId, decisionReference, decisionDate, beroep, reason, at, revised } = decided.data;
  return { type: 'ProposalGranted', data: { proposalId, roundId: plan.roundId, amountCents: revised!.amountCents, decisionReference, decisionDate, appeal: beroep, reason, at, commitment, onObjection: objectionId } };
}
