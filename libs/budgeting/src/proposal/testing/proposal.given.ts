import type { AppealRoute, ProposalEvent, ProposalSubmitted, ProposalVersion } from '../proposal.events.js';
import type { PlanSubmission, SubmissionFrame } from '../submit-proposal/submit-proposal.command.js';

export const PROPOSAL_ID = 'p-1';
export const OTHER_PROPOSAL_ID = 'p-2';
export const ROUND_ID = 'r-2026';
export const BUDGET_ID = 'b-1';
export const SUBMITTER_REF = 'sub-7f3a9c';
export const SUBMITTER_STAFF_REF = 'staff-submitter';
export const REVIEWER = 'staff-reviewer';
export const SUBMITTED_AT = '2026-03-02T09:00:00.000Z';
export const LATER = '2026-03-10T09:00:00.000Z';
/** Eight weeks after receipt on 2 March 2026 is King's Day (Monday 27 April): the term runs to the end of Tuesday 28 April in Amsterdam. */
export const APPLICATION_DEADLINE = '2026-04-28T21:59:59.999Z';
export const BEZWAAR: AppealRoute = { route: 'bezwaar', periodWeeks: 6, addressedTo: 'college van burgemeester en wethouders' };

export const ORIGINAL_VERSION: ProposalVersion = {
  number: 1,
  title: 'Speeltuin Oosterpark',
  summary: 'Nieuwe speeltoestellen en een bankje bij de vijver',
  costEstimate: { investmentCents: 2_500_000, maintenancePerYearCents: 100_000, maintenanceYears: 5 },
  at: SUBMITTED_AT,
};

export function aFrame(overrides: Partial<SubmissionFrame> = {}): SubmissionFrame {
  return {
    roundId: ROUND_ID,
    budgetId: BUDGET_ID,
    form: 'burgerbegroting',
    acceptsSubmissions: true,
    areas: ['BU03630000', 'BU03630001'],
    themes: ['groen', 'spelen'],
    minAmountCents: 100_000,
    maxAmountCents: 5_000_000,
    publishedCriteria: ['c-cost', 'c-feasible'],
    decisionPeriodDays: null,
    maxExtensionDays: null,
    fixedIntakeThresholdCents: null,
    fixedIntakeDates: [],
    intakeClosesAt: null,
    ...overrides,
  };
}

/** The plan of ORIGINAL_VERSION submitted in aFrame(), as a command carries it (by staff or by the resident). */
export function aPlanSubmission(overrides: Partial<PlanSubmission> = {}): PlanSubmission {
  return {
    proposalId: PROPOSAL_ID,
    submitterRef: SUBMITTER_REF,
    areaId: 'BU03630000',
    themeId: 'spelen',
    title: ORIGINAL_VERSION.title,
    summary: ORIGINAL_VERSION.summary,
    costEstimate: ORIGINAL_VERSION.costEstimate,
    at: SUBMITTED_AT,
    frame: aFrame(),
    ...overrides,
  };
}

export function aSubmittedPlan(overrides: Partial<ProposalSubmitted['data']> = {}): ProposalSubmitted {
  return {
    type: 'ProposalSubmitted',
    data: {
      proposalId: PROPOSAL_ID,
      roundId: ROUND_ID,
      budgetId: BUDGET_ID,
      form: 'burgerbegroting',
      areaId: 'BU03630000',
      themeId: 'spelen',
      submitterRef: SUBMITTER_REF,
      submitterStaffRef: SUBMITTER_STAFF_REF,
      version: ORIGINAL_VERSION,
      publishedCriteria: ['c-cost', 'c-feasible'],
      intake: { kind: 'round' },
      submittedAt: SUBMITTED_AT,
      ...overrides,
    },
  };
}

/** An initiatievenfonds application received at SUBMITTED_AT with the statutory eight weeks. */
export function anApplication(): ProposalSubmitted {
  return aSubmittedPlan({
    form: 'initiatievenfonds',
    intake: { kind: 'continuous', decisionPeriodDays: 56, maxExtensionDays: 28, decisionDeadline: APPLICATION_DEADLINE },
  });
}

export function verdict(criterionId: string, outcome: 'met' | 'not_met' | 'needs_revision', version = 1, reviewerRef = REVIEWER): ProposalEvent {
  return { type: 'ProposalFeasibilityVerdictGiven', data: { proposalId: PROPOSAL_ID, criterionId, outcome, reason: `${criterionId}: ${outcome}`, reviewerRef, version, at: LATER } };
}

export function aReviewedPlan(): ProposalEvent[] {
  return [aSubmittedPlan(), verdict('c-cost', 'met'), verdict('c-feasible', 'met')];
}

export function anAdmittedPlan(): ProposalEvent[] {
  return [...aReviewedPlan(), { type: 'ProposalAdmittedToBallot', data: { proposalId: PROPOSAL_ID, version: 1, reason: 'Voldoet aan alle criteria', at: LATER } }];
}

export function aSelectedPlan(): ProposalEvent[] {
  return [...anAdmittedPlan(), { type: 'ProposalSelected', data: { proposalId: PROPOSAL_ID, reason: 'Uitslag vastgesteld', at: LATER } }];
}

export function aGrantedPlan(amountCents = 2_000_000): ProposalEvent[] {
  return [
    ...aSelectedPlan(),
    {
      type: 'ProposalGranted',
      data: { proposalId: PROPOSAL_ID, roundId: ROUND_ID, amountCents, decisionReference: 'Z/26/000123', decisionDate: '2026-06-01', appeal: BEZWAAR, reason: 'Gekozen', at: LATER },
    },
  ];
}

export function aPlanInImplementation(amountCents = 2_000_000): ProposalEvent[] {
  return [...aGrantedPlan(amountCents), { type: 'ProposalImplementationStarted', data: { proposalId: PROPOSAL_ID, startedOn: '2026-07-01', at: LATER } }];
}

export function paid(amountCents: number, paidTotalCents: number, reference = 'PAY-1'): ProposalEvent {
  return { type: 'ProposalPaymentRecorded', data: { proposalId: PROPOSAL_ID, paymentReference: reference, amountCents, paidTotalCents, at: LATER } };
}
