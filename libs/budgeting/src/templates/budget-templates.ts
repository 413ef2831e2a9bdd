import type { BudgetFrame } from '../budget/budget.events.js';

/** A ready frame a municipality copies and adapts: plain data, complete and valid as it stands. */
export interface BudgetTemplate {
  name: string;
  title: string;
  description: string;
  frame: BudgetFrame;
}

const STADSDEEL_BURGERBEGROTING: BudgetTemplate = {
  name: 'stadsdeel-burgerbegroting',
  title: 'Burgerbegroting per stadsdeel (Amsterdam-style buurtbudget)',
  description:
    'A city district divides its budget over its wijken by fixed shares. Residents from 12 submit plans, gather support, the district checks feasibility, ' +
    'and residents vote with a voting code sent by post: approval of any number of plans up to the wijk budget (cost cap). ' +
    'Greedy count by votes; ties by votes, then lowest cost, then a published lot. The district committee adopts the result (advisory).',
  frame: {
    form: 'burgerbegroting',
    title: 'Buurtbudget stadsdeel',
    amountKind: 'budget',
    amountCents: 30_000_000,
    areas: [
      { code: 'WIJK-1', name: 'Wijk 1', kind: 'wijk', share: 1 },
      { code: 'WIJK-2', name: 'Wijk 2', kind: 'wijk', share: 1 },
      { code: 'WIJK-3', name: 'Wijk 3', kind: 'wijk', share: 1 },
    ],
    allocation: { kind: 'shares' },
    criteria: [
      { id: 'max-amount', text: 'A plan costs at most €50.000, including maintenance', kind: 'maximum-amount', amountCents: 5_000_000 },
      { id: 'min-amount', text: 'A plan costs at least €1.000', kind: 'minimum-amount', amountCents: 100_000 },
      { id: 'maintenance', text: 'Maintenance costs for five years count towards the amount', kind: 'maintenance-costs-counted' },
      { id: 'one-year', text: 'A plan can be carried out within one year of the vote', kind: 'feasible-within-one-year' },
      { id: 'public-benefit', text: 'A plan is for the wijk and open to everyone living there', kind: 'other' },
      { id: 'no-double-funding', text: 'A plan is not funded from another municipal budget', kind: 'no-double-funding' },
      { id: 'support', text: 'A plan has the support of at least 10 residents of the wijk', kind: 'support-threshold', supporters: 10 },
    ],
    participation: { areaCodes: ['WIJK-1', 'WIJK-2', 'WIJK-3'], minimumAge: 12, participants: ['residents'], excludedRoles: ['programme-staff'], credential: 'postal-voting-code' },
    ballot: { type: 'approval', minPlans: 1, costCapCents: 10_000_000 },
    tally: { rule: 'greedy', tieBreak: ['most-votes', 'lowest-cost', 'lot'], seed: 'replace-with-the-published-seed' },
    interimResultsPublic: false,
    regime: { kind: 'advisory', adoptedBy: 'college' },
  },
};

const INITIATIEVENFONDS: BudgetTemplate = {
  name: 'gemeentelijk-initiatievenfonds',
  title: 'Gemeentelijk initiatievenfonds',
  description:
    'A municipal subsidy scheme with a yearly ceiling (subsidieplafond), first come first served. Applications up to €5.000 are taken in continuously ' +
    'and decided within 8 weeks (extendable once by 6 weeks); larger applications wait for the fixed intake dates of the round.',
  frame: {
    form: 'initiatievenfonds',
    title: 'Initiatievenfonds',
    amountKind: 'subsidy-ceiling',
    amountCents: 25_000_000,
    areas: [{ code: 'GEMEENTE', name: 'Hele gemeente', kind: 'municipality' }],
    allocation: { kind: 'none' },
    criteria: [
      { id: 'max-amount', text: 'An application asks at most €25.000', kind: 'maximum-amount', amountCents: 2_500_000 },
      { id: 'by-residents', text: 'The initiative comes from residents or a local organisation without profit motive', kind: 'other' },
      { id: 'no-double-funding', text: 'The activity receives no other municipal subsidy', kind: 'no-double-funding' },
      { id: 'one-year', text: 'The activity takes place within one year of the grant', kind: 'feasible-within-one-year' },
    ],
    participation: { areaCodes: ['GEMEENTE'], minimumAge: 18, participants: ['residents', 'organisations'], excludedRoles: ['college-member'], credential: 'digid' },
    interimResultsPublic: true,
    intake: { decisionTermWeeks: 8, extensionWeeks: 6, fixedIntakeAboveCents: 500_000 },
  },
};

const DORPSBUDGET: BudgetTemplate = {
  name: 'dorpsbudget-basis-per-inwoner',
  title: 'Dorpsbudget: basisbedrag plus bedrag per inwoner',
  description:
    'Every village gets €5.000 plus €2 per inhabitant, at least €7.500. The dorpsraad decides how its village spends it (delegated budget); ' +
    'unspent money stays with the village for at most two years.',
  frame: {
    form: 'dorpsbudget',
    title: 'Dorpsbudgetten',
    amountKind: 'budget',
    amountCents: 10_000_000,
    areas: [
      { code: 'DORP-1', name: 'Dorp 1', kind: 'village', inhabitants: 2_400 },
      { code: 'DORP-2', name: 'Dorp 2', kind: 'village', inhabitants: 900 },
      { code: 'DORP-3', name: 'Dorp 3', kind: 'village', inhabitants: 300 },
    ],
    allocation: { kind: 'formula', baseCents: 500_000, perInhabitantCents: 200, minimumCents: 750_000 },
    criteria: [
      { id: 'for-the-village', text: 'A plan benefits the village as a whole', kind: 'other' },
      { id: 'max-amount', text: 'A plan costs at most the village\'s budget', kind: 'maximum-amount', amountCents: 2_500_000 },
      { id: 'maintenance', text: 'Maintenance is arranged by the village or counted in the amount', kind: 'maintenance-costs-counted' },
    ],
    participation: { areaCodes: ['DORP-1', 'DORP-2', 'DORP-3'], minimumAge: 16, participants: ['residents', 'organisations'], excludedRoles: [], credential: 'in-person' },
    ballot: { type: 'approval', minPlans: 1 },
    tally: { rule: 'greedy', tieBreak: ['most-votes', 'lowest-cost'] },
    interimResultsPublic: true,
    regime: { kind: 'delegated', residentsBody: 'Dorpsraad' },
    carryOver: { maxYears: 2 },
  },
};

export const BUDGET_TEMPLATES: readonly BudgetTemplate[] = [STADSDEEL_BURGERBEGROTING, INITIATIEVENFONDS, DORPSBUDGET];

/** A copy of the template, so a caller's changes never touch the shared data. */
export function findTemplate(name: string): BudgetTemplate | undefined {
  const template = BUDGET_TEMPLATES.find((t) => t.name === name);
  return template === undefined ? undefined : structuredClone(template);
}
