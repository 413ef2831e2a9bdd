import { describe, it, expect } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { roundDecider } from '../round.decider.js';
import {
  RoundAreaRequiredError,
  RoundCeilingExceededError,
  RoundInvalidAmountError,
  RoundNotFoundError,
  RoundUnknownAreaError,
  RoundWrongPhaseError,
} from '../round.errors.js';
import type { RoundEvent, RoundFrame } from '../round.events.js';
import { aRoundFrame, aRoundIn, ROUND_ID } from '../testing/round.given.js';
import { CommitFunds, type CommitFundsData } from './commit-funds.command.js';

const spec = DeciderSpecification.for(roundDecider);
const AT = '2026-03-10T12:00:00.000Z';
const FUND: RoundFrame = { ...aRoundFrame(), form: 'initiatievenfonds', areaCeilings: [], regime: null, hasBallot: false, intake: { decisionTermWeeks: 8, extensionWeeks: 6, fixedIntakeAboveCents: 500_000 } };
const aFundInIntake = (): RoundEvent[] => aRoundIn('intake', FUND, ['planned', 'intake', 'closed']);
const commit = (overrides: Partial<CommitFundsData> = {}) => new CommitFunds({ roundId: ROUND_ID, proposalId: 'p-7', amountCents: 250_000, areaCode: null, frame: FUND, at: AT, ...overrides });
const committed = (proposalId: string, amountCents: number, total: number, areaCode: string | null = null): RoundEvent => ({
  type: 'FundsCommitted',
  data: { roundId: ROUND_ID, proposalId, amountCents, areaCode, committedCents: total, at: AT },
});

describe('CommitFunds', () => {
  it('commits an initiatievenfonds grant against the ceiling while intake runs', () => {
    spec(aFundInIntake()).when(commit()).then([committed('p-7', 250_000, 250_000)]);
  });

  it('first come, first served: the last cent fits, one more does not', () => {
    const given = [...aFundInIntake(), committed('p-1', 29_750_000, 29_750_000)];
    spec(given).when(commit({ amountCents: 250_000 })).then([committed('p-7', 250_000, 30_000_000)]);
    const error = spec(given).when(commit({ amountCents: 250_001 })).thenThrows(RoundCeilingExceededError, 'ROUND.CEILING_EXCEEDED');
    expect(error.details).toEqual({ ceilingCents: 30_000_000, committedCents: 29_750_000, requestedCents: 250_001 });
  });

  it('spends a raised ceiling once the council amended the frame (the round follows it)', () => {
    const raised = { ...FUND, version: 2, ceilingCents: 40_000_000 };
    spec([...aFundInIntake(), committed('p-1', 29_750_000, 29_750_000)])
      .when(commit({ amountCents: 5_000_000, frame: raised }))
      .then([
        { type: 'RoundFollowedFrameAmendment', data: { roundId: ROUND_ID, fromVersion: 1, frame: raised, at: AT } },
        committed('p-7', 5_000_000, 34_750_000),
      ]);
  });

  it('guards each area\'s pot as well as the total', () => {
    const given = aRoundIn('implementation');
    spec(given).when(commit({ areaCode: 'WK036302', amountCents: 12_000_000, frame: aRoundFrame() })).then([committed('p-7', 12_000_000, 12_000_000, 'WK036302')]);
    const error = spec(given)
      .when(commit({ areaCode: 'WK036302', amountCents: 12_000_001, frame: aRoundFrame() }))
      .thenThrows(RoundCeilingExceededError, 'ROUND.CEILING_EXCEEDED');
    expect(error.details).toEqual({ areaCode: 'WK036302', ceilingCents: 12_000_000, committedCents: 0, requestedCents: 12_000_001 });
  });

  it('rejects a commitment without an area, or for an unknown one, when the round spends per area', () => {
    spec(aRoundIn('implementation')).when(commit({ frame: aRoundFrame() })).thenThrows(RoundAreaRequiredError, 'ROUND.AREA_REQUIRED');
    spec(aRoundIn('implementation')).when(commit({ areaCode: 'WK999', frame: aRoundFrame() })).thenThrows(RoundUnknownAreaError, 'ROUND.UNKNOWN_AREA');
  });

  it('rejects an amount that is not a positive whole number of cents', () => {
    spec(aFundInIntake()).when(commit({ amountCents: 0 })).thenThrows(RoundInvalidAmountError, 'ROUND.INVALID_AMOUNT');
    spec(aFundInIntake()).when(commit({ amountCents: 10.5 })).thenThrows(RoundInvalidAmountError, 'ROUND.INVALID_AMOUNT');
  });

  it('rejects committing while the vote runs or after the intake closed', () => {
    const error = spec(aRoundIn('voting')).when(commit({ areaCode: 'WK036301', frame: aRoundFrame() })).thenThrows(RoundWrongPhaseError, 'ROUND.WRONG_PHASE');
    expect(error.details).toEqual({ phase: 'voting', allowed: ['adoption', 'implementation'] });
    spec(aRoundIn('closed', FUND, ['planned', 'intake', 'closed'])).when(commit()).thenThrows(RoundWrongPhaseError, 'ROUND.WRONG_PHASE');
  });

  it('rejects a round that does not exist', () => {
    spec([]).when(commit()).thenThrows(RoundNotFoundError, 'ROUND.NOT_FOUND');
  });

  it('carries the grant it commits for, and the plan revision it was decided on, for the plan to record', () => {
    const grant = { proposalRevision: 3, decisionReference: 'Z/26/0042', decisionDate: '2026-03-10', appeal: { route: 'bezwaar' as const, periodWeeks: 6, addressedTo: 'college' }, reason: 'Voldoet' };
    spec(aFundInIntake())
      .when(commit({ grant }))
      .then([{ type: 'FundsCommitted', data: { roundId: ROUND_ID, proposalId: 'p-7', amountCents: 250_000, areaCode: null, committedCents: 250_000, at: AT, grant } }]);
  });
});
