import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import {
  ProposalDeadlineAlreadyExtendedError,
  ProposalDecisionDeadlinePassedError,
  ProposalInvalidExtensionError,
  ProposalNoDecisionDeadlineError,
  ProposalReasonRequiredError,
} from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import { anApplication, APPLICATION_DEADLINE, aSubmittedPlan, LATER, PROPOSAL_ID } from '../testing/proposal.given.js';

const given = DeciderSpecification.for(proposalDecider);
const extend = (extensionDays: number | null = null, at = LATER, reason = 'Advies van de wijkraad nodig') => ({
  type: 'ExtendDecisionDeadline' as const,
  data: { proposalId: PROPOSAL_ID, extensionDays, reason, at },
});
const extended = {
  type: 'ProposalDecisionDeadlineExtended' as const,
  data: { proposalId: PROPOSAL_ID, previousDeadline: APPLICATION_DEADLINE, newDeadline: '2026-05-26T21:59:59.999Z', reason: 'Advies van de wijkraad nodig', at: LATER },
};

describe('ExtendDecisionDeadline', () => {
  it('extends by the frame\'s extension period by default, past Whit Monday (25 May) to the next working day', () => {
    given([anApplication()]).when(extend()).then([extended]);
  });

  it('extends by fewer days when asked, past Liberation Day (5 May)', () => {
    given([anApplication()])
      .when(extend(7))
      .then([{ ...extended, data: { ...extended.data, newDeadline: '2026-05-06T21:59:59.999Z' } }]);
  });

  it('rejects a second extension', () => {
    given([anApplication(), extended]).when(extend()).thenThrows(ProposalDeadlineAlreadyExtendedError, 'PROPOSAL.DEADLINE_ALREADY_EXTENDED');
  });

  it('rejects extending once the deadline has passed', () => {
    given([anApplication()]).when(extend(null, '2026-04-28T22:00:00.000Z')).thenThrows(ProposalDecisionDeadlinePassedError, 'PROPOSAL.DECISION_DEADLINE_PASSED');
  });

  it('rejects an extension longer than the frame allows', () => {
    given([anApplication()]).when(extend(29)).thenThrows(ProposalInvalidExtensionError, 'PROPOSAL.INVALID_EXTENSION');
  });

  it('rejects an extension without a reason', () => {
    given([anApplication()]).when(extend(null, LATER, '')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });

  it('rejects extending a plan in a round, which has no statutory deadline', () => {
    given([aSubmittedPlan()]).when(extend()).thenThrows(ProposalNoDecisionDeadlineError, 'PROPOSAL.NO_DECISION_DEADLINE');
  });
});
