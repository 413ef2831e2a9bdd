import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalWrongStatusError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import { aGrantedPlan, aSelectedPlan, LATER, PROPOSAL_ID } from '../testing/proposal.given.js';

const given = DeciderSpecification.for(proposalDecider);

describe('StartImplementation', () => {
  it('starts a granted plan', () => {
    given(aGrantedPlan())
      .when({ type: 'StartImplementation', data: { proposalId: PROPOSAL_ID, startedOn: '2026-07-01', at: LATER } })
      .then([{ type: 'ProposalImplementationStarted', data: { proposalId: PROPOSAL_ID, startedOn: '2026-07-01', at: LATER } }]);
  });

  it('rejects starting a plan without a grant', () => {
    given(aSelectedPlan())
      .when({ type: 'StartImplementation', data: { proposalId: PROPOSAL_ID, startedOn: '2026-07-01', at: LATER } })
      .thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });
});
