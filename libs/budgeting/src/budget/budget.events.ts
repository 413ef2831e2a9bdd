import { type DomainEvent, streamName } from '@lib/es';

export const BUDGET_CATEGORY = 'Budget';

export function budgetStream(budgetId: string): string {
  return streamName(BUDGET_CATEGORY, budgetId);
}

export const BUDGET_FORMS = ['burgerbegroting', 'wijkbudget', 'dorpsbudget', 'initiatievenfonds'] as const;
export type FrameForm = (typeof BUDGET_FORMS)[number];

/** A council or college decision (raadsbesluit, collegebesluit) by its registration number and date. */
export interface DecisionReference {
  body: 'council' | 'college';
  number: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
}

export const AREA_KINDS = ['buurt', 'wijk', 'stadsdeel', 'village', 'municipality'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** `code`: the CBS buurt/wijk code or the municipality's own; `inhabitants` feeds an allocation formula. */
export interface FrameArea {
  code: string;
  name: string;
  kind: AreaKind;
  inhabitants?: number;
  /** Integer weight for a share allocation (e.g. basis points). */
  share?: number;
}

/**
 * How the amount is divided over the areas:
 * - `none`: one pot (areas only limit who takes part);
 * - `shares`: the amount split by integer weights, remainders to the largest fractions, ties by area code;
 * - `formula`: base + per-inhabitant amount, at least the minimum, per area; the rest stays unallocated.
 */
export type Allocation =
  | { kind: 'none' }
  | { kind: 'shares' }
  | { kind: 'formula'; baseCents: number; perInhabitantCents: number; minimumCents: number };

export const CRITERION_KINDS = [
  'maximum-amount',
  'minimum-amount',
  'maintenance-costs-counted',
  'themes',
  'feasible-within-one-year',
  'no-double-funding',
  'support-threshold',
  'other',
] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** A rule plans are checked against; published before submission opens. `id` is stable across frame versions. */
export interface PlanCriterion {
  id: string;
  text: string;
  kind: CriterionKind;
  amountCents?: number;
  themes?: string[];
  supporters?: number;
}

export const PARTICIPANT_KINDS = ['residents', 'businesses', 'organisations'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const CREDENTIALS = ['postal-voting-code', 'digid', 'in-person'] as const;
export type Credential = (typeof CREDENTIALS)[number];

/** Who may submit, support and vote. `excludedRoles` are functions (e.g. `council-member`), never persons. */
export interface Participation {
  areaCodes: string[];
  minimumAge: number;
  participants: ParticipantKind[];
  excludedRoles: string[];
  credential: Credential;
}

export const BALLOT_TYPES = ['approval', 'choose-1', 'cumulative', 'ordinal', 'scoring'] as const;
export type BallotType = (typeof BALLOT_TYPES)[number];

/** `costCapCents`: an approval ballot's plans may not cost more than this together (Amsterdam). */
/** At least `minPlans` and at most `maxPlans` of the plans a ballot names are of this theme (the plan's theme id). */
export interface ThemeQuota {
  theme: string;
  minPlans?: number;
  maxPlans?: number;
}

/**
 * `minSpendCents`: an approval ballot's plans cost at least this together (so a voter spends the
 * budget, not only picks a favourite). `themeQuotas`: per theme, how many of the plans on a ballot
 * may or must be of it. Both are absent on frames established before they existed.
 */
export interface BallotRules {
  type: BallotType;
  minPlans?: number;
  maxPlans?: number;
  costCapCents?: number;
  minSpendCents?: number;
  themeQuotas?: ThemeQuota[];
  /** cumulative: points per voter; scoring: the highest score per plan. */
  points?: number;
  /** ordinal: how many plans a voter ranks. */
  rankingLength?: number;
  /**
   * Days after the close of voting in which paper ballots may still be entered and codes still
   * checked; the round key is destroyed when they end. Absent or 0: at the close.
   */
  correctionWindowDays?: number;
}

export const TALLY_RULES = ['greedy', 'greedy-no-skip', 'greedy-threshold', 'greedy-reserve', 'equalshares', 'equalshares/add1', 'equalshares/add1-comparison', 'phragmen'] as const;
export type TallyRule = (typeof TALLY_RULES)[number];
export const TIE_BREAKS = ['lowest-cost', 'most-votes', 'lot'] as const;
export type TieBreakKey = (typeof TIE_BREAKS)[number];

/**
 * `seed`: published before counting when the lot decides ties. `thresholdVotes`: greedy-threshold's
 * minimum (any other rule leaves plans below it out too). `reservePercent`, `reserveCents`:
 * greedy-reserve (Poznań) counts greedy without skipping, then funds the plan it stopped at from a
 * reserve beside the budget when what is left covers at least `reservePercent` of its cost and the
 * reserve (`reserveCents`; unlimited when absent) covers the rest.
 */
export interface TallyRules {
  rule: TallyRule;
  tieBreak: TieBreakKey[];
  seed?: string;
  thresholdVotes?: number;
  reservePercent?: number;
  reserveCents?: number;
}

export const REGIMES = ['binding', 'advisory', 'delegated'] as const;
export type RegimeKind = (typeof REGIMES)[number];

/**
 * binding: the outcome is the distribution (verdeelsleutel); advisory: the college or council decides
 * after the vote; delegated: a residents' body (bewonersraad, dorpsraad) decides within the mandate.
 */
export interface LegalRegime {
  kind: RegimeKind;
  adoptedBy?: 'college' | 'council';
  residentsBody?: string;
}

/** Initiatievenfonds: Awb decision term per application, extendable once; above the threshold only on fixed intake dates. */
export interface IntakeRules {
  decisionTermWeeks: number;
  extensionWeeks: number;
  fixedIntakeAboveCents: number;
}

/** Wijk/dorpsbudget: unspent money stays with the area for at most `maxYears`. */
export interface CarryOverRules {
  maxYears: number;
}

/** The council frame. Every field is fixed per frame version; an amendment makes a new version. */
export interface BudgetFrame {
  form: FrameForm;
  title: string;
  /** `budget`: money to spend; `subsidy-ceiling`: the subsidieplafond of a subsidy scheme. */
  amountKind: 'budget' | 'subsidy-ceiling';
  amountCents: number;
  areas: FrameArea[];
  allocation: Allocation;
  criteria: PlanCriterion[];
  participation: Participation;
  /** Required for a burgerbegroting; a wijk/dorpsbudget needs it only for rounds decided by vote; an initiatievenfonds has no vote. */
  ballot?: BallotRules;
  tally?: TallyRules;
  interimResultsPublic: boolean;
  /** Required except for an initiatievenfonds (its applications are decided one by one by beschikking). */
  regime?: LegalRegime;
  intake?: IntakeRules;
  carryOver?: CarryOverRules;
  /**
   * How the plans learn the adopted result: `on-adoption` (the default, also when absent) marks every
   * plan on the result selected or not as the adoption is recorded; `manual`: staff record each
   * plan's selection themselves (`POST /proposals/{id}/selection`), for a council that decides plan by plan.
   */
  selection?: SelectionMode;
}

export const SELECTION_MODES = ['on-adoption', 'manual'] as const;
export type SelectionMode = (typeof SELECTION_MODES)[number];

/** Per-area amounts of a frame version, computed once and recorded so no reader recomputes them differently. */
export interface AreaAmount {
  areaCode: string;
  amountCents: number;
}

export type BudgetEstablished = DomainEvent<
  'BudgetEstablished',
  { budgetId: string; version: 1; frame: BudgetFrame; areaAmounts: AreaAmount[]; decision: DecisionReference; template: string | null; establishedAt: string }
>;

export type FrameAmended = DomainEvent<
  'FrameAmended',
  { budgetId: string; version: number; frame: BudgetFrame; areaAmounts: AreaAmount[]; decision: DecisionReference; reason: string; amendedAt: string }
>;

/** Voting (or the residents' body's deliberation) opened in a round under this version: the rules may not change under it. */
export type FrameVersionFrozen = DomainEvent<'FrameVersionFrozen', { budgetId: string; version: number; roundId: string; frozenAt: string }>;

/** The round that froze the version has its result adopted or is closed. */
export type FrameVersionReleased = DomainEvent<'FrameVersionReleased', { budgetId: string; version: number; roundId: string; releasedAt: string }>;

export type BudgetEvent = BudgetEstablished | FrameAmended | FrameVersionFrozen | FrameVersionReleased;

export const BUDGET_EVENT_TYPES: BudgetEvent['type'][] = ['BudgetEstablished', 'FrameAmended', 'FrameVersionFrozen', 'FrameVersionReleased'];
