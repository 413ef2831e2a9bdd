import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import {
  ProposalCriteriaNotMetError,
  ProposalDecisionDateDoesNotExistError,
  ProposalGrantExceedsRequestError,
  ProposalInvalidAmountError,
  ProposalReasonRequiredError,
  ProposalWrongStatusError,
} from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import type { ProposalEvent } from '../proposal.events.js';
import { anAdmittedPlan, anApplication, aSelectedPlan, BEZWAAR, LATER, PROPOSAL_ID, ROUND_ID, verdict } from '../testing/proposal.given.js';
import { type DecideGrant, RecordGrant } from './decide-grant.command.js';

const given = DeciderSpecification.for(proposalDecider);
const decide = (overrides: Partial<DecideGrant['data']> = {}): DecideGrant => ({
  type: 'DecideGrant',
  data: { proposalId: PROPOSAL_ID, granted: true, amountCents: 2_000_000, decisionReference: 'Z/26/000123', decisionDate: '2026-06-01', appeal: BEZWAAR, reason: 'Gekozen in de stemming', at: LATER, ...overrides },
});
const granted: ProposalEvent = {
  type: 'ProposalGranted',
  data: { proposalId: PROPOSAL_ID, roundId: ROUND_ID, amountCents: 2_000_000, decisionReference: 'Z/26/000123', decisionDate: '2026-06-01', appeal: BEZWAAR, reason: 'Gekozen in de stemming', at: LATER },
};
const reviewedApplication = [anApplication(), verdict('c-cost', 'met'), verdict('c-feasible', 'met')];
const extended: ProposalEvent = {
  type: 'ProposalDecisionDeadlineExtended',
  data: { proposalId: PROPOSAL_ID, previousDeadline: '2026-04-28T21:59:59.999Z', newDeadline: '2026-05-26T21:59:59.999Z', reason: 'advies', at: LATER },
};

describe('DecideGrant', () => {
  it('grants a selected plan with the beschikking and its appeal route', () => {
    given(aSelectedPlan()).when(decide()).then([granted]);
  });

  it('rejects a beschikking dated on a day that does not exist, as such', () => {
    given(aSelectedPlan()).when(decide({ decisionDate: '2026-02-30' })).thenThrows(ProposalDecisionDateDoesNotExistError, 'PROPOSAL.DECISION_DATE_DOES_NOT_EXIST');
    given([anApplication()]).when(decide({ granted: false, decisionDate: '2026-13-01' })).thenThrows(ProposalDecisionDateDoesNotExistError, 'PROPOSAL.DECISION_DATE_DOES_NOT_EXIST');
  });

  it('grants an initiatievenfonds application that meets every criterion within the deadline', () => {
    given(reviewedApplication).when(decide()).then([granted]);
  });

  it('refuses an application with a beschikking open to bezwaar', () => {
    given([anApplication()])
      .when(decide({ granted: false, reason: 'Past niet binnen de regeling' }))
      .then([{ type: 'ProposalGrantRefused', data: { proposalId: PROPOSAL_ID, decisionReference: 'Z/26/000123', decisionDate: '2026-06-01', appeal: BEZWAAR, reason: 'Past niet binnen de regeling', at: LATER } }]);
  });

  it('decides on the last day of the term, in Amsterdam', () => {
    given(reviewedApplication).when(decide({ at: '2026-04-28T21:59:59.999Z' })).then([{ ...granted, data: { ...granted.data, at: '2026-04-28T21:59:59.999Z' } }]);
  });

  it('still decides after the statutory deadline, and records the deadline it missed (Awb 4:17)', () => {
    given(reviewedApplication)
      .when(decide({ at: '2026-04-28T22:00:00.000Z' }))
      .then([{ ...granted, data: { ...granted.data, at: '2026-04-28T22:00:00.000Z', decidedAfterDeadline: '2026-04-28T21:59:59.999Z' } }]);
  });

  it('records a late refusal with its missed deadline too', () => {
    given([anApplication()])
      .when(decide({ granted: false, reason: 'Past niet binnen de regeling', at: '2026-05-01T00:00:00.000Z' }))
      .then([{ type: 'ProposalGrantRefused', data: { proposalId: PROPOSAL_ID, decisionReference: 'Z/26/000123', decisionDate: '2026-06-01', appeal: BEZWAAR, reason: 'Past niet binnen de regeling', at: '2026-05-01T00:00:00.000Z', decidedAfterDeadline: '2026-04-28T21:59:59.999Z' } }]);
  });

  it('decides within an extended deadline, and past it records the extended deadline it missed', () => {
    given([...reviewedApplication, extended]).when(decide({ at: '2026-05-20T09:00:00.000Z' })).then([{ ...granted, data: { ...granted.data, at: '2026-05-20T09:00:00.000Z' } }]);
    given([...reviewedApplication, extended])
      .when(decide({ at: '2026-07-01T09:00:00.000Z' }))
      .then([{ ...granted, data: { ...granted.data, at: '2026-07-01T09:00:00.000Z', decidedAfterDeadline: '2026-05-26T21:59:59.999Z' } }]);
  });

  it('rejects an application whose criteria are not all met, naming the unmet ones as admission does', () => {
    const error = given([anApplication(), verdict('c-cost', 'met')]).when(decide()).thenThrows(ProposalCriteriaNotMetError, 'PROPOSAL.CRITERIA_NOT_MET');
    expect(error.details).toEqual({ unmet: ['c-feasible'], version: 1 });
    expect(error.message).toContain('not met: c-feasible');
    const none = given([anApplication(), verdict('c-cost', 'not_met')]).when(decide()).thenThrows(ProposalCriteriaNotMetError, 'PROPOSAL.CRITERIA_NOT_MET');
    expect(none.details).toEqual({ unmet: ['c-cost', 'c-feasible'], version: 1 });
  });

  it('rejects granting a ballot plan that was not selected', () => {
    given(anAdmittedPlan()).when(decide()).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });

  it('rejects a grant above what the plan asks for (investment plus maintenance)', () => {
    given(aSelectedPlan()).when(decide({ amountCents: 3_000_001 })).thenThrows(ProposalGrantExceedsRequestError, 'PROPOSAL.GRANT_EXCEEDS_REQUEST');
  });

  it('rejects a zero grant', () => {
    given(aSelectedPlan()).when(decide({ amountCents: 0 })).thenThrows(ProposalInvalidAmountError, 'PROPOSAL.INVALID_AMOUNT');
  });

  it('rejects a decision without a reason', () => {
    given(aSelectedPlan()).when(decide({ reason: '' })).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });
});

describe('RecordGrant (the grant-recorder reactor, after the round committed the money)', () => {
  const record = (overrides: Partial<RecordGrant['data']> = {}) =>
    new RecordGrant({ proposalId: PROPOSAL_ID, commitment: 'commit-1', amountCents: 2_000_000, decisionReference: 'Z/26/000123', decisionDate: '2026-06-01', appeal: BEZWAAR, reason: 'Gekozen in de stemming', at: LATER, ...overrides });
  const recorded: ProposalEvent = { type: 'ProposalGranted', data: { ...(granted.data as object), commitment: 'commit-1' } as Extract<ProposalEvent, { type: 'ProposalGranted' }>['data'] };

  it('records the beschikking with the commitment it follows from', () => {
    given(aSelectedPlan()).when(record()).then([recorded]);
  });

  it('decides nothing when the plan holds the grant of that commitment already', () => {
    given([...aSelectedPlan(), recorded]).when(record()).then([]);
  });

  it('decides as the beschikking did: a plan granted by another commitment, or withdrawn, refuses', () => {
    given([...aSelectedPlan(), recorded]).when(record({ commitment: 'commit-2' })).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
    given([...aSelectedPlan(), { type: 'ProposalWithdrawn', data: { proposalId: PROPOSAL_ID, reason: 'Ingetrokken', withdrawnAt: LATER } }]).when(record()).thenThrows(ProposalWrongStatusError);
  });
});
