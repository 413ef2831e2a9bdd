import { describe, expect, it } from '@jest/globals';
import { fold } from '@lib/es';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalNotAmendableError, ProposalNotFoundError, ProposalReasonRequiredError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import type { ProposalEvent } from '../proposal.events.js';
import { anAdmittedPlan, aSubmittedPlan, LATER, ORIGINAL_VERSION, PROPOSAL_ID, verdict } from '../testing/proposal.given.js';
import type { AmendProposal } from './amend-proposal.command.js';

const given = DeciderSpecification.for(proposalDecider);
const costEstimate = { investmentCents: 1_800_000, maintenancePerYearCents: 100_000, maintenanceYears: 5 };

function amend(reason = 'Goedkopere toestellen na overleg met de reviewer'): AmendProposal {
  return { type: 'AmendProposal', data: { proposalId: PROPOSAL_ID, title: 'Speeltuin Oosterpark (herzien)', summary: 'Kleinere opzet', costEstimate, reason, at: LATER } };
}

const amended: ProposalEvent = {
  type: 'ProposalAmended',
  data: { proposalId: PROPOSAL_ID, version: { number: 2, title: 'Speeltuin Oosterpark (herzien)', summary: 'Kleinere opzet', costEstimate, at: LATER }, reason: 'Goedkopere toestellen na overleg met de reviewer' },
};

describe('AmendProposal', () => {
  it('adds version 2 and keeps the original', () => {
    given([aSubmittedPlan()]).when(amend()).then([amended]);
    const state = fold(proposalDecider, [aSubmittedPlan(), amended]);
    expect(state.exists && state.versions).toEqual([ORIGINAL_VERSION, { number: 2, title: 'Speeltuin Oosterpark (herzien)', summary: 'Kleinere opzet', costEstimate, at: LATER }]);
  });

  it('answers a request for revision and puts the plan back under review', () => {
    given([aSubmittedPlan(), verdict('c-cost', 'needs_revision')]).when(amend()).then([amended]);
    const state = fold(proposalDecider, [aSubmittedPlan(), verdict('c-cost', 'needs_revision'), amended]);
    expect(state.exists && state.status).toBe('submitted');
  });

  it('rejects an amendment without a reason', () => {
    given([aSubmittedPlan()]).when(amend('  ')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });

  it('rejects amending a plan already on the ballot', () => {
    given(anAdmittedPlan()).when(amend()).thenThrows(ProposalNotAmendableError, 'PROPOSAL.NOT_AMENDABLE');
  });

  it('rejects amending a plan that does not exist', () => {
    given([]).when(amend()).thenThrows(ProposalNotFoundError, 'PROPOSAL.NOT_FOUND');
  });
});
