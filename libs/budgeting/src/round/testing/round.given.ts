import type { BudgetFrame } from '../../budget/budget.events.js';
import { fold } from '@lib/es';
import { budgetDecider } from '../../budget/budget.decider.js';
import type { ExistingBudget } from '../../budget/budget.state.js';
import { aBurgerbegrotingFrame, anEstablishedBudget, BUDGET_ID } from '../../budget/testing/budget.given.js';
import type { RoundEvent, RoundFrame, RoundPhase } from '../round.events.js';
import { roundFrameOf } from '../round.frame.js';

export const ROUND_ID = 'r-2026';
export const PLANNED_AT = '2026-01-20T09:00:00.000Z';
export const BURGERBEGROTING_PIPELINE: RoundPhase[] = ['planned', 'submission', 'support', 'feasibility', 'voting', 'counting', 'adoption', 'implementation', 'closed'];

/** The round's view of a freshly established budget. */
export function aRoundFrame(frame: BudgetFrame = aBurgerbegrotingFrame()): RoundFrame {
  return roundFrameOf(fold(budgetDecider, anEstablishedBudget(frame)) as ExistingBudget);
}

export function aPlannedRound(frame: RoundFrame = aRoundFrame(), pipeline: RoundPhase[] = BURGERBEGROTING_PIPELINE): RoundEvent[] {
  return [
    {
      type: 'RoundPlanned',
      data: {
        roundId: ROUND_ID,
        budgetId: BUDGET_ID,
        title: 'Buurtbudget Oost 2026',
        year: 2026,
        decidedBy: frame.form === 'wijkbudget' || frame.form === 'dorpsbudget' ? (pipeline.includes('deliberation') ? 'residents-body' : 'vote') : null,
        pipeline,
        schedule: [],
        carryOver: [],
        intakeDates: frame.form === 'initiatievenfonds' ? ['2026-03-01', '2026-09-01'] : [],
        frame,
        plannedAt: PLANNED_AT,
      },
    },
  ];
}

const at = (i: number) => `2026-0${Math.min(9, 2 + Math.floor(i / 2))}-${i % 2 === 0 ? '01' : '15'}T08:00:00.000Z`;

/** A round walked through its pipeline up to `phase`, with the facts each step needs (criteria, freeze, result, adoption). */
export function aRoundIn(phase: RoundPhase, frame: RoundFrame = aRoundFrame(), pipeline: RoundPhase[] = BURGERBEGROTING_PIPELINE, winners = [{ proposalId: 'p-1', amountCents: 4_000_000, areaCode: 'WK036301' }]): RoundEvent[] {
  const events = aPlannedRound(frame, pipeline);
  for (let i = 1; i <= pipeline.indexOf(phase); i++) {
    const from = pipeline[i - 1]!;
    const to = pipeline[i]!;
    if (to === 'adoption') {
      events.push({
        type: 'ResultPublished',
        data: {
          roundId: ROUND_ID,
          frameVersion: frame.version,
          winners,
          explanation: winners.map((w) => ({ proposalId: w.proposalId, selected: true, explanation: 'Most votes in its wijk' })),
          totalCents: winners.reduce((s, w) => s + w.amountCents, 0),
          at: at(i),
        },
      });
    }
    if (to === 'implementation') {
      events.push({ type: 'ResultAdopted', data: { roundId: ROUND_ID, decision: { body: 'college', number: 'CB-2026-100', date: '2026-07-01' }, reason: 'College adopts the vote', at: at(i) } });
    }
    const decision = to === 'implementation' && frame.regime?.kind === 'advisory' ? { body: 'college' as const, number: 'CB-2026-100', date: '2026-07-01' } : null;
    events.push({ type: 'RoundPhaseAdvanced', data: { roundId: ROUND_ID, from, to, reason: `Schedule: ${to}`, decision, at: at(i) } });
    if (to === 'submission' || to === 'intake') events.push({ type: 'SubmissionOpened', data: { roundId: ROUND_ID, frameVersion: frame.version, criteria: frame.criteria, at: at(i) } });
    if (to === 'voting' || to === 'deliberation') events.push({ type: 'RoundRulesFrozen', data: { roundId: ROUND_ID, frameVersion: frame.version, at: at(i) } });
  }
  return events;
}
