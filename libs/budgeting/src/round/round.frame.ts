import type { AreaAmount } from '../budget/budget.events.js';
import type { ExistingBudget } from '../budget/budget.state.js';
import { currentFrameVersion } from '../budget/budget.state.js';
import type { CarryOver, DecidedBy, RoundFrame, RoundPhase } from './round.events.js';

/** The round's view of the budget's version in force (before the round's own carry-over). */
export function roundFrameOf(budget: ExistingBudget): RoundFrame {
  const { version, frame, areaAmounts } = currentFrameVersion(budget);
  return {
    version,
    form: frame.form,
    ceilingCents: frame.amountCents,
    areaCeilings: areaAmounts,
    criteria: frame.criteria,
    regime: frame.regime ?? null,
    intake: frame.intake ?? null,
    hasBallot: frame.ballot !== undefined,
    carryOverMaxYears: frame.carryOver?.maxYears ?? null,
    ...(frame.selection === 'manual' ? { selection: 'manual' as const } : {}),
  };
}

/** Adds the round's carry-over to its ceiling and to the areas it belongs to. */
export function withCarryOver(frame: RoundFrame, carryOver: readonly CarryOver[]): RoundFrame {
  if (carryOver.length === 0) return frame;
  const carried = (code: string) => carryOver.filter((c) => c.areaCode === code).reduce((sum, c) => sum + c.amountCents, 0);
  const areaCeilings: AreaAmount[] = frame.areaCeilings.map((a) => ({ areaCode: a.areaCode, amountCents: a.amountCents + carried(a.areaCode) }));
  return { ...frame, ceilingCents: frame.ceilingCents + carryOver.reduce((sum, c) => sum + c.amountCents, 0), areaCeilings };
}

/** Each form's phases, in order. A burgerbegroting may add a committee's preselection before the vote. */
export function pipelineOf(form: RoundFrame['form'], decidedBy: DecidedBy | null, preselection: boolean): RoundPhase[] {
  switch (form) {
    case 'burgerbegroting':
      return ['planned', 'submission', 'support', 'feasibility', ...(preselection ? (['preselection'] as const) : []), 'voting', 'counting', 'adoption', 'implementation', 'closed'];
    case 'initiatievenfonds':
      return ['planned', 'intake', 'closed'];
    case 'wijkbudget':
    case 'dorpsbudget':
      return decidedBy === 'residents-body'
        ? ['planned', 'submission', 'feasibility', 'deliberation', 'adoption', 'implementation', 'closed']
        : ['planned', 'submission', 'feasibility', 'voting', 'counting', 'adoption', 'implementation', 'closed'];
  }
}
