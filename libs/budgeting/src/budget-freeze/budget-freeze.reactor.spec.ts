import { describe, it } from '@jest/globals';
import { ReactorSpecification } from '@lib/es/testing';
import { BUDGET_ID } from '../budget/testing/budget.given.js';
import { FreezeFrameVersion } from '../budget/freeze-frame-version/freeze-frame-version.command.js';
import { ReleaseFrameVersion } from '../budget/release-frame-version/release-frame-version.command.js';
import { aRoundIn, ROUND_ID } from '../round/testing/round.given.js';
import { budgetFreezeReactor } from './budget-freeze.reactor.js';

const given = ReactorSpecification.for(budgetFreezeReactor, `Round-${ROUND_ID}`);

describe('budget-freeze reactor', () => {
  it('the round freezing its rules freezes the budget\'s frame version it votes under', () => {
    given(aRoundIn('voting')).then([new FreezeFrameVersion({ budgetId: BUDGET_ID, version: 1, roundId: ROUND_ID, frozenAt: '2026-04-01T08:00:00.000Z' })]);
  });

  it('the adoption releases it', () => {
    given(aRoundIn('implementation').slice(0, -1)).then([new ReleaseFrameVersion({ budgetId: BUDGET_ID, roundId: ROUND_ID, releasedAt: '2026-05-15T08:00:00.000Z' })]);
  });

  it('closing the round releases it (a round that never adopted a result)', () => {
    given([
      ...aRoundIn('voting'),
      { type: 'RoundPhaseAdvanced', data: { roundId: ROUND_ID, from: 'voting', to: 'closed', reason: 'Cancelled by the college', decision: null, at: '2026-04-10T08:00:00.000Z' } },
    ]).then([new ReleaseFrameVersion({ budgetId: BUDGET_ID, roundId: ROUND_ID, releasedAt: '2026-04-10T08:00:00.000Z' })]);
  });

  it('any other phase change asks nothing of the budget', () => {
    given(aRoundIn('support')).then([]);
    given(aRoundIn('counting')).then([]);
  });
});
