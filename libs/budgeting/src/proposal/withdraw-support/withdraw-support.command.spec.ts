import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalSupportClosedError, ProposalSupportNotGivenError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import type { ProposalEvent } from '../proposal.events.js';
import { anAdmittedPlan, aSubmittedPlan, LATER, PROPOSAL_ID } from '../testing/proposal.given.js';
import type { WithdrawSupport } from './withdraw-support.command.js';

const given = DeciderSpecification.for(proposalDecider);
const withdraw = (supporterRef: string, supportOpen = true): WithdrawSupport => ({ type: 'WithdrawSupport', data: { proposalId: PROPOSAL_ID, supporterRef, supportOpen, at: LATER } });
const supported = (supporterRef: string, supportCount: number): ProposalEvent => ({ type: 'ProposalSupported', data: { proposalId: PROPOSAL_ID, supporterRef, supportCount, at: LATER } });
const withdrawn = (supporterRef: string, supportCount: number): ProposalEvent => ({ type: 'ProposalSupportWithdrawn', data: { proposalId: PROPOSAL_ID, supporterRef, supportCount, at: LATER } });
const reached: ProposalEvent = { type: 'ProposalSupportThresholdReached', data: { proposalId: PROPOSAL_ID, threshold: 2, supportCount: 2, at: LATER } };

describe('WithdrawSupport', () => {
  it('takes back the resident\'s support, counting one less', () => {
    given([aSubmittedPlan(), supported('ps-a', 1), supported('ps-b', 2)]).when(withdraw('ps-a')).then([withdrawn('ps-a', 1)]);
  });

  it('leaves a threshold already reached as reached, and a later supporter does not reach it twice', () => {
    const history = [aSubmittedPlan(), supported('ps-a', 1), supported('ps-b', 2), reached, withdrawn('ps-a', 1)];
    given(history).when({ type: 'SupportProposal', data: { proposalId: PROPOSAL_ID, supporterRef: 'ps-c', supportThreshold: 2, supportOpen: true, at: LATER } }).then([supported('ps-c', 2)]);
  });

  it('lets the resident support again after withdrawing', () => {
    given([aSubmittedPlan(), supported('ps-a', 1), withdrawn('ps-a', 0)])
      .when({ type: 'SupportProposal', data: { proposalId: PROPOSAL_ID, supporterRef: 'ps-a', supportThreshold: null, supportOpen: true, at: LATER } })
      .then([supported('ps-a', 1)]);
  });

  it('refuses support never given, or already withdrawn', () => {
    given([aSubmittedPlan(), supported('ps-a', 1)]).when(withdraw('ps-b')).thenThrows(ProposalSupportNotGivenError, 'PROPOSAL.SUPPORT_NOT_GIVEN');
    given([aSubmittedPlan(), supported('ps-a', 1), withdrawn('ps-a', 0)]).when(withdraw('ps-a')).thenThrows(ProposalSupportNotGivenError, 'PROPOSAL.SUPPORT_NOT_GIVEN');
  });

  it('refuses a withdrawal once the round no longer collects support, or the plan is past review', () => {
    given([aSubmittedPlan(), supported('ps-a', 1)]).when(withdraw('ps-a', false)).thenThrows(ProposalSupportClosedError, 'PROPOSAL.SUPPORT_CLOSED');
    given([...anAdmittedPlan(), supported('ps-a', 1)]).when(withdraw('ps-a')).thenThrows(ProposalSupportClosedError, 'PROPOSAL.SUPPORT_CLOSED');
  });
});
