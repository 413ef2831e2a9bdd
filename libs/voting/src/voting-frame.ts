import type { BudgetFrame } from '@lib/budgeting';
import type { BallotPlan, PaperPrecedence, VotingFrame } from './ballot-box/ballot-box.events.js';

export type { BallotPlan, Eligibility, PaperPrecedence, VotingFrame } from './ballot-box/ballot-box.events.js';

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
