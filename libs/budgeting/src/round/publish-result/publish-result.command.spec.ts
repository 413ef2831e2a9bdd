import { describe, it, expect } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { roundDecider } from '../round.decider.js';
import { RoundInvalidResultError, RoundNotFoundError, RoundResultAlreadyPublishedError, RoundResultExceedsCeilingError, RoundWrongPhaseError } from '../round.errors.js';
import type { PlanOutcome, RoundEvent, Winner } from '../round.events.js';
import { aRoundIn, ROUND_ID } from '../testing/round.given.js';
import { PublishResult } from './publish-result.command.js';

const spec = DeciderSpecification.for(roundDecider);
const AT = '2026-06-20T12:00:00.000Z';
const winners: Winner[] = [
  { proposalId: 'p-1', amountCents: 4_000_000, areaCode: 'WK036301' },
  { proposalId: 'p-2', amountCents: 2_500_000, areaCode: 'WK036302' },
];
const explanation: PlanOutcome[] = [
  { proposalId: 'p-1', selected: true, votes: 812, explanation: 'Most votes in Indische Buurt; fits its €180.000' },
  { proposalId: 'p-2', selected: true, votes: 640, explanation: 'Most votes in Oostelijk Havengebied' },
  { proposalId: 'p-3', selected: false, votes: 77, explanation: 'Did not fit the remaining €55.000', details: { remainingCents: 5_500_000 } },
];
const publish = (w = winners, e = explanation) => new PublishResult({ roundId: ROUND_ID, winners: w, explanation: e, at: AT });

describe('PublishResult', () => {
  it('publishes winners and the per-plan explanation, with the frame version it was counted under', () => {
    spec(aRoundIn('counting'))
      .when(publish())
      .then([{ type: 'ResultPublished', data: { roundId: ROUND_ID, frameVersion: 1, winners, explanation, totalCents: 6_500_000, at: AT } }]);
  });

  it('rejects publishing twice (a change is a correction)', () => {
    const given: RoundEvent[] = [...aRoundIn('counting'), { type: 'ResultPublished', data: { roundId: ROUND_ID, frameVersion: 1, winners, explanation, totalCents: 6_500_000, at: AT } }];
    spec(given).when(publish()).thenThrows(RoundResultAlreadyPublishedError, 'ROUND.RESULT_ALREADY_PUBLISHED');
  });

  it('rejects publishing while the vote is still open', () => {
    spec(aRoundIn('voting')).when(publish()).thenThrows(RoundWrongPhaseError, 'ROUND.WRONG_PHASE');
  });

  it('rejects a result whose winners and explanation disagree', () => {
    const error = spec(aRoundIn('counting'))
      .when(publish(winners, [explanation[0]!, { ...explanation[2]!, selected: true }]))
      .thenThrows(RoundInvalidResultError, 'ROUND.INVALID_RESULT');
    expect(error.details).toEqual({ issues: ['p-3: selected must match the winners', 'p-2 wins without an explanation'] });
  });

  it('rejects winners that cost more than an area\'s pot', () => {
    const tooMuch: Winner[] = [{ proposalId: 'p-2', amountCents: 12_000_001, areaCode: 'WK036302' }];
    const error = spec(aRoundIn('counting'))
      .when(publish(tooMuch, [{ proposalId: 'p-2', selected: true, explanation: 'x' }]))
      .thenThrows(RoundResultExceedsCeilingError, 'ROUND.RESULT_EXCEEDS_CEILING');
    expect(error.details).toEqual({ areaCode: 'WK036302', totalCents: 12_000_001, ceilingCents: 12_000_000 });
  });

  it('rejects a round that does not exist', () => {
    spec([]).when(publish()).thenThrows(RoundNotFoundError, 'ROUND.NOT_FOUND');
  });
});
