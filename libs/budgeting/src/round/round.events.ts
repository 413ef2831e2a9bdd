import { streamName } from '@lib/es';
import type { DomainEvent, StoreChainHead } from '@lib/es';
import type { AreaAmount, FrameForm, IntakeRules, LegalRegime, PlanCriterion } from '../budget/budget.events.js';
import type { AppealRoute, ProposalObjectionDecided } from '../proposal/proposal.events.js';

export const ROUND_CATEGORY = 'Round';

export function roundStream(roundId: string): string {
  return streamName(ROUND_CATEGORY, roundId);
}

export const ROUND_PHASES = [
  'planned',
  'submission',
  'support',
  'feasibility',
  'preselection',
  'voting',
  'counting',
  'deliberation',
  'adoption',
  'implementation',
  'intake',
  'closed',
] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

/** Who decides which plans go ahead in a wijk/dorpsbudget round: the residents by vote, or the residents' body. */
export type DecidedBy = 'vote' | 'residents-body';

export interface ScheduledPhase {
  phase: RoundPhase;
  /** ISO dates (YYYY-MM-DD). */
  opensOn: string;
  closesOn?: string;
}

/** Unspent money of an earlier year that stays with the area (wijk/dorpsbudget carry-over). */
export interface CarryOver {
  areaCode: string;
  amountCents: number;
  fromYear: number;
}

/**
 * What the round takes from the budget's frame version it runs under. Recorded in the round's own
 * events, so the round replays and recounts from its stream alone.
 */
export interface RoundFrame {
  version: number;
  form: FrameForm;
  /** The frame amount plus any carry-over. */
  ceilingCents: number;
  /** Per-area pots (allocation plus carry-over); empty when the round spends one pot. */
  areaCeilings: AreaAmount[];
  criteria: PlanCriterion[];
  regime: LegalRegime | null;
  intake: IntakeRules | null;
  hasBallot: boolean;
  carryOverMaxYears: number | null;
  /** Present (`manual`) only when the frame asks staff to record each plan's selection; absent: the adoption marks them. */
  selection?: 'manual';
}

/** A decision behind a round step: the council, the college, or the residents' body of a delegated budget. */
export interface RoundDecision {
  body: 'council' | 'college' | 'residents-body';
  number: string;
  date: string;
}

export interface Winner {
  proposalId: string;
  amountCents: number;
  areaCode: string | null;
}

/** Why a plan was or was not selected, as the counting produced it (plain data). */
export interface PlanOutcome {
  proposalId: string;
  selected: boolean;
  explanation: string;
  votes?: number;
  details?: Record<string, unknown>;
}

export type RoundPlanned = DomainEvent<
  'RoundPlanned',
  {
    roundId: string;
    budgetId: string;
    title: string;
    year: number;
    decidedBy: DecidedBy | null;
    /** The phases this round goes through, in order; fixed at planning. */
    pipeline: RoundPhase[];
    schedule: ScheduledPhase[];
    carryOver: CarryOver[];
    intakeDates: string[];
    frame: RoundFrame;
    plannedAt: string;
  }
>;

/** The council amended the frame before the round's rules were frozen: the round runs under the new version. */
export type RoundFollowedFrameAmendment = DomainEvent<'RoundFollowedFrameAmendment', { roundId: string; fromVersion: number; frame: RoundFrame; at: string }>;

export type RoundPhaseAdvanced = DomainEvent<
  'RoundPhaseAdvanced',
  { roundId: string; from: RoundPhase; to: RoundPhase; reason: string; decision: RoundDecision | null; at: string }
>;

/** The round was stopped before its result was adopted, on a decision; its phase moved to `closed` in the same append. */
export type RoundCancelled = DomainEvent<'RoundCancelled', { roundId: string; from: RoundPhase; reason: string; decision: RoundDecision; at: string }>;

/** The criteria in force when submission (or intake) opened: the only ones a feasibility verdict may use. */
export type SubmissionOpened = DomainEvent<'SubmissionOpened', { roundId: string; frameVersion: number; criteria: PlanCriterion[]; at: string }>;

/** Voting (or the residents' body's deliberation) opened: the round's frame version is fixed from here on. */
export type RoundRulesFrozen = DomainEvent<'RoundRulesFrozen', { roundId: string; frameVersion: number; at: string }>;

/**
 * The grant decision a commitment was made for (a beschikking decided on the plan at `proposalRevision`):
 * the `grant-recorder` reactor records it on the plan, or releases the commitment when the plan refuses.
 */
export interface CommittedGrant {
  /** The plan's revision the grant was decided on; the grant is recorded at it or not at all. */
  proposalRevision: number;
  decisionReference: string;
  decisionDate: string;
  appeal: AppealRoute;
  reason: string;
  /** A revised grant on an objection: the decision on the objection it follows from (recorded on the plan with it), and the whole new amount (the commitment is the raise). */
  objection?: ProposalObjectionDecided['data'];
  grantedTotalCents?: number;
}

export type FundsCommitted = DomainEvent<
  'FundsCommitted',
  {
    roundId: string;
    proposalId: string;
    amountCents: number;
    areaCode: string | null;
    committedCents: number;
    at: string;
    /** Set when the commitment is a grant still to be recorded on the plan (absent on older events and on manual commitments). */
    grant?: CommittedGrant;
  }
>;

export type FundsReleased = DomainEvent<
  'FundsReleased',
  {
    roundId: string;
    proposalId: string;
    amountCents: number;
    areaCode: string | null;
    committedCents: number;
    reason: string;
    at: string;
    /** The id of the event the release follows from (a plan's closure, a repayment, an unrecorded grant's commitment): released once per cause. Absent on manual releases and older events. */
    cause?: string;
  }
>;

/** A tie the declared tie-break decided during the count. */
export interface CountTieBreak {
  pot: string;
  step: string;
  contenders: string[];
  chosen: string;
  decidedBy: string;
}

/**
 * How a result decided by vote was counted, by the server from the ballot events, with the rule
 * frozen in the ballot box. Money figures are exact strings in the counting unit (`countingUnitCents`).
 */
export interface ResultCount {
  ballots: number;
  rule: string;
  /** The frame's declared keys, then `project-id`, so the count never depends on storage order. */
  tieBreak: string[];
  seed: string | null;
  countingUnitCents: number;
  currency: string;
  budget: string;
  cost: string;
  leftover: string;
  /** Voters reached, funded plans per voter, money per area and theme (@lib/tally's figures). */
  fairness: Record<string, unknown>;
  tieBreaks: CountTieBreak[];
  /** Per pot (city-wide, each area): budget, winners, cost, leftover, and the Equal Shares figures. */
  pots: Record<string, unknown>[];
  /** Plain Equal Shares that left money unspent: what add1 and add1u would select (@lib/tally's `completions`). */
  completions?: Record<string, unknown>[];
}

/**
 * `basis` says where the result comes from: `count` (the server counted the ballots; `count` holds
 * how) or `decision` (the residents' body decided; `decision` holds its reference). Results published
 * before this field existed were taken as data and carry neither.
 */
export type ResultPublished = DomainEvent<
  'ResultPublished',
  {
    roundId: string;
    frameVersion: number;
    winners: Winner[];
    explanation: PlanOutcome[];
    totalCents: number;
    basis?: 'count' | 'decision';
    count?: ResultCount | null;
    decision?: RoundDecision | null;
    reason?: string | null;
    at: string;
  }
>;

export type ResultAdopted = DomainEvent<'ResultAdopted', { roundId: string; decision: RoundDecision | null; reason: string; at: string }>;

export type ResultCorrected = DomainEvent<
  'ResultCorrected',
  { roundId: string; correction: number; winners: Winner[]; explanation: PlanOutcome[]; totalCents: number; reason: string; decision: RoundDecision; at: string }
>;

/**
 * A digest over every event of the round up to `upTo` (the `$all` position, inclusive), taken at a
 * phase change or at adoption so the council can publish it; `phase` is absent for a seal taken
 * outside a phase change.
 */
export type RoundSealed = DomainEvent<
  'RoundSealed',
  {
    roundId: string;
    digest: string;
    upTo: string;
    streams: number;
    events: number;
    sealedAt: string;
    phase?: string;
    /** The head of the store-wide chain when the round was sealed: the link that covers `upTo` (absent on seals from before the chain). */
    storeChain?: StoreChainHead;
  }
>;

export type RoundEvent =
  | RoundPlanned
  | RoundFollowedFrameAmendment
  | RoundPhaseAdvanced
  | RoundCancelled
  | SubmissionOpened
  | RoundRulesFrozen
  | FundsCommitted
  | FundsReleased
  | ResultPublished
  | ResultAdopted
  | ResultCorrected
  | RoundSealed;

export const ROUND_EVENT_TYPES: RoundEvent['type'][] = [
  'RoundPlanned',
  'RoundFollowedFrameAmendment',
  'RoundPhaseAdvanced',
  'RoundCancelled',
  'SubmissionOpened',
  'RoundRulesFrozen',
  'FundsCommitted',
  'FundsReleased',
  'ResultPublished',
  'ResultAdopted',
  'ResultCorrected',
  'RoundSealed',
];
