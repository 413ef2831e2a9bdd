import { describe, it } from '@jest/globals';
import { fold } from '@lib/es';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalMergeNotAllowedError, ProposalNotFoundError, ProposalReasonRequiredError } from '../proposal.errors.js';
import type { ProposalEvent } from '../proposal.events.js';
import { RecordAbsorption } from './merge-proposals.command.js';
import { proposalDecider } from '../proposal.decider.js';
import type { ExistingProposal } from '../proposal.state.js';
import { anAdmittedPlan, aSubmittedPlan, LATER, OTHER_PROPOSAL_ID, PROPOSAL_ID } from '../testing/proposal.given.js';

const given = DeciderSpecification.for(proposalDecider);
const other = fold(proposalDecider, [aSubmittedPlan({ proposalId: OTHER_PROPOSAL_ID })]) as ExistingProposal;
const continuing = fold(proposalDecider, [aSubmittedPlan()]) as ExistingProposal;
const REASON = 'Twee speeltuinplannen voor hetzelfde park';

describe('AbsorbProposal (the continuing plan)', () => {
  it('records the plan it takes in', () => {
    given([aSubmittedPlan()])
      .when({ type: 'AbsorbProposal', data: { proposalId: PROPOSAL_ID, absorbed: other, reason: REASON, at: LATER } })
      .then([{ type: 'ProposalAbsorbed', data: { proposalId: PROPOSAL_ID, absorbedProposalId: OTHER_PROPOSAL_ID, reason: REASON, at: LATER } }]);
  });

  it('rejects merging a plan with itself', () => {
    given([aSubmittedPlan()])
      .when({ type: 'AbsorbProposal', data: { proposalId: PROPOSAL_ID, absorbed: continuing, reason: REASON, at: LATER } })
      .thenThrows(ProposalMergeNotAllowedError, 'PROPOSAL.MERGE_NOT_ALLOWED');
  });

  it('rejects plans of different rounds', () => {
    const elsewhere = fold(proposalDecider, [aSubmittedPlan({ proposalId: OTHER_PROPOSAL_ID, roundId: 'r-2025' })]) as ExistingProposal;
    given([aSubmittedPlan()])
      .when({ type: 'AbsorbProposal', data: { proposalId: PROPOSAL_ID, absorbed: elsewhere, reason: REASON, at: LATER } })
      .thenThrows(ProposalMergeNotAllowedError, 'PROPOSAL.MERGE_NOT_ALLOWED');
  });

  it('rejects a continuing plan already on the ballot', () => {
    given(anAdmittedPlan())
      .when({ type: 'AbsorbProposal', data: { proposalId: PROPOSAL_ID, absorbed: other, reason: REASON, at: LATER } })
      .thenThrows(ProposalMergeNotAllowedError, 'PROPOSAL.MERGE_NOT_ALLOWED');
  });

  it('rejects a merge without a reason', () => {
    given([aSubmittedPlan()])
      .when({ type: 'AbsorbProposal', data: { proposalId: PROPOSAL_ID, absorbed: other, reason: '', at: LATER } })
      .thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });
});

describe('MergeIntoProposal (the absorbed plan)', () => {
  it('marks the plan as merged into the continuing one', () => {
    given([aSubmittedPlan({ proposalId: OTHER_PROPOSAL_ID })])
      .when({ type: 'MergeIntoProposal', data: { proposalId: OTHER_PROPOSAL_ID, continuing, reason: REASON, at: LATER } })
      .then([{ type: 'ProposalMergedInto', data: { proposalId: OTHER_PROPOSAL_ID, continuingProposalId: PROPOSAL_ID, reason: REASON, at: LATER } }]);
  });

  it('rejects merging a plan that was already merged', () => {
    given([
      aSubmittedPlan({ proposalId: OTHER_PROPOSAL_ID }),
      { type: 'ProposalMergedInto', data: { proposalId: OTHER_PROPOSAL_ID, continuingProposalId: 'p-9', reason: REASON, at: LATER } },
    ])
      .when({ type: 'MergeIntoProposal', data: { proposalId: OTHER_PROPOSAL_ID, continuing, reason: REASON, at: LATER } })
      .thenThrows(ProposalMergeNotAllowedError, 'PROPOSAL.MERGE_NOT_ALLOWED');
  });
});

describe('RecordAbsorption (the plan-merge reactor, after the absorbed plan recorded the merge)', () => {
  const absorbedEvent: ProposalEvent = { type: 'ProposalAbsorbed', data: { proposalId: PROPOSAL_ID, absorbedProposalId: OTHER_PROPOSAL_ID, reason: REASON, at: LATER } };
  const record = (overrides: Partial<RecordAbsorption['data']> = {}) => new RecordAbsorption({ proposalId: PROPOSAL_ID, absorbedProposalId: OTHER_PROPOSAL_ID, reason: REASON, at: LATER, ...overrides });

  it('records on the continuing plan the plan it took in', () => {
    given([aSubmittedPlan()]).when(record()).then([absorbedEvent]);
  });

  it('records it whatever the continuing plan did since: the merge is decided', () => {
    given(anAdmittedPlan()).when(record()).then([absorbedEvent]);
  });

  it('decides nothing when that plan was absorbed already', () => {
    given([aSubmittedPlan(), absorbedEvent]).when(record()).then([]);
  });

  it('refuses a plan absorbing itself, and a missing continuing plan', () => {
    given([aSubmittedPlan()]).when(record({ absorbedProposalId: PROPOSAL_ID })).thenThrows(ProposalMergeNotAllowedError, 'PROPOSAL.MERGE_NOT_ALLOWED');
    given([]).when(record()).thenThrows(ProposalNotFoundError, 'PROPOSAL.NOT_FOUND');
  });
});
