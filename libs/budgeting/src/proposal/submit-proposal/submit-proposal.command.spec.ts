import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import {
  ProposalAlreadySubmittedError,
  ProposalAmountOutOfRangeError,
  ProposalInvalidAmountError,
  ProposalNoIntakeDateError,
  ProposalSubmissionClosedError,
  ProposalUnknownAreaError,
  ProposalUnknownThemeError,
} from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import { aFrame, APPLICATION_DEADLINE, aPlanSubmission, aSubmittedPlan, ORIGINAL_VERSION, SUBMITTER_STAFF_REF } from '../testing/proposal.given.js';
import type { SubmitProposal } from './submit-proposal.command.js';

const given = DeciderSpecification.for(proposalDecider);

function submit(overrides: Partial<SubmitProposal['data']> = {}): SubmitProposal {
  return { type: 'SubmitProposal', data: { ...aPlanSubmission(), submitterStaffRef: SUBMITTER_STAFF_REF, ...overrides } };
}

describe('SubmitProposal', () => {
  it('records the plan as version 1 with the criteria published before submission opened', () => {
    given([]).when(submit()).then([aSubmittedPlan()]);
  });

  it('gives an initiatievenfonds application its statutory decision deadline from receipt (eight weeks land on King\'s Day: one day on)', () => {
    given([])
      .when(submit({ frame: aFrame({ form: 'initiatievenfonds', decisionPeriodDays: 56, maxExtensionDays: 28 }) }))
      .then([
        aSubmittedPlan({
          form: 'initiatievenfonds',
          intake: { kind: 'continuous', decisionPeriodDays: 56, maxExtensionDays: 28, decisionDeadline: APPLICATION_DEADLINE },
        }),
      ]);
  });

  it('lets an application above the threshold wait for the next fixed intake date, counting the deadline from there', () => {
    given([])
      .when(
        submit({
          frame: aFrame({ form: 'initiatievenfonds', decisionPeriodDays: 56, maxExtensionDays: 56, fixedIntakeThresholdCents: 1_000_000, fixedIntakeDates: ['2026-09-01', '2026-01-01', '2026-04-01'] }),
        }),
      )
      .then([
        aSubmittedPlan({
          form: 'initiatievenfonds',
          intake: { kind: 'fixed-date', intakeDate: '2026-04-01', decisionPeriodDays: 56, maxExtensionDays: 56, decisionDeadline: '2026-05-27T21:59:59.999Z' },
        }),
      ]);
  });

  it('rejects an application above the threshold when no intake date is scheduled', () => {
    given([])
      .when(submit({ frame: aFrame({ form: 'initiatievenfonds', fixedIntakeThresholdCents: 1_000_000, fixedIntakeDates: ['2026-01-01'] }) }))
      .thenThrows(ProposalNoIntakeDateError, 'PROPOSAL.NO_INTAKE_DATE');
  });

  it('rejects a second submission under the same id', () => {
    given([aSubmittedPlan()]).when(submit()).thenThrows(ProposalAlreadySubmittedError, 'PROPOSAL.ALREADY_SUBMITTED');
  });

  it('rejects a plan when the round does not accept submissions', () => {
    given([]).when(submit({ frame: aFrame({ acceptsSubmissions: false }) })).thenThrows(ProposalSubmissionClosedError, 'PROPOSAL.SUBMISSION_CLOSED');
  });

  it('rejects an area outside the frame', () => {
    given([]).when(submit({ areaId: 'BU99990000' })).thenThrows(ProposalUnknownAreaError, 'PROPOSAL.UNKNOWN_AREA');
  });

  it('rejects a theme outside the frame', () => {
    given([]).when(submit({ themeId: 'parkeren' })).thenThrows(ProposalUnknownThemeError, 'PROPOSAL.UNKNOWN_THEME');
  });

  it('accepts any theme when the frame restricts none', () => {
    given([]).when(submit({ themeId: 'anders', frame: aFrame({ themes: null }) })).then([aSubmittedPlan({ themeId: 'anders' })]);
  });

  it('counts maintenance costs against the maximum amount', () => {
    given([])
      .when(submit({ costEstimate: { investmentCents: 4_900_000, maintenancePerYearCents: 50_000, maintenanceYears: 3 } }))
      .thenThrows(ProposalAmountOutOfRangeError, 'PROPOSAL.AMOUNT_OUT_OF_RANGE');
  });

  it('rejects a plan below the minimum amount', () => {
    given([])
      .when(submit({ costEstimate: { investmentCents: 50_000, maintenancePerYearCents: 0, maintenanceYears: 0 } }))
      .thenThrows(ProposalAmountOutOfRangeError, 'PROPOSAL.AMOUNT_OUT_OF_RANGE');
  });

  it('rejects amounts that are not whole cents', () => {
    given([])
      .when(submit({ costEstimate: { investmentCents: 1000.5, maintenancePerYearCents: 0, maintenanceYears: 0 } }))
      .thenThrows(ProposalInvalidAmountError, 'PROPOSAL.INVALID_AMOUNT');
  });
});

describe('SubmitProposal: the decision deadline in Amsterdam under the Algemene termijnenwet', () => {
  function deadlineOf(receivedAt: string, days: number): { then(deadline: string): void } {
    return {
      then: (deadline) =>
        given([])
          .when(submit({ at: receivedAt, frame: aFrame({ form: 'initiatievenfonds', decisionPeriodDays: days, maxExtensionDays: 28 }) }))
          .then([
            aSubmittedPlan({
              form: 'initiatievenfonds',
              version: { ...ORIGINAL_VERSION, at: receivedAt },
              submittedAt: receivedAt,
              intake: { kind: 'continuous', decisionPeriodDays: days, maxExtensionDays: 28, decisionDeadline: deadline },
            }),
          ]),
    };
  }

  it('ends at the end of the last day in Amsterdam when that is a working day', () => {
    deadlineOf('2026-06-02T10:00:00.000Z', 56).then('2026-07-28T21:59:59.999Z');
  });

  it('counts from the day of receipt in Amsterdam, not in UTC', () => {
    deadlineOf('2026-06-01T22:30:00.000Z', 1).then('2026-06-03T21:59:59.999Z');
  });

  it('moves a term ending on a Saturday to the Monday (in winter time once the clocks went back)', () => {
    deadlineOf('2026-10-23T08:00:00.000Z', 1).then('2026-10-26T22:59:59.999Z');
  });

  it('moves a term ending on a Sunday to the Monday', () => {
    deadlineOf('2026-10-24T08:00:00.000Z', 1).then('2026-10-26T22:59:59.999Z');
  });

  it('moves past New Year\'s Day and the weekend after it', () => {
    deadlineOf('2026-12-31T10:00:00.000Z', 1).then('2027-01-04T22:59:59.999Z');
  });

  it('moves past Easter Monday', () => {
    deadlineOf('2026-04-05T10:00:00.000Z', 1).then('2026-04-07T21:59:59.999Z');
  });

  it('moves past King\'s Day', () => {
    deadlineOf('2026-04-26T10:00:00.000Z', 1).then('2026-04-28T21:59:59.999Z');
  });

  it('moves past King\'s Day held on the 26th when the 27th is a Sunday', () => {
    deadlineOf('2031-04-25T10:00:00.000Z', 1).then('2031-04-28T21:59:59.999Z');
  });

  it('moves past Liberation Day (5 May, a general holiday every year under the Atw)', () => {
    deadlineOf('2026-05-04T10:00:00.000Z', 1).then('2026-05-06T21:59:59.999Z');
  });

  it('moves past Ascension Day', () => {
    deadlineOf('2026-05-13T10:00:00.000Z', 1).then('2026-05-15T21:59:59.999Z');
  });

  it('moves past Whit Monday', () => {
    deadlineOf('2026-05-24T10:00:00.000Z', 1).then('2026-05-26T21:59:59.999Z');
  });

  it('moves past both Christmas days and the weekend after them', () => {
    deadlineOf('2025-12-24T10:00:00.000Z', 1).then('2025-12-29T22:59:59.999Z');
  });
});
