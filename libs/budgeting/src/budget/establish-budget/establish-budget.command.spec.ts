import { describe, it, expect } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { budgetDecider } from '../budget.decider.js';
import { BudgetAlreadyEstablishedError, BudgetAllocationExceedsAmountError, BudgetDecisionDateDoesNotExistError, BudgetDecisionReferenceRequiredError, BudgetInvalidFrameError, BudgetUnknownTemplateError } from '../budget.errors.js';
import { findTemplate } from '../../templates/budget-templates.js';
import type { BudgetEvent, BudgetFrame, DecisionReference } from '../budget.events.js';
import { aBurgerbegrotingFrame, aDorpsbudgetFrame, anEstablishedBudget, BUDGET_ID, COUNCIL_DECISION, ESTABLISHED_AT } from '../testing/budget.given.js';
import { EstablishBudget } from './establish-budget.command.js';

const spec = DeciderSpecification.for(budgetDecider);
const establish = (overrides: Partial<EstablishBudget['data']> = {}) =>
  new EstablishBudget({ budgetId: BUDGET_ID, frame: aBurgerbegrotingFrame(), decision: COUNCIL_DECISION, template: null, establishedAt: ESTABLISHED_AT, ...overrides });

/** What establishing a burgerbegroting frame (€300.000 over two areas, 60/40) records, whatever its other rules. */
const burgerbegrotingEstablished = (frame: BudgetFrame): BudgetEvent => ({
  type: 'BudgetEstablished',
  data: {
    budgetId: BUDGET_ID,
    version: 1,
    frame,
    areaAmounts: [
      { areaCode: 'WK036301', amountCents: 18_000_000 },
      { areaCode: 'WK036302', amountCents: 12_000_000 },
    ],
    decision: COUNCIL_DECISION,
    template: null,
    establishedAt: ESTABLISHED_AT,
  },
});

describe('EstablishBudget', () => {
  it('establishes frame version 1 and records the per-area amounts (60/40 of €300.000)', () => {
    spec([])
      .when(establish())
      .then([burgerbegrotingEstablished(aBurgerbegrotingFrame())]);
  });

  it('computes a base-plus-per-inhabitant formula with its minimum exactly', () => {
    spec([])
      .when(establish({ frame: aDorpsbudgetFrame() }))
      .then([
        {
          type: 'BudgetEstablished',
          data: {
            budgetId: BUDGET_ID,
            version: 1,
            frame: aDorpsbudgetFrame(),
            // A: 500.000 + 2.000 × 500 = 1.500.000; B: 500.000 + 150 × 500 = 575.000 < minimum 750.000.
            areaAmounts: [
              { areaCode: 'DORP-A', amountCents: 1_500_000 },
              { areaCode: 'DORP-B', amountCents: 750_000 },
            ],
            decision: COUNCIL_DECISION,
            template: null,
            establishedAt: ESTABLISHED_AT,
          },
        },
      ]);
  });

  it('rejects a second establishment of the same budget', () => {
    spec(anEstablishedBudget()).when(establish()).thenThrows(BudgetAlreadyEstablishedError, 'BUDGET.ALREADY_ESTABLISHED');
  });

  it('rejects a frame without a complete council or college decision', () => {
    spec([])
      .when(establish({ decision: { body: 'council', number: '', date: '2025-12-11' } }))
      .thenThrows(BudgetDecisionReferenceRequiredError, 'BUDGET.DECISION_REFERENCE_REQUIRED');
    spec([])
      .when(establish({ decision: { body: 'mayor', number: 'X-1', date: '2025-12-11' } as unknown as DecisionReference }))
      .thenThrows(BudgetDecisionReferenceRequiredError, 'BUDGET.DECISION_REFERENCE_REQUIRED');
    spec([])
      .when(establish({ decision: { body: 'college', number: 'X-1', date: '30-02-2025' } }))
      .thenThrows(BudgetDecisionReferenceRequiredError, 'BUDGET.DECISION_REFERENCE_REQUIRED');
  });

  it('rejects a decision dated on a day that does not exist, as such', () => {
    for (const date of ['2025-02-30', '2025-02-29', '2025-13-01', '2025-04-31']) {
      spec([])
        .when(establish({ decision: { body: 'college', number: 'X-1', date } }))
        .thenThrows(BudgetDecisionDateDoesNotExistError, 'BUDGET.DECISION_DATE_DOES_NOT_EXIST');
    }
    const leapDay = { body: 'council', number: 'RB-2024-020', date: '2024-02-29' } as const;
    expect(budgetDecider.decide(establish({ decision: leapDay }), budgetDecider.initialState())[0]!.data).toMatchObject({ decision: leapDay });
  });

  it('rejects an inconsistent frame and names every problem by field', () => {
    const frame = aBurgerbegrotingFrame();
    frame.tally = { rule: 'greedy', tieBreak: ['lot'] };
    frame.ballot = { type: 'ordinal' };
    frame.participation = { ...frame.participation, areaCodes: ['WK999999'] };
    frame.criteria = [...frame.criteria, { id: 'max-amount', text: 'dup', kind: 'other' }];
    const error = spec([]).when(establish({ frame })).thenThrows(BudgetInvalidFrameError, 'BUDGET.INVALID_FRAME');
    expect(error.details).toEqual({
      issues: [
        { field: 'criteria.2.id', message: 'max-amount appears twice' },
        { field: 'participation.areaCodes.0', message: "WK999999 is not one of the frame's areas" },
        { field: 'ballot.rankingLength', message: 'is required by an ordinal ballot' },
        { field: 'tally.seed', message: 'a lot needs a seed published in the frame' },
      ],
    });
  });

  it('establishes a frame counted with the reserve top-up (greedy-reserve, 80% of the plan, a €50.000 reserve)', () => {
    const frame = aBurgerbegrotingFrame();
    frame.tally = { rule: 'greedy-reserve', tieBreak: ['most-votes', 'lowest-cost'], reservePercent: 80, reserveCents: 5_000_000 };
    spec([])
      .when(establish({ frame }))
      .then([burgerbegrotingEstablished(frame)]);
  });

  it('rejects greedy-reserve without its percentage, with a percentage outside 1..100 or a reserve that is not whole cents, and reserve fields under another rule', () => {
    const issuesOf = (tally: object): unknown => {
      const frame = { ...aBurgerbegrotingFrame(), tally: { tieBreak: ['most-votes' as const], ...tally } } as ReturnType<typeof aBurgerbegrotingFrame>;
      return spec([]).when(establish({ frame })).thenThrows(BudgetInvalidFrameError, 'BUDGET.INVALID_FRAME').details;
    };
    expect(issuesOf({ rule: 'greedy-reserve' })).toEqual({ issues: [{ field: 'tally.reservePercent', message: 'is required by greedy-reserve' }] });
    for (const reservePercent of [0, 101, 80.5, -5]) {
      expect(issuesOf({ rule: 'greedy-reserve', reservePercent })).toEqual({ issues: [{ field: 'tally.reservePercent', message: 'must be a whole percentage from 1 to 100' }] });
    }
    for (const reserveCents of [-1, 12.5]) {
      expect(issuesOf({ rule: 'greedy-reserve', reservePercent: 80, reserveCents })).toEqual({ issues: [{ field: 'tally.reserveCents', message: 'must be a whole number of cents ≥ 0' }] });
    }
    expect(issuesOf({ rule: 'greedy-no-skip', reservePercent: 80, reserveCents: 0 })).toEqual({
      issues: [
        { field: 'tally.reservePercent', message: 'only greedy-reserve funds from a reserve' },
        { field: 'tally.reserveCents', message: 'only greedy-reserve funds from a reserve' },
      ],
    });
  });

  it('establishes ballot rules with a minimum spend and theme quotas', () => {
    const frame = aBurgerbegrotingFrame();
    frame.ballot = { type: 'approval', minPlans: 1, costCapCents: 30_000_000, minSpendCents: 10_000_000, themeQuotas: [{ theme: 'groen', minPlans: 1 }, { theme: 'verkeer', maxPlans: 2 }] };
    spec([])
      .when(establish({ frame }))
      .then([burgerbegrotingEstablished(frame)]);
  });

  it('rejects a minimum spend above the cost cap or outside approval, and theme quotas that cannot hold', () => {
    const issuesOf = (ballot: object): unknown => {
      const frame = { ...aBurgerbegrotingFrame(), ballot } as ReturnType<typeof aBurgerbegrotingFrame>;
      return spec([]).when(establish({ frame })).thenThrows(BudgetInvalidFrameError, 'BUDGET.INVALID_FRAME').details;
    };
    expect(issuesOf({ type: 'approval', costCapCents: 1_000, minSpendCents: 2_000 })).toEqual({ issues: [{ field: 'ballot.minSpendCents', message: 'is above costCapCents' }] });
    expect(issuesOf({ type: 'approval', minSpendCents: 12.5 })).toEqual({ issues: [{ field: 'ballot.minSpendCents', message: 'must be a whole number ≥ 0' }] });
    expect(issuesOf({ type: 'cumulative', points: 10, minSpendCents: 1_000 })).toEqual({ issues: [{ field: 'ballot.minSpendCents', message: 'only an approval ballot has a minimum spend' }] });
    expect(issuesOf({ type: 'approval', themeQuotas: [{ theme: 'groen', minPlans: 3, maxPlans: 2 }, { theme: 'groen', maxPlans: 1 }, { theme: 'sport' }, { theme: '' }] })).toEqual({
      issues: [
        { field: 'ballot.themeQuotas.0.minPlans', message: 'is above maxPlans' },
        { field: 'ballot.themeQuotas.1.theme', message: 'groen has a quota already' },
        { field: 'ballot.themeQuotas.2', message: 'sets minPlans, maxPlans or both' },
        { field: 'ballot.themeQuotas.3.theme', message: 'names a theme' },
      ],
    });
  });

  it('establishes a correction window after the close of voting of 0 to 90 whole days, and refuses any other', () => {
    const frame = aBurgerbegrotingFrame();
    frame.ballot = { type: 'approval', minPlans: 1, correctionWindowDays: 7 };
    spec([]).when(establish({ frame })).then([burgerbegrotingEstablished(frame)]);
    const issuesOf = (correctionWindowDays: number): unknown => {
      const refused = { ...aBurgerbegrotingFrame(), ballot: { type: 'approval' as const, correctionWindowDays } };
      return spec([]).when(establish({ frame: refused })).thenThrows(BudgetInvalidFrameError, 'BUDGET.INVALID_FRAME').details;
    };
    for (const days of [-1, 1.5, 91]) expect(issuesOf(days)).toEqual({ issues: [{ field: 'ballot.correctionWindowDays', message: 'must be a whole number of days from 0 to 90' }] });
  });

  it('rejects an advisory regime that does not say who decides, and an initiatievenfonds without intake rules', () => {
    const advisory = { ...aBurgerbegrotingFrame(), regime: { kind: 'advisory' as const } };
    expect(spec([]).when(establish({ frame: advisory })).thenThrows(BudgetInvalidFrameError).details).toEqual({
      issues: [{ field: 'regime.adoptedBy', message: 'an advisory vote names who decides: college or council' }],
    });
    const fund = { ...aBurgerbegrotingFrame(), form: 'initiatievenfonds' as const, allocation: { kind: 'none' as const } };
    expect(spec([]).when(establish({ frame: fund })).thenThrows(BudgetInvalidFrameError).details).toEqual({
      issues: [{ field: 'intake', message: 'an initiatievenfonds needs intake rules (decision term, extension, threshold for fixed intake dates)' }],
    });
  });

  it('rejects a formula that gives the areas more than the frame amount', () => {
    const frame = { ...aDorpsbudgetFrame(), amountCents: 2_000_000 };
    const error = spec([]).when(establish({ frame })).thenThrows(BudgetAllocationExceedsAmountError, 'BUDGET.ALLOCATION_EXCEEDS_AMOUNT');
    expect(error.details).toEqual({ allocatedCents: 2_250_000, amountCents: 2_000_000 });
  });

  it('copies a template and replaces the top-level fields sent with it', () => {
    const template = findTemplate('gemeentelijk-initiatievenfonds')!;
    spec([])
      .when(establish({ frame: { title: 'Initiatievenfonds Leeuwarden', amountCents: 12_000_000 }, template: 'gemeentelijk-initiatievenfonds' }))
      .then([
        {
          type: 'BudgetEstablished',
          data: {
            budgetId: BUDGET_ID,
            version: 1,
            frame: { ...template.frame, title: 'Initiatievenfonds Leeuwarden', amountCents: 12_000_000 },
            areaAmounts: [],
            decision: COUNCIL_DECISION,
            template: 'gemeentelijk-initiatievenfonds',
            establishedAt: ESTABLISHED_AT,
          },
        },
      ]);
  });

  it('rejects an unknown template', () => {
    const error = spec([]).when(establish({ frame: {}, template: 'nope' })).thenThrows(BudgetUnknownTemplateError, 'BUDGET.UNKNOWN_TEMPLATE');
    expect(error.details).toEqual({ template: 'nope', templates: ['stadsdeel-burgerbegroting', 'gemeentelijk-initiatievenfonds', 'dorpsbudget-basis-per-inwoner'] });
  });
});
