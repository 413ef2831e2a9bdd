import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { roundDecider } from '../round.decider.js';
import { RoundDecisionRequiredError, RoundInvalidResultError, RoundNotFoundError, RoundReasonRequiredError, RoundResultNotPublishedError, RoundWrongPhaseError } from '../round.errors.js';
import type { PlanOutcome, RoundDecision, RoundEvent, Winner } from '../round.events.js';
import { aRoundIn, ROUND_ID } from '../testing/round.given.js';
import { CorrectResult, type CorrectResultData } from './correct-result.command.js';

const spec = DeciderSpecification.for(roundDecider);
const AT = '2026-07-10T12:00:00.000Z';
const DECISION: RoundDecision = { body: 'college', number: 'CB-2026-131', date: '2026-07-09' };
const winners: Winner[] = [{ proposalId: 'p-2', amountCents: 3_000_000, areaCode: 'WK036301' }];
const explanation: PlanOutcome[] = [
  { proposalId: 'p-1', selected: false, explanation: 'Paper ballots of one polling station were counted twice; recount puts it second' },
  { proposalId: 'p-2', selected: true, explanation: 'Most votes after the recount' },
];
const correct = (overrides: Partial<CorrectResultData> = {}) =>
  new CorrectResult({ roundId: ROUND_ID, winners, explanation, reason: 'Recount after a complaint', decision: DECISION, at: AT, ...overrides });

describe('CorrectResult', () => {
  it('records a numbered correction with its reason and decision', () => {
    spec(aRoundIn('adoption'))
      .when(correct())
      .then([{ type: 'ResultCorrected', data: { roundId: ROUND_ID, correction: 1, winners, explanation, totalCents: 3_000_000, reason: 'Recount after a complaint', decision: DECISION, at: AT } }]);
  });

  it('numbers a second correction 2', () => {
    const given: RoundEvent[] = [
      ...aRoundIn('adoption'),
      { type: 'ResultCorrected', data: { roundId: ROUND_ID, correction: 1, winners, explanation, totalCents: 3_000_000, reason: 'r', decision: DECISION, at: AT } },
    ];
    spec(given)
      .when(correct({ decision: { ...DECISION, number: 'CB-2026-140' } }))
      .then([{ type: 'ResultCorrected', data: { roundId: ROUND_ID, correction: 2, winners, explanation, totalCents: 3_000_000, reason: 'Recount after a complaint', decision: { ...DECISION, number: 'CB-2026-140' }, at: AT } }]);
  });

  it('rejects a correction without a reason or without a decision', () => {
    spec(aRoundIn('adoption')).when(correct({ reason: '' })).thenThrows(RoundReasonRequiredError, 'ROUND.REASON_REQUIRED');
    spec(aRoundIn('adoption')).when(correct({ decision: null })).thenThrows(RoundDecisionRequiredError, 'ROUND.DECISION_REQUIRED');
  });

  it('rejects an inconsistent corrected result', () => {
    spec(aRoundIn('adoption')).when(correct({ explanation: [] })).thenThrows(RoundInvalidResultError, 'ROUND.INVALID_RESULT');
  });

  it('rejects correcting a result that was never published, or after the round closed', () => {
    spec(aRoundIn('counting')).when(correct()).thenThrows(RoundResultNotPublishedError, 'ROUND.RESULT_NOT_PUBLISHED');
    spec(aRoundIn('closed')).when(correct()).thenThrows(RoundWrongPhaseError, 'ROUND.WRONG_PHASE');
  });

  it('rejects a round that does not exist', () => {
    spec([]).when(correct()).thenThrows(RoundNotFoundError, 'ROUND.NOT_FOUND');
  });
});
