import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalReasonRequiredError, ProposalWrongStatusError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import type { ProposalEvent } from '../proposal.events.js';
import { aGrantedPlan, aPlanInImplementation, LATER, paid, PROPOSAL_ID } from '../testing/proposal.given.js';

const given = DeciderSpecification.for(proposalDecider);
const close = (outcome: 'realised' | 'partly_realised' | 'cancelled', reason = 'Opgeleverd') => ({ type: 'CloseImplementation' as const, data: { proposalId: PROPOSAL_ID, outcome, reason, at: LATER } });
const partly: ProposalEvent = { type: 'ProposalPartlyRealised', data: { proposalId: PROPOSAL_ID, spentCents: 1_500_000, releasedCents: 500_000, reason: 'Opgeleverd', at: LATER } };

describe('CloseImplementation', () => {
  it('closes as realised and releases what was not paid', () => {
    given([...aPlanInImplementation(), paid(1_900_000, 1_900_000)])
      .when(close('realised'))
      .then([{ type: 'ProposalRealised', data: { proposalId: PROPOSAL_ID, spentCents: 1_900_000, releasedCents: 100_000, reason: 'Opgeleverd', at: LATER } }]);
  });

  it('closes as partly realised', () => {
    given([...aPlanInImplementation(), paid(1_500_000, 1_500_000)]).when(close('partly_realised')).then([partly]);
  });

  it('cancels a granted plan and releases the whole grant', () => {
    given(aGrantedPlan())
      .when(close('cancelled', 'Vergunning geweigerd'))
      .then([{ type: 'ProposalImplementationCancelled', data: { proposalId: PROPOSAL_ID, releasedCents: 2_000_000, reason: 'Vergunning geweigerd', at: LATER } }]);
  });

  it('rejects closing as realised before implementation started', () => {
    given(aGrantedPlan()).when(close('realised')).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });

  it('rejects closing without a reason', () => {
    given(aPlanInImplementation()).when(close('realised', '')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });
});
