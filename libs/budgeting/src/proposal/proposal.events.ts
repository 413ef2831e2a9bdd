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

/** Bezwaar (Awb 6:7): six weeks from the day after the decision was sent, to the body that decided. */
export interface AppealRoute {
  route: 'bezwaar';
  periodWeeks: number;
  addressedTo: string;
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
  | ProposalMoneyReturned;

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
];
