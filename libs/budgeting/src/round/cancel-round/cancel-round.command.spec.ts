import { describe, it } from '@jest/globals';
import { fold } from '@lib/es';
import { DeciderSpecification } from '@lib/es/testing';
import { roundDecider } from '../round.decider.js';
import { RoundDecisionRequiredError, RoundNotCancellableError, RoundNotFoundError, RoundReasonRequiredError } from '../round.errors.js';
import type { RoundEvent } from '../round.events.js';
import { aRoundIn, ROUND_ID } from '../testing/round.given.js';
import { CancelRound, type CancelRoundData } from './cancel-round.command.js';

const spec = DeciderSpecification.for(roundDecider);
const AT = '2026-06-05T10:00:00.000Z';
const COLLEGE = { body: 'college' as const, number: 'CB-2026-140', date: '2026-06-04' };
const cancel = (overrides: Partial<CancelRoundData> = {}) => new CancelRound({ roundId: ROUND_ID, reason: 'Storing bij het stemmen', decision: COLLEGE, at: AT, ...overrides });

describe('CancelRound', () => {
  it('closes a round in voting and records the cancellation with its decision', () => {
    spec(aRoundIn('voting'))
      .when(cancel())
      .then([
        { type: 'RoundPhaseAdvanced', data: { roundId: ROUND_ID, from: 'voting', to: 'closed', reason: 'Storing bij het stemmen', decision: COLLEGE, at: AT } },
        { type: 'RoundCancelled', data: { roundId: ROUND_ID, from: 'voting', reason: 'Storing bij het stemmen', decision: COLLEGE, at: AT } },
      ]);
  });

  it('cancels a round that is only planned', () => {
    spec(aRoundIn('planned'))
      .when(cancel())
      .then([
        { type: 'RoundPhaseAdvanced', data: { roundId: ROUND_ID, from: 'planned', to: 'closed', reason: 'Storing bij het stemmen', decision: COLLEGE, at: AT } },
        { type: 'RoundCancelled', data: { roundId: ROUND_ID, from: 'planned', reason: 'Storing bij het stemmen', decision: COLLEGE, at: AT } },
      ]);
  });

  it('refuses without a reason or without a decision', () => {
    spec(aRoundIn('voting')).when(cancel({ reason: ' ' })).thenThrows(RoundReasonRequiredError, 'ROUND.REASON_REQUIRED');
    spec(aRoundIn('voting')).when(cancel({ decision: null })).thenThrows(RoundDecisionRequiredError, 'ROUND.DECISION_REQUIRED');
  });

  it('refuses once the result is adopted, and a second time', () => {
    spec(aRoundIn('implementation')).when(cancel()).thenThrows(RoundNotCancellableError, 'ROUND.NOT_CANCELLABLE');
    const voting = aRoundIn('voting');
    const cancelled: RoundEvent[] = [...voting, ...roundDecider.decide(cancel(), fold(roundDecider, voting))];
    spec(cancelled).when(cancel({ at: '2026-06-06T10:00:00.000Z' })).thenThrows(RoundNotCancellableError, 'ROUND.NOT_CANCELLABLE');
  });

  it('refuses a round that does not exist', () => {
    spec([]).when(cancel()).thenThrows(RoundNotFoundError, 'ROUND.NOT_FOUND');
  });
});
