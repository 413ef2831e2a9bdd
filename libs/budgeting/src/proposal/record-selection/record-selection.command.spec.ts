import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { ProposalNoAdoptedResultError, ProposalReasonRequiredError, ProposalSelectionContradictsResultError, ProposalWrongStatusError } from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import { anAdmittedPlan, aReviewedPlan, LATER, OTHER_PROPOSAL_ID, PROPOSAL_ID } from '../testing/proposal.given.js';
import type { RecordSelection, RoundOutcome } from './record-selection.command.js';

const given = DeciderSpecification.for(proposalDecider);
const ADOPTED: RoundOutcome = { winners: [PROPOSAL_ID], adopted: true, corrections: 0 };
const selection = (selected: boolean | null, result: RoundOutcome | null = ADOPTED, reason = 'Uitslag vastgesteld op 2026-05-20'): RecordSelection => ({
  type: 'RecordSelection',
  data: { proposalId: PROPOSAL_ID, selected, result, reason, at: LATER },
});

describe('RecordSelection', () => {
  it('records a winner of the adopted result as selected', () => {
    given(anAdmittedPlan()).when(selection(true)).then([{ type: 'ProposalSelected', data: { proposalId: PROPOSAL_ID, reason: 'Uitslag vastgesteld op 2026-05-20', at: LATER } }]);
  });

  it('records a plan the result passed over as not selected', () => {
    given(anAdmittedPlan())
      .when(selection(false, { winners: [OTHER_PROPOSAL_ID], adopted: true, corrections: 0 }))
      .then([{ type: 'ProposalNotSelected', data: { proposalId: PROPOSAL_ID, reason: 'Uitslag vastgesteld op 2026-05-20', at: LATER } }]);
  });

  it('takes the selection from the result when the caller does not say', () => {
    given(anAdmittedPlan()).when(selection(null)).then([{ type: 'ProposalSelected', data: { proposalId: PROPOSAL_ID, reason: 'Uitslag vastgesteld op 2026-05-20', at: LATER } }]);
  });

  it('follows the corrected result, not the one first published', () => {
    given(anAdmittedPlan())
      .when(selection(null, { winners: [OTHER_PROPOSAL_ID], adopted: true, corrections: 1 }))
      .then([{ type: 'ProposalNotSelected', data: { proposalId: PROPOSAL_ID, reason: 'Uitslag vastgesteld op 2026-05-20', at: LATER } }]);
  });

  it('appends nothing for a plan already recorded as the result says (the adoption marked it, or a retry)', () => {
    const selected = { type: 'ProposalSelected' as const, data: { proposalId: PROPOSAL_ID, reason: 'Uitslag vastgesteld op 2026-05-20', at: LATER } };
    given([...anAdmittedPlan(), selected]).when(selection(null)).then([]);
    given([...anAdmittedPlan(), selected]).when(selection(true, ADOPTED, 'Nog eens')).then([]);
    const passedOver = { type: 'ProposalNotSelected' as const, data: { proposalId: PROPOSAL_ID, reason: 'Uitslag vastgesteld op 2026-05-20', at: LATER } };
    given([...anAdmittedPlan(), passedOver]).when(selection(null, { winners: [OTHER_PROPOSAL_ID], adopted: true, corrections: 0 })).then([]);
  });

  it('still refuses a recorded selection that a corrected result contradicts', () => {
    const selected = { type: 'ProposalSelected' as const, data: { proposalId: PROPOSAL_ID, reason: 'Uitslag vastgesteld op 2026-05-20', at: LATER } };
    given([...anAdmittedPlan(), selected]).when(selection(null, { winners: [OTHER_PROPOSAL_ID], adopted: true, corrections: 1 })).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
    given([...anAdmittedPlan(), selected]).when(selection(false)).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });

  it('rejects a selection the result contradicts', () => {
    given(anAdmittedPlan()).when(selection(false)).thenThrows(ProposalSelectionContradictsResultError, 'PROPOSAL.SELECTION_CONTRADICTS_RESULT');
  });

  it('rejects passing over a winner of the corrected result', () => {
    given(anAdmittedPlan())
      .when(selection(true, { winners: [OTHER_PROPOSAL_ID], adopted: true, corrections: 2 }))
      .thenThrows(ProposalSelectionContradictsResultError, 'PROPOSAL.SELECTION_CONTRADICTS_RESULT');
  });

  it('rejects a selection before the round published a result', () => {
    given(anAdmittedPlan()).when(selection(true, null)).thenThrows(ProposalNoAdoptedResultError, 'PROPOSAL.NO_ADOPTED_RESULT');
  });

  it('rejects a selection from a result published but not yet adopted', () => {
    given(anAdmittedPlan()).when(selection(true, { ...ADOPTED, adopted: false })).thenThrows(ProposalNoAdoptedResultError, 'PROPOSAL.NO_ADOPTED_RESULT');
  });

  it('rejects a plan that was never admitted to the ballot', () => {
    given(aReviewedPlan()).when(selection(true)).thenThrows(ProposalWrongStatusError, 'PROPOSAL.WRONG_STATUS');
  });

  it('rejects a selection without a reason', () => {
    given(anAdmittedPlan()).when(selection(true, ADOPTED, '')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });
});
