import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalCriteriaNotMetError, ProposalNoBallotError, ProposalReasonRequiredError, ProposalWrongStatusError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import { anAdmittedPlan, anApplication, aReviewedPlan, aSubmittedPlan, LATER, PROPOSAL_ID, verdict } from '../testing/proposal.given.js';

const given = DeciderSpecification.for(proposalDecider);
const admission = (admitted: boolean, reason = 'Toets afgerond') => ({ type: 'DecideAdmission' as const, data: { proposalId: PROPOSAL_ID, admitted, reason, at: LATER } });

describe('DecideAdmission', () => {
  it('admits a plan that meets every published criterion', () => {
    given(aReviewedPlan()).when(admission(true)).then([{ type: 'ProposalAdmittedToBallot', data: { proposalId: PROPOSAL_ID, version: 1, reason: 'Toets afgerond', at: LATER } }]);
  });

  it('rejects admission while a criterion is unreviewed, naming it', () => {
    const error = given([aSubmittedPlan(), verdict('c-cost', 'met')]).when(admission(true)).thenThrows(ProposalCriteriaNotMetError, 'PROPOSAL.CRITERIA_NOT_MET');
    expect(error.details).toEqual({ unmet: ['c-feasible'], version: 1 });
  });

  it('counts the latest verdict: a criterion first met, later not met, blocks admission', () => {
    given([...aReviewedPlan(), verdict('c-feasible', 'not_met')]).when(admission(true)).thenThrows(ProposalCriteriaNotMetError, 'PROPOSAL.CRITERIA_NOT_MET');
  });

  it('refuses a plan for the ballot with a reason', () => {
    given([aSubmittedPlan(), verdict('c-cost', 'not_met')])
      .when(admission(false, 'Te duur in onderhoud'))
      .then([{ type: 'ProposalRefusedForBallot', data: { proposalId: PROPOSAL_ID, version: 1, reason: 'Te duur in onderhoud', at: LATER } }]);
  });

  it('rejects a decision without a reason', () => {
    given(aReviewedPlan()).when(admission(true, '')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });

  it('rejects admitting twice', () => {
    given(anAdmittedPlan()).when(admission(true)).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });

  it('rejects admission for an initiatievenfonds, which has no ballot', () => {
    given([anApplication()]).when(admission(true)).thenThrows(ProposalNoBallotError, 'PROPOSAL.NO_BALLOT');
  });
});
