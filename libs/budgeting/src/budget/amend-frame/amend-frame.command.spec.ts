import { describe, it, expect } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { budgetDecider } from '../budget.decider.js';
import {
  BudgetDecisionDateDoesNotExistError,
  BudgetDecisionReferenceRequiredError,
  BudgetDecisionReferenceReusedError,
  BudgetFormChangeNotAllowedError,
  BudgetFrameFrozenError,
  BudgetInvalidFrameError,
  BudgetNotFoundError,
  BudgetReasonRequiredError,
} from '../budget.errors.js';
import type { BudgetEvent } from '../budget.events.js';
import { aBurgerbegrotingFrame, AMENDMENT_DECISION, aFrozenBudget, anEstablishedBudget, BUDGET_ID, COUNCIL_DECISION } from '../testing/budget.given.js';
import { AmendFrame } from './amend-frame.command.js';

const spec = DeciderSpecification.for(budgetDecider);
const AMENDED_AT = '2026-02-04T09:00:00.000Z';
const noDoubleFunding = { id: 'no-double-funding', text: 'A plan is not funded from another municipal budget too', kind: 'no-double-funding' as const };
const amend = (overrides: Partial<AmendFrame['data']> = {}) =>
  new AmendFrame({
    budgetId: BUDGET_ID,
    changes: { amountCents: 40_000_000, criteria: [...aBurgerbegrotingFrame().criteria, noDoubleFunding] },
    decision: AMENDMENT_DECISION,
    reason: 'The council raised the budget in the spring memorandum',
    amendedAt: AMENDED_AT,
    ...overrides,
  });

describe('AmendFrame', () => {
  it('records a new frame version with the new decision and recomputed area amounts', () => {
    spec(anEstablishedBudget())
      .when(amend())
      .then([
        {
          type: 'FrameAmended',
          data: {
            budgetId: BUDGET_ID,
            version: 2,
            frame: { ...aBurgerbegrotingFrame(), amountCents: 40_000_000, criteria: [...aBurgerbegrotingFrame().criteria, noDoubleFunding] },
            areaAmounts: [
              { areaCode: 'WK036301', amountCents: 24_000_000 },
              { areaCode: 'WK036302', amountCents: 16_000_000 },
            ],
            decision: AMENDMENT_DECISION,
            reason: 'The council raised the budget in the spring memorandum',
            amendedAt: AMENDED_AT,
          },
        },
      ]);
  });

  it('may amend again once the round that froze the version had its result adopted', () => {
    const given: BudgetEvent[] = [...aFrozenBudget('r-2026'), { type: 'FrameVersionReleased', data: { budgetId: BUDGET_ID, version: 1, roundId: 'r-2026', releasedAt: '2026-07-01T00:00:00.000Z' } }];
    const [event] = budgetDecider.decide(amend(), given.reduce(budgetDecider.evolve, budgetDecider.initialState()));
    expect(event).toMatchObject({ type: 'FrameAmended', data: { version: 2 } });
  });

  it('rejects amending a frame a round is voting under (BUDGET.FRAME_FROZEN)', () => {
    const error = spec(aFrozenBudget('r-2026')).when(amend()).thenThrows(BudgetFrameFrozenError, 'BUDGET.FRAME_FROZEN');
    expect(error.details).toEqual({ version: 1, rounds: ['r-2026'] });
  });

  it('rejects an amendment that reuses the decision behind an earlier version', () => {
    const error = spec(anEstablishedBudget())
      .when(amend({ decision: { ...COUNCIL_DECISION, date: '2026-02-01' } }))
      .thenThrows(BudgetDecisionReferenceReusedError, 'BUDGET.DECISION_REFERENCE_REUSED');
    expect(error.details).toEqual({ version: 1, number: 'RB-2025-118' });
  });

  it('rejects an amendment without a decision reference', () => {
    spec(anEstablishedBudget()).when(amend({ decision: null })).thenThrows(BudgetDecisionReferenceRequiredError, 'BUDGET.DECISION_REFERENCE_REQUIRED');
  });

  it('rejects an amendment whose decision is dated on a day that does not exist, as such', () => {
    spec(anEstablishedBudget())
      .when(amend({ decision: { ...AMENDMENT_DECISION, date: '2026-02-30' } }))
      .thenThrows(BudgetDecisionDateDoesNotExistError, 'BUDGET.DECISION_DATE_DOES_NOT_EXIST');
  });

  it('rejects an amendment without a reason', () => {
    spec(anEstablishedBudget()).when(amend({ reason: '  ' })).thenThrows(BudgetReasonRequiredError, 'BUDGET.REASON_REQUIRED');
  });

  it('rejects changing the form', () => {
    spec(anEstablishedBudget()).when(amend({ changes: { form: 'wijkbudget' } })).thenThrows(BudgetFormChangeNotAllowedError, 'BUDGET.FORM_CHANGE_NOT_ALLOWED');
  });

  it('rejects an amendment that makes the frame inconsistent', () => {
    spec(anEstablishedBudget())
      .when(amend({ changes: { ballot: { type: 'cumulative' } } }))
      .thenThrows(BudgetInvalidFrameError, 'BUDGET.INVALID_FRAME');
  });

  it('switches the tally to the reserve top-up (greedy-reserve at 80%, no fixed reserve)', () => {
    const tally = { rule: 'greedy-reserve' as const, tieBreak: ['most-votes' as const], reservePercent: 80 };
    spec(anEstablishedBudget())
      .when(amend({ changes: { tally } }))
      .then([
        {
          type: 'FrameAmended',
          data: {
            budgetId: BUDGET_ID,
            version: 2,
            frame: { ...aBurgerbegrotingFrame(), tally },
            areaAmounts: [
              { areaCode: 'WK036301', amountCents: 18_000_000 },
              { areaCode: 'WK036302', amountCents: 12_000_000 },
            ],
            decision: AMENDMENT_DECISION,
            reason: 'The council raised the budget in the spring memorandum',
            amendedAt: AMENDED_AT,
          },
        },
      ]);
  });

  it('rejects an amendment to greedy-reserve without its percentage, naming the field', () => {
    const error = spec(anEstablishedBudget())
      .when(amend({ changes: { tally: { rule: 'greedy-reserve', tieBreak: ['most-votes'] } } }))
      .thenThrows(BudgetInvalidFrameError, 'BUDGET.INVALID_FRAME');
    expect(error.details).toEqual({ issues: [{ field: 'tally.reservePercent', message: 'is required by greedy-reserve' }] });
  });

  it('rejects amending a budget that does not exist', () => {
    spec([]).when(amend()).thenThrows(BudgetNotFoundError, 'BUDGET.NOT_FOUND');
  });
});
