import { describeGoldenEvents, type EventExamples } from '@lib/es/testing';
import {
  BUDGET_EVENT_TYPES,
  budgetStream,
  type BudgetEvent,
  type BudgetFrame,
  PROPOSAL_EVENT_TYPES,
  proposalStream,
  type ProposalEvent,
  ROUND_EVENT_TYPES,
  roundStream,
  type RoundEvent,
  type RoundFrame,
} from '@lib/budgeting/events';

const frame: BudgetFrame = {
  form: 'wijkbudget',
  title: 'Wijkbudget Noord 2027',
  amountKind: 'budget',
  amountCents: 25_000_000,
  areas: [
    { code: 'WK036301', name: 'Noord', kind: 'wijk', inhabitants: 12_400, share: 6000 },
    { code: 'WK036302', name: 'Oost', kind: 'wijk', inhabitants: 8_300, share: 4000 },
  ],
  allocation: { kind: 'shares' },
  criteria: [
    { id: 'c-max', text: 'Ten hoogste € 50.000 per plan', kind: 'maximum-amount', amountCents: 5_000_000 },
    { id: 'c-themes', text: 'Groen of spelen', kind: 'themes', themes: ['groen', 'spelen'] },
  ],
  participation: { areaCodes: ['WK036301', 'WK036302'], minimumAge: 16, participants: ['residents'], excludedRoles: ['council-member'], credential: 'postal-voting-code' },
  ballot: { type: 'approval', minPlans: 1, maxPlans: 3, costCapCents: 10_000_000, minSpendCents: 2_500_000, themeQuotas: [{ theme: 'groen', minPlans: 1 }, { theme: 'verkeer', maxPlans: 1 }] },
  tally: { rule: 'equalshares/add1', tieBreak: ['lowest-cost', 'lot'], seed: 'raadsbesluit-2027-014' },
  interimResultsPublic: false,
  regime: { kind: 'binding', adoptedBy: 'college' },
  carryOver: { maxYears: 2 },
};
const areaAmounts = [
  { areaCode: 'WK036301', amountCents: 15_000_000 },
  { areaCode: 'WK036302', amountCents: 10_000_000 },
];
const council = { body: 'council', number: 'RB 2027/014', date: '2027-01-28' } as const;
const college = { body: 'college', number: 'B&W 2027/112', date: '2027-03-02' } as const;
const roundFrame: RoundFrame = {
  version: 1,
  form: 'wijkbudget',
  ceilingCents: 25_500_000,
  areaCeilings: [
    { areaCode: 'WK036301', amountCents: 15_500_000 },
    { areaCode: 'WK036302', amountCents: 10_000_000 },
  ],
  criteria: frame.criteria,
  regime: { kind: 'binding', adoptedBy: 'college' },
  intake: null,
  hasBallot: true,
  carryOverMaxYears: 2,
};
const winners = [{ proposalId: 'p-1', amountCents: 4_500_000, areaCode: 'WK036301' }];
const explanation = [
  { proposalId: 'p-1', selected: true, explanation: 'Gekozen: 412 stemmen, past binnen het budget van Noord', votes: 412, details: { round: 1 } },
  { proposalId: 'p-2', selected: false, explanation: 'Niet gekozen: het budget van Oost is op', votes: 97 },
];
const appeal = { route: 'bezwaar', periodWeeks: 6, addressedTo: 'het college van burgemeester en wethouders' } as const;
const version = { number: 1, title: 'Speeltuin Noorderpark', summary: 'Nieuwe toestellen en een bankje', costEstimate: { investmentCents: 4_500_000, maintenancePerYearCents: 150_000, maintenanceYears: 10 }, at: '2027-02-10T10:00:00.000Z' };

const budget: EventExamples<BudgetEvent> = {
  BudgetEstablished: { budgetId: 'b-1', version: 1, frame, areaAmounts, decision: council, template: 'wijkbudget', establishedAt: '2027-01-29T09:00:00.000Z' },
  FrameAmended: { budgetId: 'b-1', version: 2, frame: { ...frame, amountCents: 26_000_000 }, areaAmounts, decision: council, reason: 'Extra geld uit de voorjaarsnota', amendedAt: '2027-02-20T09:00:00.000Z' },
  FrameVersionFrozen: { budgetId: 'b-1', version: 2, roundId: 'r-1', frozenAt: '2027-04-01T07:00:00.000Z' },
  FrameVersionReleased: { budgetId: 'b-1', version: 2, roundId: 'r-1', releasedAt: '2027-06-15T12:00:00.000Z' },
};

const round: EventExamples<RoundEvent> = {
  RoundPlanned: {
    roundId: 'r-1',
    budgetId: 'b-1',
    title: 'Wijkbudget Noord 2027',
    year: 2027,
    decidedBy: 'vote',
    pipeline: ['planned', 'submission', 'feasibility', 'voting', 'counting', 'adoption', 'implementation', 'closed'],
    schedule: [
      { phase: 'submission', opensOn: '2027-02-01', closesOn: '2027-02-28' },
      { phase: 'voting', opensOn: '2027-04-01', closesOn: '2027-04-21' },
    ],
    carryOver: [{ areaCode: 'WK036301', amountCents: 500_000, fromYear: 2026 }],
    intakeDates: [],
    frame: roundFrame,
    plannedAt: '2027-01-30T09:00:00.000Z',
  },
  RoundFollowedFrameAmendment: { roundId: 'r-1', fromVersion: 1, frame: { ...roundFrame, version: 2, ceilingCents: 26_500_000 }, at: '2027-02-20T09:00:01.000Z' },
  RoundPhaseAdvanced: { roundId: 'r-1', from: 'feasibility', to: 'voting', reason: 'Toetsing afgerond', decision: college, at: '2027-04-01T07:00:00.000Z' },
  RoundCancelled: { roundId: 'r-1', from: 'voting', reason: 'Stemming ongeldig door storing', decision: college, at: '2027-04-10T07:00:00.000Z' },
  SubmissionOpened: { roundId: 'r-1', frameVersion: 1, criteria: frame.criteria, at: '2027-02-01T07:00:00.000Z' },
  RoundRulesFrozen: { roundId: 'r-1', frameVersion: 2, at: '2027-04-01T07:00:00.000Z' },
  FundsCommitted: {
    roundId: 'r-1',
    proposalId: 'p-1',
    amountCents: 4_500_000,
    areaCode: 'WK036301',
    committedCents: 4_500_000,
    at: '2027-05-01T09:00:00.000Z',
    grant: { proposalRevision: 7, decisionReference: 'BS 2027/0301', decisionDate: '2027-05-01', appeal, reason: 'Gekozen bij de stemming' },
  },
  FundsReleased: { roundId: 'r-1', proposalId: 'p-1', amountCents: 300_000, areaCode: 'WK036301', committedCents: 4_200_000, reason: 'Goedkoper uitgevoerd', at: '2027-09-01T09:00:00.000Z', cause: 'b4f1c2de-9a3e-4c5b-8d7f-0e1a2b3c4d5e' },
  ResultPublished: {
    roundId: 'r-1',
    frameVersion: 2,
    winners,
    explanation,
    totalCents: 4_500_000,
    basis: 'count',
    count: {
      ballots: 509,
      rule: 'equalshares/add1',
      tieBreak: ['lowest-cost', 'lot', 'project-id'],
      seed: 'raadsbesluit-2027-014',
      countingUnitCents: 100,
      currency: 'EUR',
      budget: '265000',
      cost: '45000',
      leftover: '220000',
      fairness: { votersReached: 412 },
      tieBreaks: [{ pot: 'WK036302', step: 'round 2', contenders: ['p-2', 'p-3'], chosen: 'p-3', decidedBy: 'lowest-cost' }],
      pots: [{ pot: 'WK036301', budget: '155000', winners: ['p-1'] }],
    },
    decision: null,
    reason: null,
    at: '2027-04-22T09:00:00.000Z',
  },
  ResultAdopted: { roundId: 'r-1', decision: college, reason: 'Uitslag vastgesteld', at: '2027-05-01T09:00:00.000Z' },
  ResultCorrected: { roundId: 'r-1', correction: 1, winners, explanation, totalCents: 4_500_000, reason: 'Stemmen van een stembureau nageteld', decision: college, at: '2027-05-08T09:00:00.000Z' },
  RoundSealed: { roundId: 'r-1', digest: '3f'.repeat(32), upTo: '1200/1200', streams: 14, events: 612, sealedAt: '2027-04-22T09:00:01.000Z', phase: 'counting' },
};

const proposal: EventExamples<ProposalEvent> = {
  ProposalSubmitted: {
    proposalId: 'p-1',
    roundId: 'r-1',
    budgetId: 'b-1',
    form: 'wijkbudget',
    areaId: 'WK036301',
    themeId: 'spelen',
    submitterRef: 'res-9f2c',
    submitterStaffRef: null,
    version,
    publishedCriteria: ['c-max', 'c-themes'],
    intake: { kind: 'round' },
    submittedAt: '2027-02-10T10:00:00.000Z',
  },
  ProposalAmended: { proposalId: 'p-1', version: { ...version, number: 2, costEstimate: { ...version.costEstimate, investmentCents: 4_200_000 }, at: '2027-03-01T10:00:00.000Z' }, reason: 'Goedkopere toestellen' },
  ProposalWithdrawn: { proposalId: 'p-4', reason: 'De indiener trekt het plan in', withdrawnAt: '2027-02-20T10:00:00.000Z' },
  ProposalSupported: { proposalId: 'p-1', supporterRef: 'res-11aa', supportCount: 25, at: '2027-02-15T18:00:00.000Z' },
  ProposalSupportThresholdReached: { proposalId: 'p-1', threshold: 25, supportCount: 25, at: '2027-02-15T18:00:00.000Z' },
  ProposalAbsorbed: { proposalId: 'p-1', absorbedProposalId: 'p-5', reason: 'Zelfde speeltuin', at: '2027-03-03T10:00:00.000Z' },
  ProposalMergedInto: { proposalId: 'p-5', continuingProposalId: 'p-1', reason: 'Zelfde speeltuin', at: '2027-03-03T10:00:00.000Z' },
  ProposalReviewerConflictDeclared: { proposalId: 'p-1', reviewerRef: 'staff-3', reason: 'Woont aan het park', at: '2027-03-04T10:00:00.000Z' },
  ProposalFeasibilityVerdictGiven: { proposalId: 'p-1', criterionId: 'c-max', outcome: 'met', reason: 'Binnen € 50.000', reviewerRef: 'staff-4', version: 2, at: '2027-03-10T10:00:00.000Z' },
  ProposalAdmittedToBallot: { proposalId: 'p-1', version: 2, reason: 'Aan alle criteria voldaan', at: '2027-03-20T10:00:00.000Z' },
  ProposalRefusedForBallot: { proposalId: 'p-6', version: 1, reason: 'Niet uitvoerbaar binnen een jaar', at: '2027-03-20T10:00:00.000Z' },
  ProposalSelected: { proposalId: 'p-1', reason: 'Gekozen bij de telling', at: '2027-04-22T09:00:00.000Z' },
  ProposalNotSelected: { proposalId: 'p-2', reason: 'Niet gekozen bij de telling', at: '2027-04-22T09:00:00.000Z' },
  ProposalDecisionDeadlineExtended: { proposalId: 'p-7', previousDeadline: '2027-05-01', newDeadline: '2027-06-12', reason: 'Advies van de brandweer nodig', at: '2027-04-20T10:00:00.000Z' },
  ProposalGranted: {
    proposalId: 'p-7',
    roundId: 'r-2',
    amountCents: 250_000,
    decisionReference: 'BS 2027/0311',
    decisionDate: '2027-05-10',
    appeal,
    reason: 'Past binnen de regeling',
    at: '2027-05-10T10:00:00.000Z',
    commitment: '5c2e8a1f-3b7d-4e9a-8c6b-1d2f3a4b5c6d',
  },
  ProposalGrantRefused: { proposalId: 'p-8', decisionReference: 'BS 2027/0312', decisionDate: '2027-05-10', appeal, reason: 'Valt buiten de regeling', at: '2027-05-10T10:00:00.000Z' },
  ProposalImplementationStarted: { proposalId: 'p-1', startedOn: '2027-06-01', at: '2027-06-01T08:00:00.000Z' },
  ProposalPaymentRecorded: { proposalId: 'p-1', paymentReference: 'BET-2027-0042', amountCents: 2_000_000, paidTotalCents: 2_000_000, at: '2027-07-01T08:00:00.000Z' },
  ProposalRealised: { proposalId: 'p-1', spentCents: 4_200_000, releasedCents: 300_000, reason: 'Opgeleverd', at: '2027-09-01T09:00:00.000Z' },
  ProposalPartlyRealised: { proposalId: 'p-9', spentCents: 1_000_000, releasedCents: 500_000, reason: 'Bankjes geplaatst, geen fontein', at: '2027-09-01T09:00:00.000Z' },
  ProposalImplementationCancelled: { proposalId: 'p-10', releasedCents: 800_000, reason: 'Vergunning geweigerd', at: '2027-08-01T09:00:00.000Z' },
  ProposalMoneyReturned: { proposalId: 'p-7', amountCents: 50_000, returnedTotalCents: 50_000, releasedCents: 50_000, reference: 'TER-2027-0007', at: '2027-10-01T09:00:00.000Z' },
  ProposalSupportWithdrawn: { proposalId: 'p-1', supporterRef: 'res-11aa', supportCount: 24, at: '2027-02-16T08:00:00.000Z' },
  ProposalAwaitingModeration: { proposalId: 'p-11', at: '2027-02-11T19:30:00.000Z' },
  ProposalAdmittedToIntake: { proposalId: 'p-11', version: 1, reason: null, at: '2027-02-12T09:00:00.000Z' },
  ProposalRefusedAtIntake: { proposalId: 'p-12', version: 2, reason: 'Bevat persoonsgegevens van buren; dien het plan opnieuw in zonder namen', at: '2027-02-12T09:05:00.000Z' },
};

describeGoldenEvents(new URL('./events.golden.json', import.meta.url), {
  Budget: { types: BUDGET_EVENT_TYPES, stream: budgetStream('b-1'), examples: budget },
  Round: { types: ROUND_EVENT_TYPES, stream: roundStream('r-1'), examples: round },
  Proposal: { types: PROPOSAL_EVENT_TYPES, stream: proposalStream('p-1'), examples: proposal },
});
