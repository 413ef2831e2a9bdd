import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalNotAwaitingModerationError, ProposalReasonRequiredError, ProposalSupportClosedError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import type { ProposalEvent } from '../proposal.events.js';
import { aSubmittedPlan, LATER, PROPOSAL_ID, SUBMITTED_AT } from '../testing/proposal.given.js';
import type { ModerateProposal } from './moderate-proposal.command.js';

const given = DeciderSpecification.for(proposalDecider);
const residentsPlan = (): ProposalEvent[] => [aSubmittedPlan({ submitterRef: 'res-4b1e9f0c', submitterStaffRef: null }), { type: 'ProposalAwaitingModeration', data: { proposalId: PROPOSAL_ID, at: SUBMITTED_AT } }];
const moderate = (admitted: boolean, reason?: string): ModerateProposal => ({ type: 'ModerateProposal', data: { proposalId: PROPOSAL_ID, admitted, reason, at: LATER } });

describe('ModerateProposal', () => {
  it('lets a resident\'s plan into intake, with or without a reason', () => {
    given(residentsPlan()).when(moderate(true)).then([{ type: 'ProposalAdmittedToIntake', data: { proposalId: PROPOSAL_ID, version: 1, reason: null, at: LATER } }]);
    given(residentsPlan()).when(moderate(true, ' Past in de regeling ')).then([{ type: 'ProposalAdmittedToIntake', data: { proposalId: PROPOSAL_ID, version: 1, reason: 'Past in de regeling', at: LATER } }]);
  });

  it('refuses a plan naming the reason in the event', () => {
    given(residentsPlan()).when(moderate(false, 'Bevat namen van buren')).then([{ type: 'ProposalRefusedAtIntake', data: { proposalId: PROPOSAL_ID, version: 1, reason: 'Bevat namen van buren', at: LATER } }]);
  });

  it('needs a reason to refuse', () => {
    given(residentsPlan()).when(moderate(false)).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
    given(residentsPlan()).when(moderate(false, '   ')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });

  it('moderates only a plan that awaits it: not one staff entered, not one moderated already', () => {
    given([aSubmittedPlan()]).when(moderate(true)).thenThrows(ProposalNotAwaitingModerationError, 'PROPOSAL.NOT_AWAITING_MODERATION');
    given([...residentsPlan(), { type: 'ProposalRefusedAtIntake', data: { proposalId: PROPOSAL_ID, version: 1, reason: 'Dubbel', at: LATER } }]).when(moderate(true)).thenThrows(ProposalNotAwaitingModerationError, 'PROPOSAL.NOT_AWAITING_MODERATION');
  });

  it('gathers no support while the plan awaits moderation', () => {
    given(residentsPlan())
      .when({ type: 'SupportProposal', data: { proposalId: PROPOSAL_ID, supporterRef: 'ps-a', supportThreshold: 2, supportOpen: true, at: LATER } })
      .thenThrows(ProposalSupportClosedError, 'PROPOSAL.SUPPORT_CLOSED');
  });
});
