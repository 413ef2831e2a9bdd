import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { aDorpsbudgetFrame } from '../../budget/testing/budget.given.js';
import { roundDecider } from '../round.decider.js';
import {
  RoundDecisionDateDoesNotExistError,
  RoundDecisionRequiredError,
  RoundNotFoundError,
  RoundReasonRequiredError,
  RoundResultAlreadyAdoptedError,
  RoundResultNotPublishedError,
  RoundWrongDecidingBodyError,
  RoundWrongPhaseError,
} from '../round.errors.js';
import type { RoundDecision, RoundEvent } from '../round.events.js';
import { aRoundFrame, aRoundIn, ROUND_ID } from '../testing/round.given.js';
import { AdoptResult, type AdoptResultData } from './adopt-result.command.js';

const spec = DeciderSpecification.for(roundDecider);
const AT = '2026-07-01T12:00:00.000Z';
const COLLEGE: RoundDecision = { body: 'college', number: 'CB-2026-100', date: '2026-07-01' };
const adopt = (overrides: Partial<AdoptResultData> = {}) => new AdoptResult({ roundId: ROUND_ID, decision: COLLEGE, reason: 'The college follows the vote', at: AT, ...overrides });
const DELIBERATION = ['planned', 'submission', 'feasibility', 'deliberation', 'adoption', 'implementation', 'closed'] as const;

describe('AdoptResult', () => {
  it('adopts the result by the college decision the advisory regime requires', () => {
    spec(aRoundIn('adoption'))
      .when(adopt())
      .then([{ type: 'ResultAdopted', data: { roundId: ROUND_ID, decision: COLLEGE, reason: 'The college follows the vote', at: AT } }]);
  });

  it('adopts a delegated dorpsbudget\'s result by the dorpsraad, or without a reference', () => {
    const given = aRoundIn('adoption', aRoundFrame(aDorpsbudgetFrame()), [...DELIBERATION], [{ proposalId: 'p-1', amountCents: 500_000, areaCode: 'DORP-A' }]);
    const dorpsraad: RoundDecision = { body: 'residents-body', number: 'DR-2026-04', date: '2026-05-20' };
    spec(given).when(adopt({ decision: dorpsraad })).then([{ type: 'ResultAdopted', data: { roundId: ROUND_ID, decision: dorpsraad, reason: 'The college follows the vote', at: AT } }]);
    spec(given).when(adopt({ decision: COLLEGE })).thenThrows(RoundWrongDecidingBodyError, 'ROUND.WRONG_DECIDING_BODY');
  });

  it('rejects a decision dated on a day that does not exist, as such (not as a missing decision)', () => {
    spec(aRoundIn('adoption')).when(adopt({ decision: { ...COLLEGE, date: '2026-02-30' } })).thenThrows(RoundDecisionDateDoesNotExistError, 'ROUND.DECISION_DATE_DOES_NOT_EXIST');
    spec(aRoundIn('adoption')).when(adopt({ decision: { ...COLLEGE, date: '2026-06-31' } })).thenThrows(RoundDecisionDateDoesNotExistError, 'ROUND.DECISION_DATE_DOES_NOT_EXIST');
  });

  it('rejects an advisory adoption without the decision, or by the wrong body', () => {
    spec(aRoundIn('adoption')).when(adopt({ decision: null })).thenThrows(RoundDecisionRequiredError, 'ROUND.DECISION_REQUIRED');
    spec(aRoundIn('adoption'))
      .when(adopt({ decision: { ...COLLEGE, body: 'council' } }))
      .thenThrows(RoundWrongDecidingBodyError, 'ROUND.WRONG_DECIDING_BODY');
  });

  it('rejects an adoption without a reason', () => {
    spec(aRoundIn('adoption')).when(adopt({ reason: '' })).thenThrows(RoundReasonRequiredError, 'ROUND.REASON_REQUIRED');
  });

  it('rejects adopting twice', () => {
    const given: RoundEvent[] = [...aRoundIn('adoption'), { type: 'ResultAdopted', data: { roundId: ROUND_ID, decision: COLLEGE, reason: 'r', at: AT } }];
    spec(given).when(adopt()).thenThrows(RoundResultAlreadyAdoptedError, 'ROUND.RESULT_ALREADY_ADOPTED');
  });

  it('rejects adopting before a result is published, or outside the adoption phase', () => {
    spec(aRoundIn('counting')).when(adopt()).thenThrows(RoundResultNotPublishedError, 'ROUND.RESULT_NOT_PUBLISHED');
    const published: RoundEvent[] = [
      ...aRoundIn('counting'),
      { type: 'ResultPublished', data: { roundId: ROUND_ID, frameVersion: 1, winners: [], explanation: [], totalCents: 0, at: AT } },
    ];
    spec(published).when(adopt()).thenThrows(RoundWrongPhaseError, 'ROUND.WRONG_PHASE');
  });

  it('rejects a round that does not exist', () => {
    spec([]).when(adopt()).thenThrows(RoundNotFoundError, 'ROUND.NOT_FOUND');
  });
});

describe('AdoptResult sent again', () => {
  it('appends nothing when the same adoption is recorded (a retry after the ballot box failed to seal converges)', () => {
    const given: RoundEvent[] = [...aRoundIn('adoption'), { type: 'ResultAdopted', data: { roundId: ROUND_ID, decision: COLLEGE, reason: 'The college follows the vote', at: AT } }];
    spec(given).when(adopt()).then([]);
  });
});
