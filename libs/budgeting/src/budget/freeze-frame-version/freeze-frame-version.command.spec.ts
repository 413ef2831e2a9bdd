import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { budgetDecider } from '../budget.decider.js';
import { BudgetFrameVersionOutdatedError, BudgetNotFoundError } from '../budget.errors.js';
import { AMENDMENT_DECISION, aFrozenBudget, anEstablishedBudget, aBurgerbegrotingFrame, BUDGET_ID } from '../testing/budget.given.js';
import { FreezeFrameVersion } from './freeze-frame-version.command.js';
import { ReleaseFrameVersion } from '../release-frame-version/release-frame-version.command.js';

const spec = DeciderSpecification.for(budgetDecider);
const FROZEN_AT = '2026-05-01T08:00:00.000Z';
const freeze = (version = 1, roundId = 'r-2026') => new FreezeFrameVersion({ budgetId: BUDGET_ID, version, roundId, frozenAt: FROZEN_AT });

describe('FreezeFrameVersion', () => {
  it('freezes the version in force for the round that opens voting', () => {
    spec(anEstablishedBudget())
      .when(freeze())
      .then([{ type: 'FrameVersionFrozen', data: { budgetId: BUDGET_ID, version: 1, roundId: 'r-2026', frozenAt: FROZEN_AT } }]);
  });

  it('is idempotent for the same round', () => {
    spec(aFrozenBudget('r-2026')).when(freeze()).then([]);
  });

  it('rejects freezing a version that is no longer in force (an amendment won the race)', () => {
    const amended = {
      type: 'FrameAmended' as const,
      data: { budgetId: BUDGET_ID, version: 2, frame: aBurgerbegrotingFrame(), areaAmounts: [], decision: AMENDMENT_DECISION, reason: 'r', amendedAt: '2026-04-30T00:00:00.000Z' },
    };
    spec([...anEstablishedBudget(), amended]).when(freeze(1)).thenThrows(BudgetFrameVersionOutdatedError, 'BUDGET.FRAME_VERSION_OUTDATED');
  });

  it('rejects freezing a budget that does not exist', () => {
    spec([]).when(freeze()).thenThrows(BudgetNotFoundError, 'BUDGET.NOT_FOUND');
  });
});

describe('ReleaseFrameVersion', () => {
  const release = new ReleaseFrameVersion({ budgetId: BUDGET_ID, roundId: 'r-2026', releasedAt: '2026-07-01T00:00:00.000Z' });

  it('releases the version the round froze', () => {
    spec(aFrozenBudget('r-2026'))
      .when(release)
      .then([{ type: 'FrameVersionReleased', data: { budgetId: BUDGET_ID, version: 1, roundId: 'r-2026', releasedAt: '2026-07-01T00:00:00.000Z' } }]);
  });

  it('changes nothing when the round froze nothing', () => {
    spec(anEstablishedBudget()).when(release).then([]);
  });

  it('rejects releasing on a budget that does not exist', () => {
    spec([]).when(release).thenThrows(BudgetNotFoundError, 'BUDGET.NOT_FOUND');
  });
});
