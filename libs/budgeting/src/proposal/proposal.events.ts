import { streamName } from '@lib/es';
import type { DomainEvent } from '@lib/es';
import type { FrameForm } from '../budget/budget.events.js';

export const PROPOSAL_CATEGORY = 'Proposal';

export function proposalStream(proposalId: string): string {
  return streamName(PROPOSAL_CATEGORY, proposalId);
}

/** Integer euro cents. `maintenancePerYearCents × maintenanceYears` is the upkeep the municipality takes on. */
export interface CostEstimate {
  investmentCents: number;
  maintenancePerYearCents: number;
  maintenanceYears: number;
}

/** One version of a plan's content. Version 1 is the original; amendments add versions, none is ever replaced. */
export interface ProposalVersion {
  number: number;
  title: string;
  summary: string;
  costEstimate: CostEstimate;
  /** ISO timestamp of submission or amendment. */
  at: string;
}

/**
 * How an application enters: in a round's submission phase, or (initiatievenfonds) continuously
 * with a statutory decision deadline counted from receipt, or from the next fixed intake date for
 * applications above the frame's threshold.
 */
export type Intake =
  | { kind: 'round' }
  | { kind: 'continuous'; decisionDeadline: string; decisionPeriodDays: number; maxExtensionDays: number }
  | { kind: 'fixed-date'; intakeDate: string; decisionDeadline: string; decisionPeriodDays: number; maxExtensionDays: number };

export type VerdictOutcome = 'met' | 'not_met' | 'needs_revision';

/**
 * Bezwaar (Awb 6:7): six weeks from the day after the decision was sent, to the body that decided;
 * beroep (8:1) to the court, against a decision on an objection.
 */
export interface AppealRoute {
  route: 'bezwaar' | 'beroep';
  periodWeeks: number;
  addressedTo: string;
  /** Bezwaar only: an advisory committee (Awb 7:13) hears objections, so the decision term is twelve weeks. */
  advisoryCommittee?: boolean;
}

/** How an objection came in: through the residents' API, or on paper or by e-mail and registered by staff. */
export type ObjectionChannel = 'resident' | 'staff';

/** Awb 7:3: the grounds on which the hearing may be left out. */
export const HEARING_SKIP_GROUNDS = ['kennelijk-niet-ontvankelijk', 'kennelijk-ongegrond', 'afgezien', 'volledig-tegemoetgekomen'] as const;
export type HearingSkipGround = (typeof HEARING_SKIP_GROUNDS)[number];

/** Awb 7:11: the decision on an objection. */
export const OBJECTION_OUTCOMES = ['niet-ontvankelijk', 'ongegrond', 'gegrond'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/** A gegrond objection's revised decision (Awb 7:11(2)): a grant of this amount in place of the contested decision. */
export interface RevisedGrant {
  granted: true;
  amountCents: number;
}

export type ProposalSubmitted = DomainEvent<
  'ProposalSubmitted',
  {
    proposalId: string;
    roundId: string;
    budgetId: string;
    form: FrameForm;
    areaId: string;
    themeId: string;
    /** Opaque pseudonym of the resident; contact details live encrypted outside the event store. */
    submitterRef: string;
    /** Pseudonymous staff id when the resident is also a municipal employee (they may never review it). */
    submitterStaffRef: string | null;
    version: ProposalVersion;
    /** The criteria published before submission opened: the only ones a verdict may use. */
    publishedCriteria: string[];
    intake: Intake;
    submittedAt: string;
  }
>;

export type ProposalAmended = DomainEvent<'ProposalAmended', { proposalId: string; version: ProposalVersion; reason: string }>;

export type ProposalWithdrawn = DomainEvent<'ProposalWithdrawn', { proposalId: string; reason: string; withdrawnAt: string }>;

export type ProposalSupported = DomainEvent<'ProposalSupported', { proposalId: string; supporterRef: string; supportCount: number; at: string }>;

export type ProposalSupportThresholdReached = DomainEvent<'ProposalSupportThresholdReached', { proposalId: string; threshold: number; supportCount: number; at: string }>;

/** A resident takes back their support; `supportCount` is the count after it. A threshold already reached stays reached. */
export type ProposalSupportWithdrawn = DomainEvent<'ProposalSupportWithdrawn', { proposalId: string; supporterRef: string; supportCount: number; at: string }>;

/** Appended with `ProposalSubmitted` when a resident submits the plan themselves: staff moderate it before it is public and enters intake. */
export type ProposalAwaitingModeration = DomainEvent<'ProposalAwaitingModeration', { proposalId: string; at: string }>;

/** Moderation let the resident's plan into intake: from now on it is public, gathers support and is reviewed. */
export type ProposalAdmittedToIntake = DomainEvent<'ProposalAdmittedToIntake', { proposalId: string; version: number; reason: string | null; at: string }>;

/** Moderation refused the resident's plan (the reason says why); it never becomes public. */
export type ProposalRefusedAtIntake = DomainEvent<'ProposalRefusedAtIntake', { proposalId: string; version: number; reason: string; at: string }>;

/** On the continuing plan. */
export type ProposalAbsorbed = DomainEvent<'ProposalAbsorbed', { proposalId: string; absorbedProposalId: string; reason: string; at: string }>;

/** On the plan that stops and continues as part of another. */
export type ProposalMergedInto = DomainEvent<'ProposalMergedInto', { proposalId: string; continuingProposalId: string; reason: string; at: string }>;

export type ProposalReviewerConflictDeclared = DomainEvent<'ProposalReviewerConflictDeclared', { proposalId: string; reviewerRef: string; reason: string; at: string }>;

export type ProposalFeasibilityVerdictGiven = DomainEvent<
  'ProposalFeasibilityVerdictGiven',
  { proposalId: string; criterionId: string; outcome: VerdictOutcome; reason: string; reviewerRef: string; version: number; at: string }
>;

export type ProposalAdmittedToBallot = DomainEvent<'ProposalAdmittedToBallot', { proposalId: string; version: number; reason: string; at: string }>;

export type ProposalRefusedForBallot = DomainEvent<'ProposalRefusedForBallot', { proposalId: string; version: number; reason: string; at: string }>;

export type ProposalSelected = DomainEvent<'ProposalSelected', { proposalId: string; reason: string; at: string }>;

export type ProposalNotSelected = DomainEvent<'ProposalNotSelected', { proposalId: string; reason: string; at: string }>;

export type ProposalDecisionDeadlineExtended = DomainEvent<
  'ProposalDecisionDeadlineExtended',
  { proposalId: string; previousDeadline: string; newDeadline: string; reason: string; at: string }
>;

/** The beschikking granting the subsidy; the amount is committed against the round's ceiling first. */
export type ProposalGranted = DomainEvent<
  'ProposalGranted',
  {
    proposalId: string;
    roundId: string;
    amountCents: number;
    decisionReference: string;
    decisionDate: string;
    appeal: AppealRoute;
    reason: string;
    at: string;
    /** The id of the round's `FundsCommitted` this grant records (absent on grants recorded before reactors did). */
    commitment?: string;
    /** Only on a late beschikking: the (extended) statutory deadline it came after (Awb 4:17). */
    decidedAfterDeadline?: string;
    /** Only on a revised decision: the objection whose decision (gegrond) took it, in place of the contested one. */
    onObjection?: string;
  }
>;

/** The beschikking refusing the subsidy. */
export type ProposalGrantRefused = DomainEvent<
  'ProposalGrantRefused',
  {
    proposalId: string;
    decisionReference: string;
    decisionDate: string;
    appeal: AppealRoute;
    reason: string;
    at: string;
    /** Only on a late beschikking: the (extended) statutory deadline it came after (Awb 4:17). */
    decidedAfterDeadline?: string;
  }
>;

export type ProposalImplementationStarted = DomainEvent<'ProposalImplementationStarted', { proposalId: string; startedOn: string; at: string }>;

export type ProposalPaymentRecorded = DomainEvent<
  'ProposalPaymentRecorded',
  { proposalId: string; paymentReference: string; amountCents: number; paidTotalCents: number; at: string }
>;

/** `releasedCents` went back to the round's ceiling. */
export type ProposalRealised = DomainEvent<'ProposalRealised', { proposalId: string; spentCents: number; releasedCents: number; reason: string; at: string }>;

export type ProposalPartlyRealised = DomainEvent<'ProposalPartlyRealised', { proposalId: string; spentCents: number; releasedCents: number; reason: string; at: string }>;

export type ProposalImplementationCancelled = DomainEvent<'ProposalImplementationCancelled', { proposalId: string; releasedCents: number; reason: string; at: string }>;

export type ProposalMoneyReturned = DomainEvent<
  'ProposalMoneyReturned',
  { proposalId: string; amountCents: number; returnedTotalCents: number; releasedCents: number; reference: string; at: string }
>;

/**
 * A bezwaarschrift against the plan's beschikking (Awb 6:4). The grounds are personal: they live
 * encrypted outside the event store under the objector's key; the event holds their digest only.
 */
export type ProposalObjectionLodged = DomainEvent<
  'ProposalObjectionLodged',
  {
    proposalId: string;
    objectionId: string;
    /** The objector's pseudonym: the applicant's (the plan's submitter). */
    objectorRef: string;
    channel: ObjectionChannel;
    /** The beschikking objected to, by its registration number. */
    contestedDecision: string;
    /** SHA-256 (hex) of the grounds as stored, to show later they were not changed. */
    groundsDigest: string;
    receivedOn: string;
    /** Sent by post: the postmark date (Awb 6:9(2)); otherwise null. */
    postedOn: string | null;
    /** The last day of the objection term (Awb 6:7, 6:8, Atw). */
    termEndsOn: string;
    /** Lodged within the term (6:9); a late objection is registered and its lateness judged (6:11). */
    inTime: boolean;
    advisoryCommittee: boolean;
    /** Awb 7:10(1): the decision on the objection is due by then. */
    decisionDueBy: string;
    at: string;
  }
>;

/** Awb 6:11: staff judge whether a late objection's lateness is excusable; if not, it is niet-ontvankelijk. */
export type ProposalObjectionLatenessJudged = DomainEvent<'ProposalObjectionLatenessJudged', { proposalId: string; objectionId: string; excusable: boolean; reason: string; at: string }>;

/** Awb 7:2: the objector is invited to be heard; a second invitation replaces the first. */
export type ProposalObjectionHearingScheduled = DomainEvent<'ProposalObjectionHearingScheduled', { proposalId: string; objectionId: string; hearingAt: string; location: string; at: string }>;

export type ProposalObjectionHeard = DomainEvent<'ProposalObjectionHeard', { proposalId: string; objectionId: string; heardAt: string; reportReference: string | null; at: string }>;

export type ProposalObjectionHearingSkipped = DomainEvent<'ProposalObjectionHearingSkipped', { proposalId: string; objectionId: string; ground: HearingSkipGround; reason: string; at: string }>;

/** Awb 7:10(3) once by at most six weeks; 7:10(4) further only with the objector's consent (`withConsent`). */
export type ProposalObjectionDecisionTermExtended = DomainEvent<
  'ProposalObjectionDecisionTermExtended',
  { proposalId: string; objectionId: string; previousDue: string; newDue: string; withConsent: boolean; reason: string; at: string }
>;

/**
 * The beslissing op bezwaar (Awb 7:11, 7:12), with its reasons and the beroep route. Gegrond revokes
 * the contested decision; its revised grant follows as `ProposalGranted` (with `onObjection`).
 */
export type ProposalObjectionDecided = DomainEvent<
  'ProposalObjectionDecided',
  {
    proposalId: string;
    objectionId: string;
    outcome: ObjectionOutcome;
    decisionReference: string;
    decisionDate: string;
    /** Gegrond: the contested decision this one revokes; otherwise null. */
    revokes: string | null;
    revised: RevisedGrant | null;
    beroep: AppealRoute;
    reason: string;
    at: string;
    /** Only on a late decision: the (extended) term it came after. */
    decidedAfterTerm?: string;
  }
>;

/** Beroep at the court against the decision on the objection (Awb 8:1). */
export type ProposalBeroepLodged = DomainEvent<
  'ProposalBeroepLodged',
  { proposalId: string; objectionId: string; court: string; caseReference: string; lodgedOn: string; /** Within six weeks of the decision (the court judges it; recorded here). */ inTime: boolean; at: string }
>;

/** The court's ruling. Gegrond quashes the decision on the objection: a new one is due by `redecisionDueBy`; ongegrond makes it final. */
export type ProposalBeroepRuled = DomainEvent<
  'ProposalBeroepRuled',
  { proposalId: string; objectionId: string; caseReference: string; outcome: 'gegrond' | 'ongegrond'; rulingDate: string; redecisionDueBy: string | null; reason: string; at: string }
>;

export type ProposalEvent =
  | ProposalSubmitted
  | ProposalAmended
  | ProposalWithdrawn
  | ProposalSupported
  | ProposalSupportThresholdReached
  | ProposalSupportWithdrawn
  | ProposalAwaitingModeration
  | ProposalAdmittedToIntake
  | ProposalRefusedAtIntake
  | ProposalAbsorbed
  | ProposalMergedInto
  | ProposalReviewerConflictDeclared
  | ProposalFeasibilityVerdictGiven
  | ProposalAdmittedToBallot
  | ProposalRefusedForBallot
  | ProposalSelected
  | ProposalNotSelected
  | ProposalDecisionDeadlineExtended
  | ProposalGranted
  | ProposalGrantRefused
  | ProposalImplementationStarted
  | ProposalPaymentRecorded
  | ProposalRealised
  | ProposalPartlyRealised
  | ProposalImplementationCancelled
  | ProposalMoneyReturned
  | ProposalObjectionLodged
  | ProposalObjectionLatenessJudged
  | ProposalObjectionHearingScheduled
  | ProposalObjectionHeard
  | ProposalObjectionHearingSkipped
  | ProposalObjectionDecisionTermExtended
  | ProposalObjectionDecided
  | ProposalBeroepLodged
  | ProposalBeroepRuled;

export const PROPOSAL_EVENT_TYPES: ProposalEvent['type'][] = [
  'ProposalSubmitted',
  'ProposalAmended',
  'ProposalWithdrawn',
  'ProposalSupported',
  'ProposalSupportThresholdReached',
  'ProposalAbsorbed',
  'ProposalMergedInto',
  'ProposalReviewerConflictDeclared',
  'ProposalFeasibilityVerdictGiven',
  'ProposalAdmittedToBallot',
  'ProposalRefusedForBallot',
  'ProposalSelected',
  'ProposalNotSelected',
  'ProposalDecisionDeadlineExtended',
  'ProposalGranted',
  'ProposalGrantRefused',
  'ProposalImplementationStarted',
  'ProposalPaymentRecorded',
  'ProposalRealised',
  'ProposalPartlyRealised',
  'ProposalImplementationCancelled',
  'ProposalMoneyReturned',
  'ProposalSupportWithdrawn',
  'ProposalAwaitingModeration',
  'ProposalAdmittedToIntake',
  'ProposalRefusedAtIntake',
  'ProposalObjectionLodged',
  'ProposalObjectionLatenessJudged',
  'ProposalObjectionHearingScheduled',
  'ProposalObjectionHeard',
  'ProposalObjectionHearingSkipped',
  'ProposalObjectionDecisionTermExtended',
  'ProposalObjectionDecided',
  'ProposalBeroepLodged',
  'ProposalBeroepRuled',
];
