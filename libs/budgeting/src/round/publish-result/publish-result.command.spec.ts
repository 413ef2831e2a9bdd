import { describe, it, expect } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { aDorpsbudgetFrame } from '../../budget/testing/budget.given.js';
import { roundDecider } from '../round.decider.js';
import {
  RoundDecidedByResidentsBodyError,
  RoundDecisionRequiredError,
  RoundInvalidResultError,
  RoundNotFoundError,
  RoundResultAlreadyPublishedError,
  RoundResultExceedsCeilingError,
  RoundResultIsCountedError,
  RoundWrongDecidingBodyError,
  RoundWrongPhaseError,
} from '../round.errors.js';
import type { PlanOutcome, ResultCount, RoundDecision, RoundEvent, RoundPhase, Winner } from '../round.events.js';
import { aRoundFrame, aRoundIn, ROUND_ID } from '../testing/round.given.js';
import { PublishResult } from './publish-result.command.js';

const spec = DeciderSpecification.for(roundDecider);
const AT = '2026-06-20T12:00:00.000Z';
const winners: Winner[] = [
  { proposalId: 'p-1', amountCents: 4_000_000, areaCode: 'WK036301' },
  { proposalId: 'p-2', amountCents: 2_500_000, areaCode: 'WK036302' },
];
const explanation: PlanOutcome[] = [
  { proposalId: 'p-1', selected: true, votes: 812, explanation: 'selected: 812 votes, €140.000 left' },
  { proposalId: 'p-2', selected: true, votes: 640, explanation: 'selected: 640 votes, €115.500 left' },
  { proposalId: 'p-3', selected: false, votes: 77, explanation: 'did not fit: €55.000 left, costs €60.000', details: { reason: 'did-not-fit' } },
];
const count: ResultCount = {
  ballots: 1_204,
  rule: 'greedy',
  tieBreak: ['most-votes', 'lowest-cost', 'lot', 'project-id'],
  seed: 'raadsbesluit-2026-12',
  countingUnitCents: 100,
  currency: 'EUR',
  budget: '300000',
  cost: '65000',
  leftover: '235000',
  fairness: { voters: 1_204, votersWithFundedPlan: 1_100 },
  tieBreaks: [],
  pots: [{ pot: 'city', budget: '300000', winners: ['p-1', 'p-2'], cost: '65000', leftover: '235000' }],
};
const counted = (w = winners, e = explanation) => new PublishResult({ roundId: ROUND_ID, basis: 'count', counted: { winners: w, explanation: e, count }, reason: null, at: AT });
const DORPSRAAD: RoundDecision = { body: 'residents-body', number: 'DR-2026-04', date: '2026-05-20' };
const DELIBERATION: RoundPhase[] = ['planned', 'submission', 'feasibility', 'deliberation', 'adoption', 'implementation', 'closed'];
const dorpWinners: Winner[] = [{ proposalId: 'p-9', amountCents: 500_000, areaCode: 'DORP-A' }];
const dorpExplanation: PlanOutcome[] = [{ proposalId: 'p-9', selected: true, explanation: 'Chosen by the dorpsraad on 20 May' }];
const decided = (decision: RoundDecision | null = DORPSRAAD) =>
  new PublishResult({ roundId: ROUND_ID, basis: 'decision', winners: dorpWinners, explanation: dorpExplanation, decision, reason: 'Vergadering dorpsraad', at: AT });
const inDeliberation = () => aRoundIn('deliberation', aRoundFrame(aDorpsbudgetFrame()), DELIBERATION);

describe('PublishResult', () => {
  it('records a vote\'s result as counted: winners, explanation, the count (rule, tie-breaks, fairness) and the frame version', () => {
    spec(aRoundIn('counting'))
      .when(counted())
      .then([{ type: 'ResultPublished', data: { roundId: ROUND_ID, frameVersion: 1, winners, explanation, totalCents: 6_500_000, basis: 'count', count, decision: null, reason: null, at: AT } }]);
  });

  it('refuses a vote\'s result given as data: the server counts it', () => {
    spec(aRoundIn('counting')).when(new PublishResult({ roundId: ROUND_ID, basis: 'decision', winners, explanation, decision: null, reason: null, at: AT })).thenThrows(RoundResultIsCountedError, 'ROUND.RESULT_IS_COUNTED');
  });

  it('records a residents\' body\'s result as its decision, with the reference', () => {
    spec(inDeliberation())
      .when(decided())
      .then([
        {
          type: 'ResultPublished',
          data: { roundId: ROUND_ID, frameVersion: 1, winners: dorpWinners, explanation: dorpExplanation, totalCents: 500_000, basis: 'decision', count: null, decision: DORPSRAAD, reason: 'Vergadering dorpsraad', at: AT },
        },
      ]);
  });

  it('refuses a residents\' body\'s result without its decision, by another body, or as a count', () => {
    spec(inDeliberation()).when(decided(null)).thenThrows(RoundDecisionRequiredError, 'ROUND.DECISION_REQUIRED');
    spec(inDeliberation()).when(decided({ ...DORPSRAAD, body: 'college' })).thenThrows(RoundWrongDecidingBodyError, 'ROUND.WRONG_DECIDING_BODY');
    spec(inDeliberation()).when(counted(dorpWinners, dorpExplanation)).thenThrows(RoundDecidedByResidentsBodyError, 'ROUND.DECIDED_BY_RESIDENTS_BODY');
  });

  it('rejects publishing twice (a change is a correction)', () => {
    const given: RoundEvent[] = [...aRoundIn('counting'), { type: 'ResultPublished', data: { roundId: ROUND_ID, frameVersion: 1, winners, explanation, totalCents: 6_500_000, at: AT } }];
    spec(given).when(counted()).thenThrows(RoundResultAlreadyPublishedError, 'ROUND.RESULT_ALREADY_PUBLISHED');
  });

  it('rejects publishing while the vote is still open', () => {
    spec(aRoundIn('voting')).when(counted()).thenThrows(RoundWrongPhaseError, 'ROUND.WRONG_PHASE');
  });

  it('rejects a result whose winners and explanation disagree', () => {
    const error = spec(aRoundIn('counting'))
      .when(counted(winners, [explanation[0]!, { ...explanation[2]!, selected: true }]))
      .thenThrows(RoundInvalidResultError, 'ROUND.INVALID_RESULT');
    expect(error.details).toEqual({ issues: ['p-3: selected must match the winners', 'p-2 wins without an explanation'] });
  });

  it('rejects winners that cost more than an area\'s pot', () => {
    const tooMuch: Winner[] = [{ proposalId: 'p-2', amountCents: 12_000_001, areaCode: 'WK036302' }];
    const error = spec(aRoundIn('counting'))
      .when(counted(tooMuch, [{ proposalId: 'p-2', selected: true, explanation: 'x' }]))
      .thenThrows(RoundResultExceedsCeilingError, 'ROUND.RESULT_EXCEEDS_CEILING');
    expect(error.details).toEqual({ areaCode: 'WK036302', totalCents: 12_000_001, ceilingCents: 12_000_000 });
  });

  it('rejects a round that does not exist', () => {
    spec([]).when(counted()).thenThrows(RoundNotFoundError, 'ROUND.NOT_FOUND');
  });
});
