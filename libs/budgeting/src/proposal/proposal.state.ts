import type { FrameForm } from '../budget/budget.events.js';
import type { AppealRoute, HearingSkipGround, Intake, ObjectionChannel, ObjectionOutcome, ProposalEvent, ProposalVersion, RevisedGrant, VerdictOutcome } from './proposal.events.js';

export const PROPOSAL_STATUSES = [
  'awaiting_moderation',
  'moderation_refused',
  'submitted',
  'revision_requested',
  'withdrawn',
  'merged',
  'admitted',
  'refused',
  'selected',
  'not_selected',
  'granted',
  'grant_refused',
  'implementing',
  'realised',
  'partly_realised',
  'cancelled',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface Verdict {
  criterionId: string;
  outcome: VerdictOutcome;
  reason: string;
  reviewerRef: string;
  version: number;
  at: string;
}

export interface Grant {
  amountCents: number;
  decisionReference: string;
  decisionDate: string;
  appeal: AppealRoute;
  /** The round's `FundsCommitted` the grant records (null for grants recorded before reactors did). */
  commitment: string | null;
}

/** The beschikking in force on the plan (a grant or a refusal): what an objection is lodged against. */
export interface Beschikking {
  granted: boolean;
  amountCents: number;
  decisionReference: string;
  decisionDate: string;
  appeal: AppealRoute;
}

export type Hearing =
  | { status: 'none' }
  | { status: 'scheduled'; hearingAt: string; location: string; invitedAt: string }
  | { status: 'held'; heardAt: string; reportReference: string | null }
  | { status: 'skipped'; ground: HearingSkipGround; reason: string };

export interface ObjectionDecision {
  outcome: ObjectionOutcome;
  decisionReference: string;
  decisionDate: string;
  revised: RevisedGrant | null;
  beroep: AppealRoute;
  reason: string;
  at: string;
}

export interface Beroep {
  court: string;
  caseReference: string;
  lodgedOn: string;
  inTime: boolean;
  ruling: { outcome: 'gegrond' | 'ongegrond'; rulingDate: string; reason: string } | null;
}

/** A bezwaarschrift against the plan's beschikking: its terms, hearing, decision and beroep. The grounds are not here (see the grounds vault). */
export interface Objection {
  objectionId: string;
  objectorRef: string;
  channel: ObjectionChannel;
  contestedDecision: string;
  groundsDigest: string;
  receivedOn: string;
  postedOn: string | null;
  termEndsOn: string;
  inTime: boolean;
  /** Late objections only: null until staff judged the lateness (Awb 6:11). */
  latenessExcusable: boolean | null;
  advisoryCommittee: boolean;
  decisionDueBy: string;
  /** 7:10(3) allows one extension without consent. */
  extendedWithoutConsent: boolean;
  hearing: Hearing;
  /** The decision in force: null while undecided, and again after a court quashed it. */
  decision: ObjectionDecision | null;
  /** Every decision on the objection, the quashed ones too. */
  decisions: ObjectionDecision[];
  beroep: Beroep | null;
  lodgedAt: string;
}

export interface ExistingProposal {
  exists: true;
  proposalId: string;
  roundId: string;
  budgetId: string;
  form: FrameForm;
  areaId: string;
  themeId: string;
  submitterRef: string;
  submitterStaffRef: string | null;
  status: ProposalStatus;
  /** Every version, the original first; the last is current. */
  versions: ProposalVersion[];
  publishedCriteria: string[];
  intake: Intake;
  /** Set once; a second extension is refused. */
  deadlineExtended: boolean;
  submittedAt: string;
  supporters: string[];
  supportThresholdReached: boolean;
  conflictedReviewers: string[];
  /** Every verdict ever given, in order; the latest per criterion for the current version counts. */
  verdicts: Verdict[];
  absorbed: string[];
  mergedInto: string | null;
  grant: Grant | null;
  implementationStartedOn: string | null;
  paidCents: number;
  returnedCents: number;
  releasedCents: number;
  /** Resident submissions only: how moderation decided (null: staff entered the plan, or it awaits moderation). */
  moderation: Moderation | null;
  /** The last beschikking taken (null before one). */
  beschikking: Beschikking | null;
  objection: Objection | null;
}

export interface Moderation {
  admitted: boolean;
  reason: string | null;
  at: string;
}

export type ProposalState = { exists: false } | ExistingProposal;

export const initialProposalState = (): ProposalState => ({ exists: false });

export function currentVersion(state: ExistingProposal): ProposalVersion {
  return state.versions[state.versions.length - 1]!;
}

export function requestedCents(version: ProposalVersion): number {
  const { investmentCents, maintenancePerYearCents, maintenanceYears } = version.costEstimate;
  return investmentCents + maintenancePerYearCents * maintenanceYears;
}

/** The latest verdict per published criterion on the current version (absent: not yet reviewed). */
export function currentVerdicts(state: ExistingProposal): Map<string, Verdict> {
  const version = currentVersion(state).number;
  const latest = new Map<string, Verdict>();
  for (const verdict of state.verdicts) if (verdict.version === version) latest.set(verdict.criterionId, verdict);
  return latest;
}

export function allCriteriaMet(state: ExistingProposal): boolean {
  return unmetCriteria(state).length === 0;
}

/** The published criteria the current version does not meet (yet): not met, or not yet judged. */
export function unmetCriteria(state: ExistingProposal): string[] {
  const latest = currentVerdicts(state);
  return state.publishedCriteria.filter((criterion) => latest.get(criterion)?.outcome !== 'met');
}

/** The statutory decision deadline in force (initiatievenfonds), or null when the form has none. */
export function decisionDeadline(state: ExistingProposal): string | null {
  return state.intake.kind === 'round' ? null : state.intake.decisionDeadline;
}

function withObjection(state: ExistingProposal, change: (objection: Objection) => Objection): ExistingProposal {
  return state.objection === null ? state : { ...state, objection: change(state.objection) };
}

export function evolveProposal(state: ProposalState, event: ProposalEvent): ProposalState {
  if (event.type === 'ProposalSubmitted') {
    const d = event.data;
    return {
      exists: true,
      proposalId: d.proposalId,
      roundId: d.roundId,
      budgetId: d.budgetId,
      form: d.form,
      areaId: d.areaId,
      themeId: d.themeId,
      submitterRef: d.submitterRef,
      submitterStaffRef: d.submitterStaffRef,
      status: 'submitted',
      versions: [d.version],
      publishedCriteria: d.publishedCriteria,
      intake: d.intake,
      deadlineExtended: false,
      submittedAt: d.submittedAt,
      supporters: [],
      supportThresholdReached: false,
      conflictedReviewers: [],
      verdicts: [],
      absorbed: [],
      mergedInto: null,
      grant: null,
      implementationStartedOn: null,
      paidCents: 0,
      returnedCents: 0,
      releasedCents: 0,
      moderation: null,
      beschikking: null,
      objection: null,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'ProposalAmended':
      return { ...state, versions: [...state.versions, event.data.version], status: state.status === 'revision_requested' ? 'submitted' : state.status };
    case 'ProposalWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'ProposalSupported':
      return { ...state, supporters: [...state.supporters, event.data.supporterRef] };
    case 'ProposalSupportThresholdReached':
      return { ...state, supportThresholdReached: true };
    case 'ProposalSupportWithdrawn':
      return { ...state, supporters: state.supporters.filter((ref) => ref !== event.data.supporterRef) };
    case 'ProposalAwaitingModeration':
      return { ...state, status: 'awaiting_moderation' };
    case 'ProposalAdmittedToIntake':
      return { ...state, status: 'submitted', moderation: { admitted: true, reason: event.data.reason, at: event.data.at } };
    case 'ProposalRefusedAtIntake':
      return { ...state, status: 'moderation_refused', moderation: { admitted: false, reason: event.data.reason, at: event.data.at } };
    case 'ProposalAbsorbed':
      return { ...state, absorbed: [...state.absorbed, event.data.absorbedProposalId] };
    case 'ProposalMergedInto':
      return { ...state, status: 'merged', mergedInto: event.data.continuingProposalId };
    case 'ProposalReviewerConflictDeclared':
      return { ...state, conflictedReviewers: [...state.conflictedReviewers, event.data.reviewerRef] };
    case 'ProposalFeasibilityVerdictGiven': {
      const { criterionId, outcome, reason, reviewerRef, version, at } = event.data;
      return {
        ...state,
        verdicts: [...state.verdicts, { criterionId, outcome, reason, reviewerRef, version, at }],
        status: outcome === 'needs_revision' ? 'revision_requested' : state.status,
      };
    }
    case 'ProposalAdmittedToBallot':
      return { ...state, status: 'admitted' };
    case 'ProposalRefusedForBallot':
      return { ...state, status: 'refused' };
    case 'ProposalSelected':
      return { ...state, status: 'selected' };
    case 'ProposalNotSelected':
      return { ...state, status: 'not_selected' };
    case 'ProposalDecisionDeadlineExtended':
      return state.intake.kind === 'round' ? state : { ...state, deadlineExtended: true, intake: { ...state.intake, decisionDeadline: event.data.newDeadline } };
    case 'ProposalGranted': {
      const { amountCents, decisionReference, decisionDate, appeal, commitment } = event.data;
      // A revised grant (on an objection) raises the amount of a plan that may already be carried out.
      const status = state.status === 'grant_refused' || state.status === 'granted' || event.data.onObjection === undefined ? 'granted' : state.status;
      return { ...state, status, grant: { amountCents, decisionReference, decisionDate, appeal, commitment: commitment ?? null }, beschikking: { granted: true, amountCents, decisionReference, decisionDate, appeal } };
    }
    case 'ProposalGrantRefused': {
      const { decisionReference, decisionDate, appeal } = event.data;
      return { ...state, status: 'grant_refused', beschikking: { granted: false, amountCents: 0, decisionReference, decisionDate, appeal } };
    }
    case 'ProposalObjectionLodged': {
      const d = event.data;
      return {
        ...state,
        objection: {
          objectionId: d.objectionId,
          objectorRef: d.objectorRef,
          channel: d.channel,
          contestedDecision: d.contestedDecision,
          groundsDigest: d.groundsDigest,
          receivedOn: d.receivedOn,
          postedOn: d.postedOn,
          termEndsOn: d.termEndsOn,
          inTime: d.inTime,
          latenessExcusable: null,
          advisoryCommittee: d.advisoryCommittee,
          decisionDueBy: d.decisionDueBy,
          extendedWithoutConsent: false,
          hearing: { status: 'none' },
          decision: null,
          decisions: [],
          beroep: null,
          lodgedAt: d.at,
        },
      };
    }
    case 'ProposalObjectionLatenessJudged':
      return withObjection(state, (o) => ({ ...o, latenessExcusable: event.data.excusable }));
    case 'ProposalObjectionHearingScheduled':
      return withObjection(state, (o) => ({ ...o, hearing: { status: 'scheduled', hearingAt: event.data.hearingAt, location: event.data.location, invitedAt: event.data.at } }));
    case 'ProposalObjectionHeard':
      return withObjection(state, (o) => ({ ...o, hearing: { status: 'held', heardAt: event.data.heardAt, reportReference: event.data.reportReference } }));
    case 'ProposalObjectionHearingSkipped':
      return withObjection(state, (o) => ({ ...o, hearing: { status: 'skipped', ground: event.data.ground, reason: event.data.reason } }));
    case 'ProposalObjectionDecisionTermExtended':
      return withObjection(state, (o) => ({ ...o, decisionDueBy: event.data.newDue, extendedWithoutConsent: o.extendedWithoutConsent || !event.data.withConsent }));
    case 'ProposalObjectionDecided': {
      const { outcome, decisionReference, decisionDate, revised, beroep, reason, at } = event.data;
      const decision = { outcome, decisionReference, decisionDate, revised, beroep, reason, at };
      return withObjection(state, (o) => ({ ...o, decision, decisions: [...o.decisions, decision], beroep: null }));
    }
    case 'ProposalBeroepLodged': {
      const { court, caseReference, lodgedOn, inTime } = event.data;
      return withObjection(state, (o) => ({ ...o, beroep: { court, caseReference, lodgedOn, inTime, ruling: null } }));
    }
    case 'ProposalBeroepRuled': {
      const { outcome, rulingDate, reason, redecisionDueBy } = event.data;
      return withObjection(state, (o) => ({
        ...o,
        beroep: o.beroep === null ? null : { ...o.beroep, ruling: { outcome, rulingDate, reason } },
        ...(outcome === 'gegrond' ? { decision: null, decisionDueBy: redecisionDueBy ?? o.decisionDueBy } : {}),
      }));
    }
    case 'ProposalImplementationStarted':
      return { ...state, status: 'implementing', implementationStartedOn: event.data.startedOn };
    case 'ProposalPaymentRecorded':
      return { ...state, paidCents: event.data.paidTotalCents };
    case 'ProposalRealised':
      return { ...state, status: 'realised', releasedCents: state.releasedCents + event.data.releasedCents };
    case 'ProposalPartlyRealised':
      return { ...state, status: 'partly_realised', releasedCents: state.releasedCents + event.data.releasedCents };
    case 'ProposalImplementationCancelled':
      return { ...state, status: 'cancelled', releasedCents: state.releasedCents + event.data.releasedCents };
    case 'ProposalMoneyReturned':
      return { ...state, returnedCents: event.data.returnedTotalCents, releasedCents: state.releasedCents + event.data.releasedCents };
    default:
      return state;
  }
}
