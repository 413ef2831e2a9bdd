import { describe, it, expect } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { roundDecider } from '../round.decider.js';
import { RoundInvalidAmountError, RoundNotFoundError, RoundReasonRequiredError, RoundReleaseExceedsCommitmentError, RoundWrongPhaseError } from '../round.errors.js';
import type { RoundEvent } from '../round.events.js';
import { aPlannedRound, aRoundIn, ROUND_ID } from '../testing/round.given.js';
import { ReleaseFunds, type ReleaseFundsData } from './release-funds.command.js';

const spec = DeciderSpecification.for(roundDecider);
const AT = '2026-10-01T12:00:00.000Z';
const release = (overrides: Partial<ReleaseFundsData> = {}) => new ReleaseFunds({ roundId: ROUND_ID, proposalId: 'p-1', amountCents: 1_000_000, reason: 'Realised for less', at: AT, ...overrides });
const withCommitment = (): RoundEvent[] => [
  ...aRoundIn('implementation'),
  { type: 'FundsCommitted', data: { roundId: ROUND_ID, proposalId: 'p-1', amountCents: 4_000_000, areaCode: 'WK036301', committedCents: 4_000_000, at: AT } },
];

describe('ReleaseFunds', () => {
  it('returns money to the round (and to the area it came from)', () => {
    spec(withCommitment())
      .when(release())
      .then([{ type: 'FundsReleased', data: { roundId: ROUND_ID, proposalId: 'p-1', amountCents: 1_000_000, areaCode: 'WK036301', committedCents: 3_000_000, reason: 'Realised for less', at: AT } }]);
  });

  it('rejects releasing more than the plan has committed', () => {
    const error = spec(withCommitment()).when(release({ amountCents: 4_000_001 })).thenThrows(RoundReleaseExceedsCommitmentError, 'ROUND.RELEASE_EXCEEDS_COMMITMENT');
    expect(error.details).toEqual({ proposalId: 'p-1', committedCents: 4_000_000, requestedCents: 4_000_001 });
    spec(withCommitment()).when(release({ proposalId: 'p-unknown' })).thenThrows(RoundReleaseExceedsCommitmentError);
  });

  it('rejects a release without a reason or with a non-positive amount', () => {
    spec(withCommitment()).when(release({ reason: ' ' })).thenThrows(RoundReasonRequiredError, 'ROUND.REASON_REQUIRED');
    spec(withCommitment()).when(release({ amountCents: -1 })).thenThrows(RoundInvalidAmountError, 'ROUND.INVALID_AMOUNT');
  });

  it('rejects a release in a round that has not started, or does not exist', () => {
    spec(aPlannedRound()).when(release()).thenThrows(RoundWrongPhaseError, 'ROUND.WRONG_PHASE');
    spec([]).when(release()).thenThrows(RoundNotFoundError, 'ROUND.NOT_FOUND');
  });

  describe('with a cause (a reactor\'s trigger): released once per cause', () => {
    const released = (amountCents: number, committedCents: number, extra: Record<string, string> = {}): RoundEvent => ({
      type: 'FundsReleased',
      data: { roundId: ROUND_ID, proposalId: 'p-1', amountCents, areaCode: 'WK036301', committedCents, reason: 'Plan p-1: ProposalRealised', at: AT, ...extra },
    });
    const byPlan = (overrides: Partial<ReleaseFundsData> = {}) => release({ reason: 'Plan p-1: ProposalRealised', cause: 'event-9', ...overrides });

    it('records the cause on the release', () => {
      spec(withCommitment()).when(byPlan()).then([released(1_000_000, 3_000_000, { cause: 'event-9' })]);
    });

    it('decides nothing for a cause already released, however often it is sent', () => {
      spec([...withCommitment(), released(1_000_000, 3_000_000, { cause: 'event-9' })]).when(byPlan()).then([]);
      spec([...withCommitment(), released(1_000_000, 3_000_000, { cause: 'event-9' })]).when(byPlan({ amountCents: 4_000_000 })).then([]);
    });

    it('releases for another cause, even with the same amount and reason', () => {
      spec([...withCommitment(), released(1_000_000, 3_000_000, { cause: 'event-9' })]).when(byPlan({ cause: 'event-10' })).then([released(1_000_000, 2_000_000, { cause: 'event-10' })]);
    });

    it('finds a release recorded before releases carried their cause: same plan, amount, reason and time', () => {
      spec([...withCommitment(), released(1_000_000, 3_000_000)]).when(byPlan()).then([]);
      spec([...withCommitment(), released(1_000_000, 3_000_000)]).when(byPlan({ at: '2026-10-02T12:00:00.000Z' })).then([released(1_000_000, 2_000_000, { cause: 'event-9', at: '2026-10-02T12:00:00.000Z' })]);
    });

    it('a manual release (no cause) is applied every time it is sent', () => {
      spec([...withCommitment(), released(1_000_000, 3_000_000)]).when(byPlan({ cause: undefined })).then([released(1_000_000, 2_000_000)]);
    });
  });
});
