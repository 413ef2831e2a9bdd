import type { BallotRules, BudgetFrame, TallyRules } from '@lib/budgeting';

/** A plan on the ballot, as admitted: its id, cost in cents and (optionally) its area and name for the count. */
export interface BallotPlan {
  planId: string;
  costCents: number;
  name?: string;
  area?: string;
}

/** Which ballot counts when a code was used on paper and online. Default `paper`: the signed paper slip is the stronger act. */
export type PaperPrecedence = 'paper' | 'online';

/** Who may vote: the frame's participation rules, as the voter roll applies them. */
export interface Eligibility {
  /** Empty: the whole municipality. */
  areaCodes: string[];
  minimumAge: number;
  excludedRoles: string[];
}

/**
 * The frame version a round votes under, copied into the ballot box when it is prepared so every
 * ballot, count and recount reads the same rules (the Budget stream freezes that version too).
 */
export interface VotingFrame {
  budgetId: string;
  frameVersion: number;
  ballot: BallotRules;
  tally: TallyRules;
  eligibility: Eligibility;
  budgetCents: number;
  plans: BallotPlan[];
  paperPrecedence: PaperPrecedence;
  /** Money unit the count works in, in cents: 100 counts in whole euros (as Pabulib files and the cities do). */
  countingUnitCents: number;
  currency: string;
  /** Per-area pots (the round's area ceilings): each area's plans are counted apart with its own amount. Absent or empty: one pot. */
  areaBudgets?: { areaCode: string; amountCents: number }[];
}

export interface VotingFrameOptions {
  paperPrecedence?: PaperPrecedence;
  countingUnitCents?: number;
  currency?: string;
}

/** The adapter from a Budget frame version (owned by @lib/budgeting) to what voting needs; null when the frame has no vote. */
export function votingFrameFromBudget(
  budgetId: string,
  version: { version: number; frame: BudgetFrame },
  plans: BallotPlan[],
  options: VotingFrameOptions = {},
): VotingFrame | null {
  const { frame } = version;
  if (!frame.ballot || !frame.tally) return null;
  return {
    budgetId,
    frameVersion: version.version,
    ballot: frame.ballot,
    tally: frame.tally,
    eligibility: {
      areaCodes: [...frame.participation.areaCodes],
      minimumAge: frame.participation.minimumAge,
      excludedRoles: [...frame.participation.excludedRoles],
    },
    budgetCents: frame.amountCents,
    plans,
    paperPrecedence: options.paperPrecedence ?? 'paper',
    countingUnitCents: options.countingUnitCents ?? 100,
    currency: options.currency ?? 'EUR',
  };
}
