import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalAlreadySubmittedError, ProposalIntakeClosedError, ProposalSubmissionClosedError, ProposalUnknownThemeError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import { aFrame, aPlanSubmission, aSubmittedPlan, ORIGINAL_VERSION, PROPOSAL_ID, SUBMITTED_AT } from '../testing/proposal.given.js';
import type { SubmitOwnProposal } from './submit-my-proposal.command.js';

const given = DeciderSpecification.for(proposalDecider);
const RESIDENT = 'res-4b1e9f0c';

function submit(overrides: Partial<SubmitOwnProposal['data']> = {}): SubmitOwnProposal {
  return { type: 'SubmitOwnProposal', data: aPlanSubmission({ submitterRef: RESIDENT, ...overrides }) };
}

describe('SubmitOwnProposal', () => {
  it('records the plan under the resident\'s pseudonym, waiting for moderation', () => {
    given([])
      .when(submit())
      .then([aSubmittedPlan({ submitterRef: RESIDENT, submitterStaffRef: null }), { type: 'ProposalAwaitingModeration', data: { proposalId: PROPOSAL_ID, at: SUBMITTED_AT } }]);
  });

  it('takes plans up to the end of the closing day in Amsterdam', () => {
    given([])
      .when(submit({ at: '2026-03-02T22:59:59.000Z', frame: aFrame({ intakeClosesAt: '2026-03-02T22:59:59.999Z' }) }))
      .then([
        aSubmittedPlan({ submitterRef: RESIDENT, submitterStaffRef: null, submittedAt: '2026-03-02T22:59:59.000Z', version: { ...ORIGINAL_VERSION, at: '2026-03-02T22:59:59.000Z' } }),
        { type: 'ProposalAwaitingModeration', data: { proposalId: PROPOSAL_ID, at: '2026-03-02T22:59:59.000Z' } },
      ]);
  });

  it('refuses a plan after the intake deadline with its own code', () => {
    given([]).when(submit({ at: '2026-03-02T23:00:00.000Z', frame: aFrame({ intakeClosesAt: '2026-03-02T22:59:59.999Z' }) })).thenThrows(ProposalIntakeClosedError, 'PROPOSAL.INTAKE_CLOSED');
  });

  it('keeps the rules of every submission: the phase, the frame\'s themes, one plan per id', () => {
    given([]).when(submit({ frame: aFrame({ acceptsSubmissions: false }) })).thenThrows(ProposalSubmissionClosedError, 'PROPOSAL.SUBMISSION_CLOSED');
    given([]).when(submit({ themeId: 'parkeren' })).thenThrows(ProposalUnknownThemeError, 'PROPOSAL.UNKNOWN_THEME');
    given([aSubmittedPlan()]).when(submit()).thenThrows(ProposalAlreadySubmittedError, 'PROPOSAL.ALREADY_SUBMITTED');
  });
});
