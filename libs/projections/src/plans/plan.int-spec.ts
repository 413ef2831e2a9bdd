import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { planProjection } from './plan.projection.js';
import { budgetOverviewProjection } from '../budgets/budget-overview.projection.js';
import { roundOverviewProjection } from '../rounds/round-overview.projection.js';
import { given, openTestReadModels, project, rowsOf, type TestReadModels } from '../testing/read-models.given.js';
import { budgetEstablished, phaseAdvanced, planSubmitted, proposalEvent, ROUND_ID, roundEvent, roundPlanned, verdictGiven } from '../testing/read-models.fixtures.js';
import { publicRoundView } from '../public-page/public-round.view.js';
import type { ReadModelsService } from '../http/read-models.service.js';
import { ListPlans, ListPlansHandler } from './plan.query.js';

describe('budgets, rounds and plans read models', () => {
  let rm: TestReadModels;
  beforeAll(async () => {
    rm = await openTestReadModels();
  });
  afterAll(async () => {
    await rm.cleanup();
  });

  it('given a budget, a round and plans through their life, then the rows show phase, money, feasibility and status', async () => {
    const store = new InMemoryEventStore();
    await given(store, [
      budgetEstablished({ interimResultsPublic: true }),
      roundPlanned(),
      phaseAdvanced('planned', 'submission', '2026-03-01T08:00:00.000Z'),
      planSubmitted('p-1', { title: 'Speeltuin Oosterpark', costCents: 2_500_000 }),
      planSubmitted('p-2', { title: 'Bankjes Dapperbuurt', costCents: 800_000, areaId: 'BU03630001', themeId: 'spelen' }),
      proposalEvent('p-1', 'ProposalSupported', { supporterRef: 's-1', supportCount: 1, at: '2026-03-06T10:00:00.000Z' }),
      verdictGiven('p-1', 'c-cost', 'met', 'Binnen het maximum'),
      verdictGiven('p-1', 'c-feasible', 'met', 'Uitvoerbaar in 2026'),
      verdictGiven('p-2', 'c-cost', 'met', 'Binnen het maximum'),
      verdictGiven('p-2', 'c-feasible', 'not_met', 'Vergunning duurt langer dan een jaar'),
      proposalEvent('p-1', 'ProposalAdmittedToBallot', { version: 1, reason: 'Voldoet', at: '2026-04-10T10:00:00.000Z' }),
      proposalEvent('p-2', 'ProposalRefusedForBallot', { version: 1, reason: 'Niet uitvoerbaar', at: '2026-04-10T10:00:00.000Z' }),
      phaseAdvanced('submission', 'voting', '2026-05-01T08:00:00.000Z'),
      proposalEvent('p-1', 'ProposalSelected', { reason: 'Gekozen', at: '2026-05-20T10:00:00.000Z' }),
      roundEvent('FundsCommitted', { proposalId: 'p-1', amountCents: 2_500_000, areaCode: null, committedCents: 2_500_000, at: '2026-05-20T10:00:00.000Z' }),
      proposalEvent('p-1', 'ProposalImplementationStarted', { startedOn: '2026-06-01', at: '2026-06-01T10:00:00.000Z' }),
      proposalEvent('p-1', 'ProposalPaymentRecorded', { paymentReference: 'F-1', amountCents: 2_000_000, paidTotalCents: 2_000_000, at: '2026-07-01T10:00:00.000Z' }),
      proposalEvent('p-1', 'ProposalRealised', { spentCents: 2_000_000, releasedCents: 500_000, reason: 'Klaar', at: '2026-09-01T10:00:00.000Z' }),
    ]);

    await project(store, rm.db, [budgetOverviewProjection, roundOverviewProjection, planProjection]);

    expect(await rowsOf(rm.db, 'budget_overview')).toEqual([
      {
        budget_id: 'b-oost',
        tenant: 'GM0363',
        title: 'Buurtbudget Oost 2026',
        form: 'burgerbegroting',
        amount_kind: 'budget',
        amount_cents: 30_000_000,
        frame_version: 1,
        frozen_by: [],
        interim_results_public: true,
        areas: [
          { code: 'BU03630000', name: 'Oosterpark', kind: 'buurt', amountCents: null },
          { code: 'BU03630001', name: 'Dapperbuurt', kind: 'buurt', amountCents: null },
        ],
        criteria: [
          { id: 'c-cost', text: 'Kost hooguit € 50.000', kind: 'maximum-amount' },
          { id: 'c-feasible', text: 'Binnen een jaar uit te voeren', kind: 'feasible-within-one-year' },
        ],
        ballot_type: 'approval',
        tally_rule: 'greedy',
        decision_body: 'council',
        decision_number: 'RB-2025-118',
        decision_date: '2025-12-11',
        established_at: '2026-01-15T10:00:00+00:00',
        updated_at: '2026-01-15T10:00:00+00:00',
      },
    ]);

    const [round] = await rowsOf(rm.db, 'round_overview');
    expect(round).toMatchObject({
      round_id: 'r-oost-2026',
      tenant: 'GM0363',
      phase: 'voting',
      phase_changed_at: '2026-05-01T08:00:00+00:00',
      interim_results_public: true,
      allocated_cents: 30_000_000,
      committed_cents: 2_500_000,
      result_status: 'none',
    });

    const plans = await rowsOf(rm.db, 'plan', 'proposal_id');
    expect(plans.map((p) => [p.proposal_id, p.status, p.feasibility, p.support_count, p.decided_cents, p.paid_cents, p.spent_cents, p.released_cents])).toEqual([
      ['p-1', 'realised', 'feasible', 1, 2_500_000, 2_000_000, 2_000_000, 500_000],
      ['p-2', 'refused', 'not_feasible', 0, 0, 0, 0, 0],
    ]);
    expect(plans[1]!.verdicts).toEqual([
      { criterionId: 'c-cost', outcome: 'met', reason: 'Binnen het maximum', reviewerRef: 'staff-reviewer', version: 1, at: '2026-04-02T10:00:00.000Z' },
      { criterionId: 'c-feasible', outcome: 'not_met', reason: 'Vergunning duurt langer dan een jaar', reviewerRef: 'staff-reviewer', version: 1, at: '2026-04-02T10:00:00.000Z' },
    ]);
  });
});

describe('residents\' plans in the read models', () => {
  let rm: TestReadModels;
  beforeAll(async () => {
    rm = await openTestReadModels();
  });
  afterAll(async () => {
    await rm.cleanup();
  });

  it('given residents\' plans through moderation and support taken back, then the rows follow and the public page shows only the plans let into intake', async () => {
    const store = new InMemoryEventStore();
    await given(store, [
      budgetEstablished({ interimResultsPublic: true }),
      roundPlanned(),
      phaseAdvanced('planned', 'submission', '2026-03-01T08:00:00.000Z'),
      planSubmitted('p-waiting', { title: 'Wacht op moderatie' }),
      proposalEvent('p-waiting', 'ProposalAwaitingModeration', { at: '2026-03-05T12:00:00.000Z' }),
      planSubmitted('p-refused', { title: 'Geweigerd bij moderatie' }),
      proposalEvent('p-refused', 'ProposalAwaitingModeration', { at: '2026-03-05T12:00:00.000Z' }),
      proposalEvent('p-refused', 'ProposalRefusedAtIntake', { version: 1, reason: 'Noemt buren bij naam', at: '2026-03-06T09:00:00.000Z' }),
      planSubmitted('p-in', { title: 'Toegelaten moestuin' }),
      proposalEvent('p-in', 'ProposalAwaitingModeration', { at: '2026-03-05T12:00:00.000Z' }),
      proposalEvent('p-in', 'ProposalAdmittedToIntake', { version: 1, reason: null, at: '2026-03-06T09:00:00.000Z' }),
      proposalEvent('p-in', 'ProposalSupported', { supporterRef: 'res-a', supportCount: 1, at: '2026-03-07T10:00:00.000Z' }),
      proposalEvent('p-in', 'ProposalSupported', { supporterRef: 'res-b', supportCount: 2, at: '2026-03-07T11:00:00.000Z' }),
      proposalEvent('p-in', 'ProposalSupportThresholdReached', { threshold: 2, supportCount: 2, at: '2026-03-07T11:00:00.000Z' }),
      proposalEvent('p-in', 'ProposalSupportWithdrawn', { supporterRef: 'res-a', supportCount: 1, at: '2026-03-08T10:00:00.000Z' }),
    ]);

    await project(store, rm.db, [budgetOverviewProjection, roundOverviewProjection, planProjection]);

    const rows = (await rowsOf(rm.db, 'plan')) as { proposal_id: string; status: string; decision_reason: string | null; support_count: number; support_threshold_reached: boolean }[];
    expect(rows.map(({ proposal_id, status, decision_reason, support_count, support_threshold_reached }) => ({ proposal_id, status, decision_reason, support_count, support_threshold_reached }))).toEqual(
      expect.arrayContaining([
        { proposal_id: 'p-waiting', status: 'awaiting_moderation', decision_reason: null, support_count: 0, support_threshold_reached: false },
        { proposal_id: 'p-refused', status: 'moderation_refused', decision_reason: 'Noemt buren bij naam', support_count: 0, support_threshold_reached: false },
        { proposal_id: 'p-in', status: 'submitted', decision_reason: null, support_count: 1, support_threshold_reached: true },
      ]),
    );
    const page = await publicRoundView(rm.db, ROUND_ID);
    expect(page!.plans.map((p) => p.id)).toEqual(['p-in']);
  });
});

describe('initiatievenfonds applications and their statutory decision deadline', () => {
  let rm: TestReadModels;
  beforeAll(async () => {
    rm = await openTestReadModels();
  });
  afterAll(async () => {
    await rm.cleanup();
  });

  const application = (proposalId: string, receivedAt: string, decisionDeadline: string) => {
    const event = planSubmitted(proposalId, { at: receivedAt });
    return { ...event, data: { ...event.data, form: 'initiatievenfonds', intake: { kind: 'continuous', decisionDeadline, decisionPeriodDays: 56, maxExtensionDays: 28 } } };
  };
  const beschikking = { decisionDate: '2026-05-01', appeal: { route: 'bezwaar', periodWeeks: 6, addressedTo: 'het college van burgemeester en wethouders' }, reason: 'Voldoet' };

  it('given applications decided in time, late, extended and not yet, then the rows carry the deadline and the late decision, and the overdue ones can be listed', async () => {
    const store = new InMemoryEventStore();
    await given(store, [
      budgetEstablished(),
      roundPlanned(),
      application('p-in-time', '2026-02-02T10:00:00.000Z', '2026-03-30T21:59:59.999Z'),
      application('p-late', '2026-02-03T10:00:00.000Z', '2026-03-31T21:59:59.999Z'),
      application('p-extended', '2026-02-04T10:00:00.000Z', '2026-04-01T21:59:59.999Z'),
      application('p-overdue', '2026-02-05T10:00:00.000Z', '2026-04-02T21:59:59.999Z'),
      application('p-not-yet', '2026-04-20T10:00:00.000Z', '2026-06-15T21:59:59.999Z'),
      proposalEvent('p-in-time', 'ProposalGranted', { roundId: ROUND_ID, amountCents: 100_000, decisionReference: 'Z/1', ...beschikking, at: '2026-03-20T10:00:00.000Z' }),
      proposalEvent('p-late', 'ProposalGrantRefused', { decisionReference: 'Z/2', ...beschikking, at: '2026-04-10T10:00:00.000Z', decidedAfterDeadline: '2026-03-31T21:59:59.999Z' }),
      proposalEvent('p-extended', 'ProposalDecisionDeadlineExtended', { previousDeadline: '2026-04-01T21:59:59.999Z', newDeadline: '2026-04-29T21:59:59.999Z', reason: 'Advies wijkraad', at: '2026-03-25T10:00:00.000Z' }),
    ]);
    await project(store, rm.db, [budgetOverviewProjection, roundOverviewProjection, planProjection]);

    const plans = await rowsOf(rm.db, 'plan', 'proposal_id');
    expect(plans.map((p) => [p.proposal_id, p.status, p.decision_deadline, p.decided_after_deadline])).toEqual([
      ['p-extended', 'submitted', '2026-04-29T21:59:59.999+00:00', false],
      ['p-in-time', 'granted', '2026-03-30T21:59:59.999+00:00', false],
      ['p-late', 'grant_refused', '2026-03-31T21:59:59.999+00:00', true],
      ['p-not-yet', 'submitted', '2026-06-15T21:59:59.999+00:00', false],
      ['p-overdue', 'submitted', '2026-04-02T21:59:59.999+00:00', false],
    ]);

    const list = new ListPlansHandler({ db: async () => rm.db } as unknown as ReadModelsService);
    const overdueOn = async (day: string) => (await list.execute(new ListPlans('GM0363', { decisionDueBefore: day }))).items.map((p) => p.proposalId);
    expect(await overdueOn('2026-04-15T00:00:00Z')).toEqual(['p-overdue']);
    expect(await overdueOn('2026-05-01T00:00:00Z')).toEqual(['p-extended', 'p-overdue']);
    expect(await overdueOn('2026-03-01T00:00:00Z')).toEqual([]);
    expect((await list.execute(new ListPlans('GM0014', { decisionDueBefore: '2026-05-01T00:00:00Z' }))).items).toEqual([]);
  });

  it('given objections undecided, postponed, decided late and reopened by the court, then the overdue ones can be listed', async () => {
    // A read-model database of its own: the checkpoint of the test above would skip this store's first positions.
    await rm.cleanup();
    rm = await openTestReadModels();
    const store = new InMemoryEventStore();
    const lodged = (proposalId: string, decisionDueBy: string) =>
      proposalEvent(proposalId, 'ProposalObjectionLodged', {
        objectionId: `o-${proposalId}`,
        objectorRef: 'res-1',
        channel: 'staff',
        contestedDecision: 'Z/1',
        groundsDigest: 'ab'.repeat(32),
        receivedOn: '2026-05-10',
        postedOn: null,
        termEndsOn: '2026-06-12',
        inTime: true,
        advisoryCommittee: false,
        decisionDueBy,
        at: '2026-05-10T10:00:00.000Z',
      });
    const decided = (proposalId: string, late: boolean) =>
      proposalEvent(proposalId, 'ProposalObjectionDecided', {
        objectionId: `o-${proposalId}`,
        outcome: 'ongegrond',
        decisionReference: 'BOB/1',
        decisionDate: '2026-08-01',
        revokes: null,
        revised: null,
        beroep: { route: 'beroep', periodWeeks: 6, addressedTo: 'de rechtbank' },
        reason: 'Blijft',
        at: '2026-08-01T10:00:00.000Z',
        ...(late ? { decidedAfterTerm: '2026-07-24T21:59:59.999Z' } : {}),
      });
    await given(store, [
      budgetEstablished(),
      roundPlanned(),
      ...['p-open', 'p-postponed', 'p-late', 'p-reopened'].flatMap((id) => [
        application(id, '2026-02-02T10:00:00.000Z', '2026-03-30T21:59:59.999Z'),
        proposalEvent(id, 'ProposalGrantRefused', { decisionReference: 'Z/1', ...beschikking, at: '2026-03-20T10:00:00.000Z' }),
        lodged(id, '2026-07-24T21:59:59.999Z'),
      ]),
      proposalEvent('p-postponed', 'ProposalObjectionDecisionTermExtended', { objectionId: 'o-p-postponed', previousDue: '2026-07-24T21:59:59.999Z', newDue: '2026-09-04T21:59:59.999Z', withConsent: false, reason: 'Advies', at: '2026-07-01T10:00:00.000Z' }),
      decided('p-late', true),
      decided('p-reopened', false),
      proposalEvent('p-reopened', 'ProposalBeroepLodged', { objectionId: 'o-p-reopened', court: 'Rechtbank Amsterdam', caseReference: 'AMS 1', lodgedOn: '2026-08-20', inTime: true, at: '2026-08-20T10:00:00.000Z' }),
      proposalEvent('p-reopened', 'ProposalBeroepRuled', { objectionId: 'o-p-reopened', caseReference: 'AMS 1', outcome: 'gegrond', rulingDate: '2027-01-15', redecisionDueBy: '2027-02-26T22:59:59.999Z', reason: 'Gebrekkig', at: '2027-01-18T10:00:00.000Z' }),
    ]);
    await project(store, rm.db, [budgetOverviewProjection, roundOverviewProjection, planProjection]);

    const plans = (await rowsOf(rm.db, 'plan', 'proposal_id')).filter((p) => ['p-open', 'p-postponed', 'p-late', 'p-reopened'].includes(p.proposal_id as string));
    expect(plans.map((p) => [p.proposal_id, p.objection_status, p.objection_decision_due, p.objection_decided_after_term])).toEqual([
      ['p-late', 'decided', '2026-07-24T21:59:59.999+00:00', true],
      ['p-open', 'lodged', '2026-07-24T21:59:59.999+00:00', false],
      ['p-postponed', 'lodged', '2026-09-04T21:59:59.999+00:00', false],
      ['p-reopened', 'lodged', '2027-02-26T22:59:59.999+00:00', false],
    ]);
    const list = new ListPlansHandler({ db: async () => rm.db } as unknown as ReadModelsService);
    const overdueOn = async (day: string) => (await list.execute(new ListPlans('GM0363', { objectionDueBefore: day }))).items.map((p) => p.proposalId);
    expect(await overdueOn('2026-08-01T00:00:00Z')).toEqual(['p-open']);
    expect(await overdueOn('2026-10-01T00:00:00Z')).toEqual(['p-open', 'p-postponed']);
    expect(await overdueOn('2027-03-01T00:00:00Z')).toEqual(['p-open', 'p-postponed', 'p-reopened']);
  });
});
