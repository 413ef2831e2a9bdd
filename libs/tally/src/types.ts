import type { Money, Rational } from './rational.js';

/** A plan on the ballot. Cost 999999999 (the Pabulib sentinel) marks a plan that cannot be carried out. */
export interface ProjectInput {
  id: string;
  cost: Money;
  area?: string;
  theme?: string;
  name?: string;
}

/** Approval ballot: the plans the voter supports. */
export interface ApprovalBallot {
  type: 'approval';
  choices: readonly string[];
  weight?: number;
  area?: string;
}

/** Choose-one ballot: exactly one plan. */
export interface ChooseOneBallot {
  type: 'choose-1';
  choices: readonly string[];
  weight?: number;
  area?: string;
}

/** Cumulative or scoring ballot: points per plan (plans with 0 points are not supported). */
export interface PointsBallot {
  type: 'cumulative' | 'scoring';
  points: Readonly<Record<string, number>>;
  weight?: number;
  area?: string;
}

/** Ranked ballot, best first; without points, Borda: rank r (0-based) gets m - r, m = max length or ranking length. */
export interface OrdinalBallot {
  type: 'ordinal';
  ranking: readonly string[];
  points?: readonly number[];
  weight?: number;
  area?: string;
}

/** Any ballot the library counts. */
export type Ballot = ApprovalBallot | ChooseOneBallot | PointsBallot | OrdinalBallot;

/** Limits a ballot must respect (Pabulib META keys). */
export interface BallotConstraints {
  minLength?: number;
  maxLength?: number;
  minSumCost?: Money;
  maxSumCost?: Money;
  minPoints?: number;
  maxPoints?: number;
  minSumPoints?: number;
  maxSumPoints?: number;
}

/** Rule names: Pabulib META names plus the variants the library offers. */
export type RuleName =
  | 'greedy'
  | 'greedy-no-skip'
  | 'greedy-threshold'
  | 'greedy-reserve'
  | 'equalshares'
  | 'equalshares/add1'
  | 'equalshares/add1u'
  | 'equalshares/add1-comparison'
  | 'phragmen';

/** Keys of the declared tie-break, applied in order. */
export type TieBreakKey = 'lowest-cost' | 'most-votes' | 'lot' | 'input-order' | 'project-id';

/** Declared tie-break: keys in order; `seed` is the lot published before counting. */
export interface TieBreak {
  order: readonly TieBreakKey[];
  seed?: string;
}

/** Options of the Equal Shares completion. */
export interface Add1Options {
  /** Stop at the first exhaustive outcome (pabutools style) instead of running until overshoot (Pabulib checker). */
  stopWhenExhaustive?: boolean;
  /** Start at floor(B/n) (Pabulib checker) or exactly B/n (pabutools). */
  start?: 'floor' | 'exact';
  /** Increment per voter per step, in money units; default 1. */
  step?: Money;
}

/** The reserve top-up of greedy-reserve. */
export interface ReserveRule {
  /** Share of the plan's cost that must be left in the budget, in percent (0 < percent <= 100). */
  percent: number;
  /** Money in the reserve; unlimited when absent. */
  amount?: Money;
}

/** A separate pot of money: an area's budget or a theme's budget. */
export interface Pot {
  budget: Money;
}

/** Everything needed to count one election. */
export interface Election {
  budget: Money;
  projects: readonly ProjectInput[];
  ballots: readonly Ballot[];
  rule: RuleName;
  tieBreak?: TieBreak;
  constraints?: BallotConstraints;
  /**
   * Minimum votes (approval) or score (points ballots) a plan needs to take part, under every rule
   * (Pabulib's min_project_score_threshold); required by greedy-threshold.
   */
  threshold?: number;
  /**
   * greedy-reserve (required): greedy without skipping; the plan it stops at is funded from a
   * reserve beside the budget when what is left covers at least `percent` of its cost (and the
   * reserve, when `amount` is given, covers the rest).
   */
  reserve?: ReserveRule;
  add1?: Add1Options;
  /** Per-area budgets; plans of these areas are counted apart, the rest from `budget` (city-wide part). */
  areaBudgets?: Readonly<Record<string, Money>>;
  /** Per-theme budgets; plans of these themes (not in a budgeted area) are counted apart. */
  themeBudgets?: Readonly<Record<string, Money>>;
  /** Currency symbol or code used in explanations. */
  currency?: string;
  /** Include each voter group's Equal Shares payments in the result (default true). */
  explainGroups?: boolean;
}

/** Why a plan was or was not funded. */
export type Reason =
  | { code: 'selected'; text: string }
  | { code: 'did-not-fit'; left: string; cost: string; text: string }
  | { code: 'below-threshold'; text: string }
  | { code: 'stopped'; text: string }
  | { code: 'mes-unaffordable'; supportersHad: string; cost: string; text: string }
  | { code: 'not-feasible'; text: string }
  | { code: 'no-support'; text: string }
  | { code: 'not-chosen'; text: string };

/** Per-plan line of the explanation. */
export interface ProjectReport {
  id: string;
  name?: string;
  area?: string;
  theme?: string;
  pot: string;
  votes: number;
  score: number;
  cost: string;
  selected: boolean;
  /** Position in the selection order (1-based), when selected. */
  rank?: number;
  /** Equal Shares: effective vote count c/q when selected (exact). */
  effectiveVotes?: string;
  reason: Reason;
}

/** A tie that the declared tie-break had to decide. */
export interface TieBreakRecord {
  pot: string;
  step: string;
  contenders: string[];
  chosen: string;
  decidedBy: TieBreakKey;
}

/** Equal Shares payments of one group of identical ballots. */
export interface GroupPayment {
  supports: string[];
  voters: number;
  /** Per voter, exact: what each voter of the group paid per funded plan. */
  paidPerVoter: Record<string, string>;
  leftPerVoter: string;
}

/** Fairness figures over all counted ballots. */
export interface Fairness {
  voters: number;
  votersWithFundedPlan: number;
  shareWithFundedPlan: string;
  averageFundedPlansPerVoter: string;
  moneyPerArea: Record<string, string>;
  moneyPerTheme: Record<string, string>;
}

/** Details of one counted pot (city-wide, area or theme). */
export interface PotResult {
  pot: string;
  budget: string;
  winners: string[];
  cost: string;
  leftover: string;
  /** Equal Shares: per-voter budget of the run that was returned. */
  finalPerVoter?: string;
  /** Equal Shares: number of Equal Shares runs (add1). */
  runs?: number;
  /** Comparison step: how many voters preferred each outcome. */
  comparison?: { preferMes: number; preferGreedy: number; chosen: 'mes' | 'greedy' };
  groups?: GroupPayment[];
  /** greedy-reserve: the top-up from the reserve, reported apart from the budget. */
  reserve?: { percent: number; amount?: string; used: string; plan?: string };
  /** What the pot's budget left unspent, and why. */
  unspent: Unspent;
}

/** Why money was left unspent in a pot. */
export type UnspentCode = 'none' | 'all-funded' | 'nothing-fits' | 'below-threshold' | 'no-support' | 'stopped' | 'equal-shares';

/** What a pot left unspent and why (`plan`: the cheapest plan that would still fit, when one does). */
export interface Unspent {
  amount: string;
  code: UnspentCode;
  text: string;
  plan?: string;
}

/** Outcome of a count. */
export interface TallyResult {
  rule: RuleName;
  winners: string[];
  cost: string;
  leftover: string;
  budget: string;
  /** greedy-reserve: money paid from the reserve, beside the budget (`cost` includes it, `leftover` does not). */
  reserveUsed?: string;
  pots: PotResult[];
  projects: ProjectReport[];
  tieBreaks: TieBreakRecord[];
  fairness: Fairness;
  /**
   * Plain Equal Shares that left money unspent: what each completion would select instead (add1
   * raises the per-voter budget while the outcome fits; add1u then fills up greedily), so the
   * unspent amount comes with the way to spend it. Absent for every other rule and when nothing is left.
   */
  completions?: Completion[];
}

/** What a completion of Equal Shares would select in place of plain Equal Shares' outcome. */
export interface Completion {
  rule: 'equalshares/add1' | 'equalshares/add1u';
  winners: string[];
  /** Winners that plain Equal Shares did not select. */
  added: string[];
  /** Plain Equal Shares' winners the completion would not select. */
  dropped: string[];
  cost: string;
  leftover: string;
  text: string;
}

/** Internal exact money type used by the rules. */
export type Exact = Rational;
