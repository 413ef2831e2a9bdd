import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalAlreadySupportedError, ProposalSupportClosedError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import type { ProposalEvent } from '../proposal.events.js';
import { anAdmittedPlan, aSubmittedPlan, LATER, PROPOSAL_ID } from '../testing/proposal.given.js';
import type { SupportProposal } from './support-proposal.command.js';

const given = DeciderSpecification.for(proposalDecider);
const support = (supporterRef: string, supportThreshold: number | null = 2, supportOpen = true): SupportProposal => ({
  type: 'SupportProposal',
  data: { proposalId: PROPOSAL_ID, supporterRef, supportThreshold, supportOpen, at: LATER },
});
const supported = (supporterRef: string, supportCount: number): ProposalEvent => ({ type: 'ProposalSupported', data: { proposalId: PROPOSAL_ID, supporterRef, supportCount, at: LATER } });

describe('SupportProposal', () => {
  it('counts a supporter', () => {
    given([aSubmittedPlan()]).when(support('ps-a')).then([supported('ps-a', 1)]);
  });

  it('records reaching the frame threshold once', () => {
    given([aSubmittedPlan(), supported('ps-a', 1)])
      .when(support('ps-b'))
      .then([supported('ps-b', 2), { type: 'ProposalSupportThresholdReached', data: { proposalId: PROPOSAL_ID, threshold: 2, supportCount: 2, at: LATER } }]);
    given([aSubmittedPlan(), supported('ps-a', 1), supported('ps-b', 2), { type: 'ProposalSupportThresholdReached', data: { proposalId: PROPOSAL_ID, threshold: 2, supportCount: 2, at: LATER } }])
      .when(support('ps-c'))
      .then([supported('ps-c', 3)]);
  });

  it('rejects the same pseudonym twice', () => {
    given([aSubmittedPlan(), supported('ps-a', 1)]).when(support('ps-a')).thenThrows(ProposalAlreadySupportedError, 'PROPOSAL.ALREADY_SUPPORTED');
  });

  it('rejects support outside the support phase', () => {
    given([aSubmittedPlan()]).when(support('ps-a', 2, false)).thenThrows(ProposalSupportClosedError, 'PROPOSAL.SUPPORT_CLOSED');
  });

  it('rejects support for a plan past review', () => {
    given(anAdmittedPlan()).when(support('ps-a')).thenThrows(ProposalSupportClosedError, 'PROPOSAL.SUPPORT_CLOSED');
  });
});
