import type { GivenEvent } from './read-models.given.js';

export const BUDGET_ID = 'b-oost';
export const ROUND_ID = 'r-oost-2026';
export const BUDGET = `Budget-${BUDGET_ID}`;
export const ROUND = `Round-${ROUND_ID}`;

export function budgetEstablished(overrides: { interimResultsPublic?: boolean; budgetId?: string } = {}): GivenEvent {
  const budgetId = overrides.budgetId ?? BUDGET_ID;
  return {
    stream: `Budget-${budgetId}`,
    type: 'BudgetEstablished',
    data: {
      budgetId,
      version: 1,
      frame: {
        form: 'burgerbegroting',
        title: 'Buurtbudget Oost 2026',
        amountKind: 'budget',
        amountCents: 30_000_000,
        areas: [
          { code: 'BU03630000', name: 'Oosterpark', kind: 'buurt' },
          { code: 'BU03630001', name: 'Dapperbuurt', kind: 'buurt' },
        ],
        allocation: { kind: 'none' },
        criteria: [
          { id: 'c-cost', text: 'Kost hooguit € 50.000', kind: 'maximum-amount', amountCents: 5_000_000 },
          { id: 'c-feasible', text: 'Binnen een jaar uit te voeren', kind: 'feasible-within-one-year' },
        ],
        participation: { areaCodes: ['BU03630000', 'BU03630001'], minimumAge: 12, participants: ['residents'], excludedRoles: [], credential: 'postal-voting-code' },
        ballot: { type: 'approval', maxPlans: 3 },
        tally: { rule: 'greedy', tieBreak: ['lowest-cost'] },
        interimResultsPublic: overrides.interimResultsPublic ?? false,
        regime: { kind: 'binding' },
      },
      areaAmounts: [],
      decision: { body: 'council', number: 'RB-2025-118', date: '2025-12-11' },
      template: null,
      establishedAt: '2026-01-15T10:00:00.000Z',
    },
  };
}

export function roundPlanned(overrides: { roundId?: string; budgetId?: string; year?: number } = {}): GivenEvent {
  const roundId = overrides.roundId ?? ROUND_ID;
  return {
    stream: `Round-${roundId}`,
    type: 'RoundPlanned',
    data: {
      roundId,
      budgetId: overrides.budgetId ?? BUDGET_ID,
      title: 'Oost beslist 2026',
      year: overrides.year ?? 2026,
      decidedBy: 'vote',
      pipeline: ['planned', 'submission', 'feasibility', 'voting', 'counting', 'adoption', 'implementation', 'closed'],
      schedule: [
        { phase: 'submission', opensOn: '2026-03-01', closesOn: '2026-03-31' },
        { phase: 'voting', opensOn: '2026-05-01', closesOn: '2026-05-15' },
      ],
      carryOver: [],
      intakeDates: [],
      frame: {
        version: 1,
        form: 'burgerbegroting',
        ceilingCents: 30_000_000,
        areaCeilings: [],
        criteria: [],
        regime: { kind: 'binding' },
        intake: null,
        hasBallot: true,
        carryOverMaxYears: null,
      },
      plannedAt: '2026-02-01T09:00:00.000Z',
    },
  };
}

export function phaseAdvanced(from: string, to: string, at: string, roundId = ROUND_ID): GivenEvent {
  return {
    stream: `Round-${roundId}`,
    type: 'RoundPhaseAdvanced',
    data: { roundId, from, to, reason: `Volgens planning naar ${to}`, decision: null, at },
  };
}

export function planSubmitted(proposalId: string, overrides: { title?: string; costCents?: number; areaId?: string; themeId?: string; roundId?: string; at?: string } = {}): GivenEvent {
  return {
    stream: `Proposal-${proposalId}`,
    type: 'ProposalSubmitted',
    data: {
      proposalId,
      roundId: overrides.roundId ?? ROUND_ID,
      budgetId: BUDGET_ID,
      form: 'burgerbegroting',
      areaId: overrides.areaId ?? 'BU03630000',
      themeId: overrides.themeId ?? 'groen',
      submitterRef: `sub-${proposalId}`,
      submitterStaffRef: null,
      version: {
        number: 1,
        title: overrides.title ?? `Plan ${proposalId}`,
        summary: 'Meer groen in de straat',
        costEstimate: { investmentCents: overrides.costCents ?? 1_000_000, maintenancePerYearCents: 50_000, maintenanceYears: 5 },
        at: overrides.at ?? '2026-03-05T12:00:00.000Z',
      },
      publishedCriteria: ['c-cost', 'c-feasible'],
      intake: { kind: 'round' },
      submittedAt: overrides.at ?? '2026-03-05T12:00:00.000Z',
    },
  };
}

export function verdictGiven(proposalId: string, criterionId: string, outcome: 'met' | 'not_met' | 'needs_revision', reason: string): GivenEvent {
  return {
    stream: `Proposal-${proposalId}`,
    type: 'ProposalFeasibilityVerdictGiven',
    data: { proposalId, criterionId, outcome, reason, reviewerRef: 'staff-reviewer', version: 1, at: '2026-04-02T10:00:00.000Z' },
    metadata: { actor: 'staff-reviewer', role: 'reviewer', reason },
  };
}

export function proposalEvent(proposalId: string, type: string, data: object): GivenEvent {
  return { stream: `Proposal-${proposalId}`, type, data: { proposalId, ...data } };
}

export function roundEvent(type: string, data: object, roundId = ROUND_ID): GivenEvent {
  return { stream: `Round-${roundId}`, type, data: { roundId, ...data } };
}
