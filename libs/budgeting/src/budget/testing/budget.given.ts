import type { BudgetEvent, BudgetFrame, DecisionReference } from '../budget.events.js';
import { allocate } from '../budget.frame.js';

export const BUDGET_ID = 'b-2026-oost';
export const ESTABLISHED_AT = '2026-01-15T10:00:00.000Z';
export const COUNCIL_DECISION: DecisionReference = { body: 'council', number: 'RB-2025-118', date: '2025-12-11' };
export const AMENDMENT_DECISION: DecisionReference = { body: 'college', number: 'CB-2026-007', date: '2026-02-03' };

/** A stadsdeel burgerbegroting with two wijken sharing €300.000 60/40 and an advisory, cost-capped approval vote. */
export function aBurgerbegrotingFrame(): BudgetFrame {
  return {
    form: 'burgerbegroting',
    title: 'Buurtbudget Oost 2026',
    amountKind: 'budget',
    amountCents: 30_000_000,
    areas: [
      { code: 'WK036301', name: 'Indische Buurt', kind: 'wijk', share: 6000 },
      { code: 'WK036302', name: 'Oostelijk Havengebied', kind: 'wijk', share: 4000 },
    ],
    allocation: { kind: 'shares' },
    criteria: [
      { id: 'max-amount', text: 'A plan costs at most €50.000', kind: 'maximum-amount', amountCents: 5_000_000 },
      { id: 'one-year', text: 'A plan can be carried out within one year', kind: 'feasible-within-one-year' },
    ],
    participation: { areaCodes: ['WK036301', 'WK036302'], minimumAge: 12, participants: ['residents'], excludedRoles: ['council-member'], credential: 'postal-voting-code' },
    ballot: { type: 'approval', minPlans: 1, costCapCents: 30_000_000 },
    tally: { rule: 'greedy', tieBreak: ['most-votes', 'lowest-cost'] },
    interimResultsPublic: false,
    regime: { kind: 'advisory', adoptedBy: 'college' },
  };
}

export function aDorpsbudgetFrame(): BudgetFrame {
  return {
    form: 'dorpsbudget',
    title: 'Dorpsbudgetten 2026',
    amountKind: 'budget',
    amountCents: 10_000_000,
    areas: [
      { code: 'DORP-A', name: 'Aldeboarn', kind: 'village', inhabitants: 2_000 },
      { code: 'DORP-B', name: 'Bears', kind: 'village', inhabitants: 150 },
    ],
    allocation: { kind: 'formula', baseCents: 500_000, perInhabitantCents: 500, minimumCents: 750_000 },
    criteria: [{ id: 'for-the-village', text: 'A plan benefits the village as a whole', kind: 'other' }],
    participation: { areaCodes: ['DORP-A', 'DORP-B'], minimumAge: 16, participants: ['residents', 'organisations'], excludedRoles: [], credential: 'in-person' },
    ballot: { type: 'choose-1' },
    tally: { rule: 'greedy', tieBreak: ['lot'], seed: 'dorpsbudget-2026' },
    interimResultsPublic: true,
    regime: { kind: 'delegated', residentsBody: 'Dorpsraad' },
    carryOver: { maxYears: 2 },
  };
}

export function anEstablishedBudget(frame: BudgetFrame = aBurgerbegrotingFrame(), budgetId = BUDGET_ID): BudgetEvent[] {
  const areaAmounts = allocate(frame);
  return [{ type: 'BudgetEstablished', data: { budgetId, version: 1, frame, areaAmounts, decision: COUNCIL_DECISION, template: null, establishedAt: ESTABLISHED_AT } }];
}

export function aFrozenBudget(roundId = 'r-2026'): BudgetEvent[] {
  return [...anEstablishedBudget(), { type: 'FrameVersionFrozen', data: { budgetId: BUDGET_ID, version: 1, roundId, frozenAt: '2026-05-01T08:00:00.000Z' } }];
}
