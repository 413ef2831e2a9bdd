import { describe, it, expect } from '@jest/globals';
import { aPlan, walkthrough } from './support/walkthrough.js';

/**
 * Issue #4, done-when: a burgerbegroting from its frame to its implementation over real HTTP, on
 * PostgreSQL (DATABASE_URL) or PGlite. Each step is a request a civil servant, reviewer, resident or
 * voter makes; after each the state is read back with GET.
 */
describe('walk-through: burgerbegroting (stadsdeel, vote, advisory)', () => {
  const walk = walkthrough('2026-01-20T09:00:00.000Z');
  const COLLEGE = { body: 'college', number: 'CB-2026-140', date: '2026-06-23' };
  const criteria = ['max-amount', 'min-amount', 'maintenance', 'one-year', 'public-benefit', 'no-double-funding', 'support'];
  const codes = Array.from({ length: 12 }, (_, i) => `WALK${String(i + 1).padStart(4, '0')}BBGR`);

  it('runs one round from the council frame to money spent and returned', async () => {
    const { call, csv, ok, at, admin, reviewer, auditor } = walk;

    // 1. The council establishes the budget from the ready Amsterdam-style template.
    const budget = await ok(call('POST', '/budgets', admin, { from: 'stadsdeel-burgerbegroting', decision: { body: 'council', number: 'RB-2026-07', date: '2026-01-15' } }), 201, ['BudgetEstablished']);
    const budgetId = budget.body.id!;
    const frame = await call('GET', `/budgets/${budgetId}`, auditor);
    expect(frame.body).toMatchObject({ frozen: false });

    // 2. A round is planned under it: the form's pipeline, the ceiling and a third per wijk.
    const planned = await ok(
      call('POST', '/rounds', admin, { budgetId, year: 2026, schedule: [{ phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' }, { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' }] }),
      201,
      ['RoundPlanned'],
    );
    const roundId = planned.body.id!;
    const round = async () => (await call('GET', `/rounds/${roundId}`, auditor)).body;
    expect(await round()).toMatchObject({
      phase: 'planned',
      pipeline: ['planned', 'submission', 'support', 'feasibility', 'voting', 'counting', 'adoption', 'implementation', 'closed'],
      ceilingCents: 30_000_000,
      areas: [
        { areaCode: 'WIJK-1', ceilingCents: 10_000_000, committedCents: 0 },
        { areaCode: 'WIJK-2', ceilingCents: 10_000_000, committedCents: 0 },
        { areaCode: 'WIJK-3', ceilingCents: 10_000_000, committedCents: 0 },
      ],
    });
    const advance = (to: string, extra: Record<string, unknown> = {}) => call('POST', `/rounds/${roundId}/phase-transitions`, admin, { to, reason: `Planning: ${to}`, ...extra });

    // 3. Submission opens: the criteria are published before the first plan comes in.
    at('2026-02-01T08:00:00.000Z');
    await ok(advance('submission'), 201, ['RoundPhaseAdvanced', 'SubmissionOpened']);
    expect((await round()).criteriaPublishedBeforeSubmission).toHaveLength(7);

    // 4. Residents sign in and submit their own plans (contact details never enter the events); staff moderate each into intake.
    at('2026-02-10T10:00:00.000Z');
    const residents = await Promise.all(Array.from({ length: 10 }, (_, i) => walk.api.token('resident', 'GM0363', `res-walk-${String(i).padStart(2, '0')}`)));
    const submit = async (body: ReturnType<typeof aPlan>, by: string) => {
      const id = (await ok(call('POST', `/rounds/${roundId}/my-plans`, by, body), 201, ['ProposalSubmitted', 'ProposalAwaitingModeration'])).body.id!;
      await ok(call('POST', `/proposals/${id}/moderation`, admin, { admitted: true }), 200, ['ProposalAdmittedToIntake']);
      return id;
    };
    const playground = await submit(aPlan('WIJK-1', 'Speeltuin Oosterpark', 2_000_000, { perYearCents: 100_000, years: 5 }), residents[0]!);
    const trees = await submit(aPlan('WIJK-1', 'Bomen langs de Dapperstraat', 4_000_000, { perYearCents: 50_000, years: 5 }), residents[1]!);
    const benches = await submit(aPlan('WIJK-1', 'Bankjes op het plein', 5_000_000), residents[2]!);
    const garden = await submit(aPlan('WIJK-2', 'Moestuin bij de school', 3_000_000), residents[3]!);
    const fountain = await submit(aPlan('WIJK-2', 'Fontein', 4_500_000), residents[4]!);
    const plan = async (id: string) => (await call('GET', `/proposals/${id}`, auditor)).body;
    expect(await plan(playground)).toMatchObject({ status: 'submitted', roundId, submitterRef: 'res-walk-00' });
    expect((await call('GET', `/rounds/${roundId}/my-plans`, residents[0]!)).body.plans).toEqual([expect.objectContaining({ proposalId: playground, moderation: expect.objectContaining({ admitted: true }) })]);

    // 5. Support: every plan needs ten residents behind it; each supports once, under their own pseudonym, and may take it back.
    // Submission closes on its scheduled day (31 March); only then does the round move on.
    at('2026-04-01T08:00:00.000Z');
    await ok(advance('support'), 201, ['RoundPhaseAdvanced']);
    for (const id of [playground, trees, benches, garden, fountain]) {
      for (const resident of residents) await ok(call('POST', `/rounds/${roundId}/plans/${id}/my-support`, resident), 200);
    }
    await ok(call('DELETE', `/rounds/${roundId}/plans/${playground}/my-support`, residents[9]!), 200, ['ProposalSupportWithdrawn']);
    expect(await plan(playground)).toMatchObject({ supportCount: 9, supportThresholdReached: true });
    await ok(call('POST', `/rounds/${roundId}/plans/${playground}/my-support`, residents[9]!), 200, ['ProposalSupported']);
    expect(await plan(playground)).toMatchObject({ supportCount: 10, supportThresholdReached: true });

    // 6. Feasibility: a reviewer judges every published criterion; the fountain cannot be built within a year.
    await ok(advance('feasibility'), 201, ['RoundPhaseAdvanced']);
    for (const id of [playground, trees, benches, garden, fountain]) {
      for (const criterionId of criteria) {
        const outcome = id === fountain && criterionId === 'one-year' ? 'not_met' : 'met';
        await ok(call('POST', `/proposals/${id}/verdicts`, reviewer, { criterionId, outcome, reason: outcome === 'met' ? 'Voldoet' : 'Vergunning duurt langer dan een jaar' }), 200, ['ProposalFeasibilityVerdictGiven']);
      }
    }

    // 7. Admission to the ballot: all criteria met; the fountain is refused with its reason.
    for (const id of [playground, trees, benches, garden]) await ok(call('POST', `/proposals/${id}/admission`, admin, { admitted: true, reason: 'Alle criteria voldaan' }), 200, ['ProposalAdmittedToBallot']);
    await ok(call('POST', `/proposals/${fountain}/admission`, admin, { admitted: false, reason: 'Niet binnen een jaar uitvoerbaar' }), 200, ['ProposalRefusedForBallot']);
    expect(await plan(fountain)).toMatchObject({ status: 'refused' });

    // 8. Voting opens: the round freezes its frame version and prepares and opens its ballot box with the admitted plans.
    at('2026-06-01T07:00:00.000Z');
    await ok(advance('voting'), 201, ['RoundPhaseAdvanced', 'RoundRulesFrozen']);
    expect(await round()).toMatchObject({ phase: 'voting', rulesFrozenAt: '2026-06-01T07:00:00.000Z' });
    expect((await call('GET', `/budgets/${budgetId}`, auditor)).body).toMatchObject({ frozen: true });
    const box = await call('GET', `/rounds/${roundId}/ballot-box`, auditor);
    expect(box.body).toMatchObject({ phase: 'open', frame: { frameVersion: 1, budgetCents: 30_000_000, areaBudgets: [{ areaCode: 'WIJK-1', amountCents: 10_000_000 }, { areaCode: 'WIJK-2', amountCents: 10_000_000 }, { areaCode: 'WIJK-3', amountCents: 10_000_000 }] } });
    expect((box.body.frame as { plans: { planId: string }[] }).plans.map((p) => p.planId)).toEqual([playground, trees, benches, garden]);

    // 9. The municipality imports its voter roll (code, area, age band only).
    const roll = ['code,area,age_band', ...codes.map((code, i) => `${code},${i < 10 ? 'WIJK-1' : 'WIJK-2'},${i % 3 === 0 ? '65+' : '25-44'}`)].join('\n');
    const imported = await ok(csv(`/rounds/${roundId}/voter-roll`, admin, `${roll}\n`), 201);
    expect(imported.body).toMatchObject({ registered: 12, eligible: 12 });

    // 10. Voters sign in with their code and vote (approval, within the €100.000 cost cap).
    const choices = [
      ...Array.from({ length: 6 }, () => [playground, trees]),
      [playground, benches],
      [playground, benches],
      [benches],
      [benches],
      [garden],
      [garden, playground],
    ];
    for (const [i, code] of codes.entries()) {
      const session = await ok(call('POST', `/rounds/${roundId}/voter-sessions`, null, { code }), 201);
      await ok(call('POST', `/rounds/${roundId}/ballots`, session.body.token as string, { type: 'approval', choices: choices[i] }), 201, ['BallotCast']);
    }
    const ballots = await walk.store.readAll({ maxCount: 10_000, filter: { streamPrefixes: [`Ballot-${roundId}_`] } });
    expect(ballots).toHaveLength(12);
    // The ballot carries area, channel and age band (for turnout per age band), never the participant's pseudonym.
    expect(ballots[0]!.data).toMatchObject({ channel: 'online', verification: 'voting-code' });
    expect(new Set(ballots.map((b) => b.data.ageBand))).toEqual(new Set(['65+', '25-44']));
    expect(ballots.every((b) => b.metadata.actor === 'voter')).toBe(true);

    // 11. Voting closes with the round: the box closes, no ballot is taken any more.
    at('2026-06-15T07:00:00.000Z');
    await ok(advance('counting'), 201, ['RoundPhaseAdvanced']);
    expect((await call('GET', `/rounds/${roundId}/ballot-box`, auditor)).body).toMatchObject({ phase: 'closed' });
    const late = await call('POST', `/rounds/${roundId}/voter-sessions`, null, { code: codes[0] });
    expect(late.status).toBe(409);

    // 12. The result is published by counting the ballots here (the client only asks); per wijk with its own pot.
    const published = await ok(call('POST', `/rounds/${roundId}/result`, admin, { reason: 'Stemperiode gesloten' }), 201, ['ResultPublished']);
    expect(published.body.id).toBe(roundId);
    const result = (await round()).result as Record<string, unknown>;
    expect(result).toMatchObject({
      basis: 'count',
      reason: 'Stemperiode gesloten',
      winners: [
        { proposalId: playground, amountCents: 2_500_000, areaCode: 'WIJK-1' },
        { proposalId: trees, amountCents: 4_250_000, areaCode: 'WIJK-1' },
        { proposalId: garden, amountCents: 3_000_000, areaCode: 'WIJK-2' },
      ],
      totalCents: 9_750_000,
      count: { ballots: 12, rule: 'greedy', tieBreak: ['most-votes', 'lowest-cost', 'lot', 'project-id'], seed: 'replace-with-the-published-seed', countingUnitCents: 100 },
    });
    const explained = new Map((result.explanation as { proposalId: string; selected: boolean; votes: number; details: { reason: string } }[]).map((e) => [e.proposalId, e]));
    expect(explained.get(playground)).toMatchObject({ selected: true, votes: 9 });
    expect(explained.get(benches)).toMatchObject({ selected: false, votes: 4, details: { reason: 'did-not-fit' } });
    expect((result.count as { fairness: { voters: number } }).fairness.voters).toBe(12);
    // The same figures as the staff recount.
    const recount = await call('GET', `/rounds/${roundId}/count`, auditor);
    expect(recount.body).toMatchObject({ ballots: 12, winners: [playground, trees, garden] });

    // 13. Adoption: the college adopts the advisory result; the box is sealed (the round key destroyed) and the frame released.
    at('2026-06-23T14:00:00.000Z');
    await ok(advance('adoption'), 201, ['RoundPhaseAdvanced']);
    const adopted = await ok(call('POST', `/rounds/${roundId}/result/adoption`, admin, { reason: 'Het college volgt de stemming', decision: COLLEGE }), 201, ['ResultAdopted']);
    expect(adopted.reactions).toBe('complete');
    expect((await call('GET', `/rounds/${roundId}/ballot-box`, auditor)).body).toMatchObject({ phase: 'sealed' });
    expect((await call('GET', `/budgets/${budgetId}`, auditor)).body).toMatchObject({ frozen: false });
    const sealed = await call('POST', `/rounds/${roundId}/voter-sessions`, null, { code: codes[1] });
    expect([sealed.status, sealed.body.code]).toEqual([409, 'BALLOT.VOTING_CLOSED']);
    // Counting still works from the ballot events alone.
    expect((await call('GET', `/rounds/${roundId}/count`, auditor)).body).toMatchObject({ winners: [playground, trees, garden] });

    // 14. The adoption marked the plans as the result says, with its reason; no selection call per plan (one now appends nothing).
    for (const id of [playground, trees, garden]) expect(await plan(id)).toMatchObject({ status: 'selected' });
    expect(await plan(benches)).toMatchObject({ status: 'not_selected' });
    expect(await plan(fountain)).toMatchObject({ status: 'refused' });
    await ok(call('POST', `/proposals/${playground}/selection`, admin, { reason: 'Uitslag vastgesteld' }), 200, []);

    // 15. Implementation starts under the college's decision; the beschikkingen commit money within each wijk's pot.
    await ok(advance('implementation', { decision: COLLEGE }), 201, ['RoundPhaseAdvanced']);
    const grant = (id: string, amountCents: number, n: number) =>
      call('POST', `/proposals/${id}/grant-decision`, admin, { granted: true, amountCents, decisionReference: `Z/26/${n}`, decisionDate: '2026-07-01', reason: 'Gekozen in de stemming' });
    await ok(grant(playground, 2_500_000, 1001), 200, ['ProposalGranted']);
    await ok(grant(trees, 4_250_000, 1002), 200, ['ProposalGranted']);
    await ok(grant(garden, 3_000_000, 1003), 200, ['ProposalGranted']);
    const notChosen = await call('POST', `/proposals/${benches}/grant-decision`, admin, { granted: true, amountCents: 5_000_000, decisionReference: 'Z/26/1004', decisionDate: '2026-07-01', reason: 'x' });
    expect([notChosen.status, notChosen.body.code]).toEqual([409, 'PROPOSAL.WRONG_STATUS']);
    expect(await round()).toMatchObject({
      committedCents: 9_750_000,
      areas: [
        { areaCode: 'WIJK-1', ceilingCents: 10_000_000, committedCents: 6_750_000 },
        { areaCode: 'WIJK-2', ceilingCents: 10_000_000, committedCents: 3_000_000 },
        { areaCode: 'WIJK-3', ceilingCents: 10_000_000, committedCents: 0 },
      ],
    });

    // 16. Payments, realisation, and money that comes back to the round.
    at('2026-09-01T09:00:00.000Z');
    for (const id of [playground, trees]) await ok(call('POST', `/proposals/${id}/implementation/start`, admin, { startedOn: '2026-09-01' }), 200, ['ProposalImplementationStarted']);
    await ok(call('POST', `/proposals/${playground}/implementation/payments`, admin, { paymentReference: 'BET-1', amountCents: 2_000_000 }), 200, ['ProposalPaymentRecorded']);
    await ok(call('POST', `/proposals/${playground}/implementation/payments`, admin, { paymentReference: 'BET-2', amountCents: 500_000 }), 200, ['ProposalPaymentRecorded']);
    await ok(call('POST', `/proposals/${playground}/implementation/closure`, admin, { outcome: 'realised', reason: 'Speeltuin opgeleverd' }), 200, ['ProposalRealised']);
    await ok(call('POST', `/proposals/${trees}/implementation/payments`, admin, { paymentReference: 'BET-3', amountCents: 4_000_000 }), 200, ['ProposalPaymentRecorded']);
    await ok(call('POST', `/proposals/${trees}/implementation/closure`, admin, { outcome: 'partly_realised', reason: 'Twee bomen minder geplant' }), 200, ['ProposalPartlyRealised']);
    await ok(call('POST', `/proposals/${trees}/implementation/returns`, admin, { reference: 'TERUG-1', amountCents: 100_000 }), 200, ['ProposalMoneyReturned']);
    expect(await plan(playground)).toMatchObject({ status: 'realised' });
    expect(await plan(trees)).toMatchObject({ status: 'partly_realised' });
    // The unpaid 2.500 and the returned 1.000 of the trees went back to the wijk's pot.
    expect(await round()).toMatchObject({ committedCents: 9_400_000, areas: [{ areaCode: 'WIJK-1', committedCents: 6_400_000 }, { areaCode: 'WIJK-2', committedCents: 3_000_000 }, { areaCode: 'WIJK-3', committedCents: 0 }] });
  });
});
