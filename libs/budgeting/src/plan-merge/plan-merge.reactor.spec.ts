import { describe, it } from '@jest/globals';
import { ReactorSpecification } from '@lib/es/testing';
import { RecordAbsorption } from '../proposal/merge-proposals/merge-proposals.command.js';
import { aSubmittedPlan, LATER, OTHER_PROPOSAL_ID, PROPOSAL_ID } from '../proposal/testing/proposal.given.js';
import { planMergeReactor } from './plan-merge.reactor.js';

const given = ReactorSpecification.for(planMergeReactor, `Proposal-${OTHER_PROPOSAL_ID}`);

describe('plan-merge reactor', () => {
  it('the absorbed plan recording the merge makes the continuing plan record that it took it in', () => {
    given([
      aSubmittedPlan({ proposalId: OTHER_PROPOSAL_ID }),
      { type: 'ProposalMergedInto', data: { proposalId: OTHER_PROPOSAL_ID, continuingProposalId: PROPOSAL_ID, reason: 'Zelfde park', at: LATER } },
    ]).then([new RecordAbsorption({ proposalId: PROPOSAL_ID, absorbedProposalId: OTHER_PROPOSAL_ID, reason: 'Zelfde park', at: LATER })]);
  });

  it('other plan events are not its business', () => {
    given([aSubmittedPlan({ proposalId: OTHER_PROPOSAL_ID })]).then([]);
  });
});
