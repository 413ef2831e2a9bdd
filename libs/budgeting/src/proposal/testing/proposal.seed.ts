import { randomUUID } from 'node:crypto';
import { fold } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import type { BudgetFrame } from '../../budget/budget.events.js';
import { evolveBudget, type ExistingBudget, initialBudgetState } from '../../budget/budget.state.js';
import { anEstablishedBudget, aBurgerbegrotingFrame } from '../../budget/testing/budget.given.js';
import { AdvancePhase, advancePhase } from '../../round/advance-phase/advance-phase.command.js';
import { PlanRound, planRound } from '../../round/plan-round/plan-round.command.js';
import { roundFrameOf } from '../../round/round.frame.js';
import { type RoundEvent, type RoundPhase, roundStream, type ScheduledPhase } from '../../round/round.events.js';
import { evolveRound, initialRoundState, type RoundState } from '../../round/round.state.js';

/** A subsidy scheme with a €30.000 ceiling, one published criterion and the statutory eight weeks (+4). */
export function aFondsFrame(): BudgetFrame {
  return {
    form: 'initiatievenfonds',
    title: 'Initiatievenfonds',
    amountKind: 'subsidy-ceiling',
    amountCents: 3_000_000,
    areas: [{ code: 'GEMEENTE', name: 'Hele gemeente', kind: 'municipality' }],
    allocation: { kind: 'none' },
    criteria: [{ id: 'by-residents', text: 'The initiative comes from residents', kind: 'other' }],
    participation: { areaCodes: ['GEMEENTE'], minimumAge: 18, participants: ['residents'], excludedRoles: [], credential: 'digid' },
    interimResultsPublic: true,
    intake: { decisionTermWeeks: 8, extensionWeeks: 4, fixedIntakeAboveCents: 2_500_000 },
  };
}

/** A burgerbegroting whose frame restricts themes and asks 2 supporters. */
export function aBegrotingFrame(): BudgetFrame {
  const frame = aBurgerbegrotingFrame();
  return {
    ...frame,
    criteria: [
      ...frame.criteria,
      { id: 'themes', text: 'Groen of spelen', kind: 'themes', themes: ['groen', 'spelen'] },
      { id: 'support', text: 'Twee buurtbewoners steunen het plan', kind: 'support-threshold', supporters: 2 },
    ],
  };
}

/**
 * Writes a budget and a round, advanced through `phases`, straight into the store with the
 * round's own decisions: the plans' tests start from events, as every test here does.
 */
export async function seedRound(store: EventStore, options: { tenant: string; budgetId: string; roundId: string; frame: BudgetFrame; phases: RoundPhase[]; at: string; schedule?: ScheduledPhase[]; plannedAt?: string }): Promise<void> {
  const { tenant, budgetId, roundId, frame, phases, at, schedule = [], plannedAt = at } = options;
  const metadata = { tenant, actor: 'staff-admin', role: 'administrator', $correlationId: `seed-${roundId}` };
  const budgetEvents = anEstablishedBudget(frame, budgetId);
  await store.append(`Budget-${budgetId}`, budgetEvents.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as unknown as Record<string, unknown>, metadata })), { expectedRevision: 'no_stream' });
  const budget = fold({ evolve: evolveBudget, initialState: initialBudgetState }, budgetEvents) as ExistingBudget;
  const roundFrame = roundFrameOf(budget);
  const events: RoundEvent[] = planRound(
    new PlanRound({
      roundId,
      budgetId,
      title: null,
      year: 2026,
      decidedBy: null,
      preselection: false,
      schedule,
      carryOver: [],
      intakeDates: frame.form === 'initiatievenfonds' ? ['2026-09-01'] : [],
      frame: roundFrame,
      frameTitle: frame.title,
      plannedAt,
    }),
    initialRoundState(),
  );
  let state: RoundState = events.reduce(evolveRound, initialRoundState());
  for (const to of phases) {
    const next = advancePhase(new AdvancePhase({ roundId, to, reason: `Fase ${to}`, decision: null, frame: null, at }), state);
    state = next.reduce(evolveRound, state);
    events.push(...next);
  }
  await store.append(roundStream(roundId), events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as unknown as Record<string, unknown>, metadata })), { expectedRevision: 'no_stream' });
}

/** Appends round events (phase transitions, a result, its adoption) as the round would have recorded them. */
export async function appendRoundEvents(store: EventStore, options: { tenant: string; roundId: string; events: RoundEvent[] }): Promise<void> {
  const { tenant, roundId, events } = options;
  const metadata = { tenant, actor: 'staff-admin', role: 'administrator', $correlationId: `seed-${roundId}` };
  const current = await store.readStream(roundStream(roundId));
  await store.append(
    roundStream(roundId),
    events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as unknown as Record<string, unknown>, metadata })),
    { expectedRevision: current.length === 0 ? 'no_stream' : current[current.length - 1]!.revision },
  );
}

/** The phase transitions from `from` through `to`, in order, as RoundPhaseAdvanced events. */
export function phaseTransitions(roundId: string, path: RoundPhase[], at: string): RoundEvent[] {
  return path.slice(1).map((to, i) => ({ type: 'RoundPhaseAdvanced', data: { roundId, from: path[i]!, to, reason: `Fase ${to}`, decision: null, at } }));
}
