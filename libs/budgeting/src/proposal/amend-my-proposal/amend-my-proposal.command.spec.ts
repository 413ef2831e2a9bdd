import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import {
  ProposalAmountOutOfRangeError,
  ProposalIntakeClosedError,
  ProposalNotAmendableError,
  ProposalNotSubmitterError,
  ProposalReasonRequiredError,
} from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import type { ProposalEvent } from '../proposal.events.js';
import { aFrame, aSubmittedPlan, LATER, PROPOSAL_ID, SUBMITTED_AT, verdict } from '../testing/proposal.given.js';
import type { AmendOwnProposal } from './amend-my-proposal.command.js';

const given = DeciderSpecification.for(proposalDecider);
const RESIDENT = 'res-4b1e9f0c';
const COST = { investmentCents: 1_800_000, maintenancePerYearCents: 50_000, maintenanceYears: 5 };
const residentsPlan = (): ProposalEvent[] => [aSubmittedPlan({ submitterRef: RESIDENT, submitterStaffRef: null }), { type: 'ProposalAwaitingModeration', data: { proposalId: PROPOSAL_ID, at: SUBMITTED_AT } }];
const admitted: ProposalEvent = { type: 'ProposalAdmittedToIntake', data: { proposalId: PROPOSAL_ID, version: 1, reason: null, at: SUBMITTED_AT } };

function amend(overrides: Partial<AmendOwnProposal['data']> = {}): AmendOwnProposal {
  return { type: 'AmendOwnProposal', data: { proposalId: PROPOSAL_ID, submitterRef: RESIDENT, title: 'Speeltuin Oosterpark (kleiner)', summary: 'Twee toestellen', costEstimate: COST, reason: 'Goedkoper', at: LATER, frame: aFrame(), ...overrides } };
}
const amended: ProposalEvent = { type: 'ProposalAmended', data: { proposalId: PROPOSAL_ID, version: { number: 2, title: 'Speeltuin Oosterpark (kleiner)', summary: 'Twee toestellen', costEstimate: COST, at: LATER }, reason: 'Goedkoper' } };

describe('AmendOwnProposal', () => {
  it('adds the submitter\'s version while the plan awaits moderation', () => {
    given(residentsPlan()).when(amend()).then([amended]);
  });

  it('adds a version once moderation let the plan in, until the end of the closing day', () => {
    given([...residentsPlan(), admitted]).when(amend({ frame: aFrame({ intakeClosesAt: '2026-03-10T22:59:59.999Z' }) })).then([amended]);
  });

  it('refuses anyone but the submitter', () => {
    given(residentsPlan()).when(amend({ submitterRef: 'res-someone-else' })).thenThrows(ProposalNotSubmitterError, 'PROPOSAL.NOT_SUBMITTER');
  });

  it('refuses an amendment after the schedule\'s closing day', () => {
    given([...residentsPlan(), admitted]).when(amend({ frame: aFrame({ intakeClosesAt: '2026-03-09T22:59:59.999Z' }) })).thenThrows(ProposalIntakeClosedError, 'PROPOSAL.INTAKE_CLOSED');
  });

  it('refuses an amendment once the round has left its submission phase', () => {
    given([...residentsPlan(), admitted]).when(amend({ frame: aFrame({ acceptsSubmissions: false }) })).thenThrows(ProposalIntakeClosedError, 'PROPOSAL.INTAKE_CLOSED');
  });

  it('lets the submitter revise after the deadline when a reviewer asked for it', () => {
    given([...residentsPlan(), admitted, verdict('c-cost', 'needs_revision')]).when(amend({ frame: aFrame({ acceptsSubmissions: false, intakeClosesAt: '2026-03-05T22:59:59.999Z' }) })).then([amended]);
  });

  it('refuses a plan moderation refused', () => {
    given([...residentsPlan(), { type: 'ProposalRefusedAtIntake', data: { proposalId: PROPOSAL_ID, version: 1, reason: 'Geen plan voor de buurt', at: SUBMITTED_AT } }])
      .when(amend())
      .thenThrows(ProposalNotAmendableError, 'PROPOSAL.NOT_AMENDABLE');
  });

  it('needs a reason and an amount inside the frame', () => {
    given(residentsPlan()).when(amend({ reason: '  ' })).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
    given(residentsPlan()).when(amend({ costEstimate: { investmentCents: 6_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 } })).thenThrows(ProposalAmountOutOfRangeError, 'PROPOSAL.AMOUNT_OUT_OF_RANGE');
  });
});
