import { describe, it, expect } from '@jest/globals';
import { fold } from '@lib/es';
import { DeciderSpecification } from '@lib/es/testing';
import type { PlanCriterion } from '../../budget/budget.events.js';
import { aBurgerbegrotingFrame } from '../../budget/testing/budget.given.js';
import { roundDecider } from '../round.decider.js';
import {
  RoundCeilingExceededError,
  RoundDecisionRequiredError,
  RoundInvalidTransitionError,
  RoundNotFoundError,
  RoundPhaseNotOpenError,
  RoundPhaseStillOpenError,
  RoundReasonRequiredError,
  RoundResultNotAdoptedError,
  RoundResultNotPublishedError,
  RoundWrongDecidingBodyError,
} from '../round.errors.js';
import type { RoundEvent } from '../round.events.js';
import type { ExistingRound } from '../round.state.js';
import { aPlannedRound, aRoundFrame, aRoundIn, ROUND_ID } from '../testing/round.given.js';
import { aScheduledRoundIn } from '../testing/scheduled-round.given.js';
import { AdvancePhase, type AdvancePhaseData } from './advance-phase.command.js';

const spec = DeciderSpecification.for(roundDecider);
const AT = '2026-02-01T08:00:00.000Z';
const advance = (overrides: Partial<AdvancePhaseData>) => new AdvancePhase({ roundId: ROUND_ID, to: 'submission', reason: 'As scheduled', decision: null, frame: aRoundFrame(), at: AT, ...overrides });
const criteria = aBurgerbegrotingFrame().criteria;
const themes: PlanCriterion = { id: 'themes', text: 'Green, play or meeting places', kind: 'themes', themes: ['groen', 'spelen', 'ontmoeten'] };
const amended = { ...aRoundFrame(), version: 2, criteria: [...criteria, themes] };

describe('AdvancePhase', () => {
  it('opens submission and records the criteria published before it opened', () => {
    spec(aPlannedRound())
      .when(advance({ to: 'submission' }))
      .then([
        { type: 'RoundPhaseAdvanced', data: { roundId: ROUND_ID, from: 'planned', to: 'submission', reason: 'As scheduled', decision: null, at: AT } },
        { type: 'SubmissionOpened', data: { roundId: ROUND_ID, frameVersion: 1, criteria, at: AT } },
      ]);
  });

  it('follows an amendment made before submission opened: its criteria count as published', () => {
    spec(aPlannedRound())
      .when(advance({ to: 'submission', frame: amended }))
      .then([
        { type: 'RoundFollowedFrameAmendment', data: { roundId: ROUND_ID, fromVersion: 1, frame: amended, at: AT } },
        { type: 'RoundPhaseAdvanced', data: { roundId: ROUND_ID, from: 'planned', to: 'submission', reason: 'As scheduled', decision: null, at: AT } },
        { type: 'SubmissionOpened', data: { roundId: ROUND_ID, frameVersion: 2, criteria: [...criteria, themes], at: AT } },
      ]);
  });

  it('follows an amendment made after submission opened, but its new criteria are not published before submission', () => {
    const given = aRoundIn('submission');
    const events = roundDecider.decide(advance({ to: 'support', frame: amended }), fold(roundDecider, given));
    expect(events.map((e) => e.type)).toEqual(['RoundFollowedFrameAmendment', 'RoundPhaseAdvanced']);
    const state = fold(roundDecider, [...given, ...events]) as ExistingRound;
    expect(state.frameVersion).toBe(2);
    expect(state.criteriaPublishedBeforeSubmission).toEqual(criteria);
  });

  it('opens voting and freezes the round\'s rules under the version in force', () => {
    spec(aRoundIn('feasibility'))
      .when(advance({ to: 'voting' }))
      .then([
        { type: 'RoundPhaseAdvanced', data: { roundId: ROUND_ID, from: 'feasibility', to: 'voting', reason: 'As scheduled', decision: null, at: AT } },
        { type: 'RoundRulesFrozen', data: { roundId: ROUND_ID, frameVersion: 1, at: AT } },
      ]);
  });

  it('no longer follows amendments once its rules are frozen', () => {
    spec(aRoundIn('voting'))
      .when(advance({ to: 'counting', frame: amended }))
      .then([{ type: 'RoundPhaseAdvanced', data: { roundId: ROUND_ID, from: 'voting', to: 'counting', reason: 'As scheduled', decision: null, at: AT } }]);
  });

  it('starts implementation under an advisory regime with the college decision', () => {
    const decision = { body: 'college' as const, number: 'CB-2026-100', date: '2026-07-01' };
    const given: RoundEvent[] = [...aRoundIn('adoption'), { type: 'ResultAdopted', data: { roundId: ROUND_ID, decision, reason: 'r', at: AT } }];
    spec(given)
      .when(advance({ to: 'implementation', decision }))
      .then([{ type: 'RoundPhaseAdvanced', data: { roundId: ROUND_ID, from: 'adoption', to: 'implementation', reason: 'As scheduled', decision, at: AT } }]);
  });

  it('rejects skipping or going back a phase, with from and to in the details', () => {
    const error = spec(aPlannedRound()).when(advance({ to: 'voting' })).thenThrows(RoundInvalidTransitionError, 'ROUND.INVALID_TRANSITION');
    expect(error.details).toEqual({ from: 'planned', to: 'voting', allowed: ['submission'] });
    spec(aRoundIn('counting')).when(advance({ to: 'voting' })).thenThrows(RoundInvalidTransitionError, 'ROUND.INVALID_TRANSITION');
    expect(spec(aRoundIn('closed')).when(advance({ to: 'closed' })).thenThrows(RoundInvalidTransitionError).details).toEqual({ from: 'closed', to: 'closed', allowed: [] });
  });

  it('rejects a phase change without a reason', () => {
    spec(aPlannedRound()).when(advance({ reason: '' })).thenThrows(RoundReasonRequiredError, 'ROUND.REASON_REQUIRED');
  });

  it('rejects adoption before a result is published, and implementation before it is adopted', () => {
    spec(aRoundIn('counting')).when(advance({ to: 'adoption' })).thenThrows(RoundResultNotPublishedError, 'ROUND.RESULT_NOT_PUBLISHED');
    spec(aRoundIn('adoption')).when(advance({ to: 'implementation' })).thenThrows(RoundResultNotAdoptedError, 'ROUND.RESULT_NOT_ADOPTED');
  });

  it('rejects implementation under an advisory regime without the decision of the body the frame names', () => {
    const given: RoundEvent[] = [...aRoundIn('adoption'), { type: 'ResultAdopted', data: { roundId: ROUND_ID, decision: null, reason: 'r', at: AT } }];
    spec(given).when(advance({ to: 'implementation' })).thenThrows(RoundDecisionRequiredError, 'ROUND.DECISION_REQUIRED');
    spec(given)
      .when(advance({ to: 'implementation', decision: { body: 'council', number: 'RB-1', date: '2026-07-01' } }))
      .thenThrows(RoundWrongDecidingBodyError, 'ROUND.WRONG_DECIDING_BODY');
  });

  it('rejects following an amendment that leaves less than the round already committed', () => {
    const fund = { ...aRoundFrame(), form: 'initiatievenfonds' as const, areaCeilings: [] };
    const committed: RoundEvent[] = [
      ...aRoundIn('intake', fund, ['planned', 'intake', 'closed']),
      { type: 'FundsCommitted', data: { roundId: ROUND_ID, proposalId: 'p-1', amountCents: 20_000_000, areaCode: null, committedCents: 20_000_000, at: AT } },
    ];
    const error = spec(committed)
      .when(advance({ to: 'closed', frame: { ...fund, version: 2, ceilingCents: 10_000_000 } }))
      .thenThrows(RoundCeilingExceededError, 'ROUND.CEILING_EXCEEDED');
    expect(error.details).toEqual({ ceilingCents: 10_000_000, committedCents: 20_000_000 });
  });

  it('rejects a round that does not exist', () => {
    spec([]).when(advance({})).thenThrows(RoundNotFoundError, 'ROUND.NOT_FOUND');
  });
});

describe('AdvancePhase sent again', () => {
  it('appends nothing when the round already made that very transition (a retry converges)', () => {
    spec(aRoundIn('voting')).when(advance({ to: 'voting', reason: 'Schedule: voting' })).then([]);
  });
  it('is still refused with another reason: not a retry', () => {
    spec(aRoundIn('voting')).when(advance({ to: 'voting', reason: 'Again' })).thenThrows(RoundInvalidTransitionError, 'ROUND.INVALID_TRANSITION');
  });

  describe('the schedule binds staff too', () => {
    it('refuses opening a scheduled phase before its day (Amsterdam), appending nothing', () => {
      const error = spec(aScheduledRoundIn('planned'))
        .when(advance({ to: 'submission', at: '2026-01-31T22:59:59.999Z' }))
        .thenThrows(RoundPhaseNotOpenError, 'ROUND.PHASE_NOT_OPEN');
      expect(error.details).toEqual({ phase: 'submission', opensOn: '2026-02-01', opensAt: '2026-01-31T23:00:00.000Z' });
    });

    it('opens it from the first moment of its day', () => {
      const events = roundDecider.decide(advance({ to: 'submission', at: '2026-01-31T23:00:00.000Z' }), fold(roundDecider, aScheduledRoundIn('planned')));
      expect(events.map((e) => e.type)).toEqual(['RoundPhaseAdvanced', 'SubmissionOpened']);
    });

    it('refuses closing a residents\' window before the end of its closing day (summer time: 22:00 UTC)', () => {
      const error = spec(aScheduledRoundIn('voting'))
        .when(advance({ to: 'counting', at: '2026-06-14T21:59:59.999Z' }))
        .thenThrows(RoundPhaseStillOpenError, 'ROUND.PHASE_STILL_OPEN');
      expect(error.details).toEqual({ phase: 'voting', closesOn: '2026-06-14', closesAt: '2026-06-14T21:59:59.999Z' });
      const events = roundDecider.decide(advance({ to: 'counting', at: '2026-06-14T22:00:00.000Z' }), fold(roundDecider, aScheduledRoundIn('voting')));
      expect(events.map((e) => e.type)).toEqual(['RoundPhaseAdvanced']);
    });

    it('leaves unscheduled phases to staff', () => {
      const events = roundDecider.decide(advance({ to: 'feasibility', at: '2026-04-01T08:00:00.000Z' }), fold(roundDecider, aScheduledRoundIn('support')));
      expect(events.map((e) => e.type)).toEqual(['RoundPhaseAdvanced']);
    });
  });
});
