import { describe, it, expect } from '@jest/globals';
import { aPlan, walkthrough } from './support/walkthrough.js';

/**
 * Issue #4, done-when: a dorpsbudget is an amount per village, decided by the village's residents'
 * body (delegated): its decision is recorded with its reference, not counted; no ballot box is opened.
 */
describe('walk-through: dorpsbudget (amount per village, decided by the dorpsraad)', () => {
  const walk = walkthrough('2026-01-10T09:00:00.000Z');
  const DORPSRAAD = { body: 'residents-body', number: 'DR-2026-05', date: '2026-05-12' };

  it('divides the amount per village, records the dorpsraad\'s choice, and spends it within each village\'s pot', async () => {
    const { call, ok, at, admin, reviewer, auditor } = walk;

    // 1. The council establishes the budget from the template: €5.000 + €2 per inhabitant, at least €7.500 per village.
    const budgetId = (await ok(call('POST', '/budgets', admin, { from: 'dorpsbudget-basis-per-inwoner', decision: { body: 'council', number: 'RB-2026-03', date: '2026-01-08' } }), 201, ['BudgetEstablished'])).body.id!;
    const budget = await call('GET', `/budgets/${budgetId}`, auditor);
    expect(budget.status).toBe(200);

    // 2. The round; Dorp 2 carries €1.200 over from last year. Under a delegated frame the dorpsraad decides.
    const roundId = (
      await ok(call('POST', '/rounds', admin, { budgetId, year: 2026, schedule: [], carryOver: [{ areaCode: 'DORP-2', amountCents: 120_000, fromYear: 2025 }] }), 201, ['RoundPlanned'])
    ).body.id!;
    const round = async () => (await call('GET', `/rounds/${roundId}`, auditor)).body;
    expect(await round()).toMatchObject({
      phase: 'planned',
      pipeline: ['planned', 'submission', 'feasibility', 'deliberation', 'adoption', 'implementation', 'closed'],
      ceilingCents: 10_120_000,
      areas: [
        { areaCode: 'DORP-1', ceilingCents: 980_000, committedCents: 0 },
        { areaCode: 'DORP-2', ceilingCents: 870_000, committedCents: 0 },
        { areaCode: 'DORP-3', ceilingCents: 750_000, committedCents: 0 },
      ],
    });
    const advance = (to: string, extra: Record<string, unknown> = {}) => call('POST', `/rounds/${roundId}/phase-transitions`, admin, { to, reason: `Dorpsbudget: ${to}`, ...extra });

    // 3. Plans per village.
    at('2026-02-01T08:00:00.000Z');
    await ok(advance('submission'), 201, ['RoundPhaseAdvanced', 'SubmissionOpened']);
    const submit = async (area: string, title: string, cents: number) => (await ok(call('POST', `/rounds/${roundId}/proposals`, admin, aPlan(area, title, cents)), 201, ['ProposalSubmitted'])).body.id!;
    const boules = await submit('DORP-1', 'Jeu de boules-baan', 600_000);
    const aed = await submit('DORP-1', 'AED bij het dorpshuis', 300_000);
    const kitchen = await submit('DORP-2', 'Keuken dorpshuis', 800_000);
    const flowers = await submit('DORP-2', 'Bloembakken', 100_000);

    // 4. Feasibility and admission to the dorpsraad's list.
    await ok(advance('feasibility'), 201, ['RoundPhaseAdvanced']);
    for (const id of [boules, aed, kitchen, flowers]) {
      for (const criterionId of ['for-the-village', 'max-amount', 'maintenance']) await ok(call('POST', `/proposals/${id}/verdicts`, reviewer, { criterionId, outcome: 'met', reason: 'Voldoet' }), 200);
      await ok(call('POST', `/proposals/${id}/admission`, admin, { admitted: true, reason: 'Haalbaar' }), 200, ['ProposalAdmittedToBallot']);
    }

    // 5. Deliberation: the rules freeze; there is no vote, so no ballot box.
    at('2026-05-01T08:00:00.000Z');
    await ok(advance('deliberation'), 201, ['RoundPhaseAdvanced', 'RoundRulesFrozen']);
    expect((await call('GET', `/rounds/${roundId}/ballot-box`, auditor)).status).toBe(404);

    // 6. The dorpsraad's result is its decision: with the reference, within each village's pot; a count is not asked for.
    const winners = [
      { proposalId: boules, amountCents: 600_000, areaCode: 'DORP-1' },
      { proposalId: aed, amountCents: 300_000, areaCode: 'DORP-1' },
      { proposalId: kitchen, amountCents: 800_000, areaCode: 'DORP-2' },
    ];
    const explanation = [
      { proposalId: boules, selected: true, explanation: 'Gekozen door de dorpsraad (7 van 9 stemmen)' },
      { proposalId: aed, selected: true, explanation: 'Gekozen door de dorpsraad (unaniem)' },
      { proposalId: kitchen, selected: true, explanation: 'Gekozen door de dorpsraad; past met het overgeheveld bedrag' },
      { proposalId: flowers, selected: false, explanation: 'Past niet meer naast de keuken in het budget van Dorp 2' },
    ];
    const noDecision = await call('POST', `/rounds/${roundId}/result`, admin, { winners, explanation });
    expect([noDecision.status, noDecision.body.code]).toEqual([400, 'ROUND.DECISION_REQUIRED']);
    const asCount = await call('POST', `/rounds/${roundId}/result`, admin, { reason: 'Tellen' });
    expect([asCount.status, asCount.body.code]).toEqual([400, 'ROUND.DECISION_REQUIRED']);
    const tooMuch = await call('POST', `/rounds/${roundId}/result`, admin, {
      winners: [...winners, { proposalId: flowers, amountCents: 100_000, areaCode: 'DORP-2' }],
      explanation: explanation.map((e) => ({ ...e, selected: true })),
      decision: DORPSRAAD,
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'ROUND.RESULT_EXCEEDS_CEILING', details: { areaCode: 'DORP-2', totalCents: 900_000, ceilingCents: 870_000 } });
    at('2026-05-13T09:00:00.000Z');
    await ok(call('POST', `/rounds/${roundId}/result`, admin, { winners, explanation, decision: DORPSRAAD, reason: 'Vergadering van 12 mei' }), 201, ['ResultPublished']);
    expect((await round()).result).toMatchObject({ basis: 'decision', decision: DORPSRAAD, count: null, totalCents: 1_700_000, winners });

    // 7. Adoption by the dorpsraad's decision marks the plans on the result: no selection call per plan.
    await ok(advance('adoption'), 201, ['RoundPhaseAdvanced']);
    const adopted = await ok(call('POST', `/rounds/${roundId}/result/adoption`, admin, { reason: 'Besluit dorpsraad', decision: DORPSRAAD }), 201, ['ResultAdopted']);
    expect(adopted.reactions).toBe('complete');
    for (const id of [boules, aed, kitchen]) expect((await call('GET', `/proposals/${id}`, auditor)).body).toMatchObject({ status: 'selected' });
    expect((await call('GET', `/proposals/${flowers}`, auditor)).body).toMatchObject({ status: 'not_selected' });

    // 8. Implementation: beschikkingen within each village's pot, payments, realisation, money back.
    await ok(advance('implementation'), 201, ['RoundPhaseAdvanced']);
    at('2026-06-01T09:00:00.000Z');
    for (const [i, w] of winners.entries()) {
      await ok(call('POST', `/proposals/${w.proposalId}/grant-decision`, admin, { granted: true, amountCents: w.amountCents, decisionReference: `Z/26/30${i}`, decisionDate: '2026-06-01', reason: 'Besluit dorpsraad' }), 200, ['ProposalGranted']);
    }
    expect(await round()).toMatchObject({ committedCents: 1_700_000, areas: [{ areaCode: 'DORP-1', committedCents: 900_000 }, { areaCode: 'DORP-2', committedCents: 800_000 }, { areaCode: 'DORP-3', committedCents: 0 }] });
    for (const w of winners) {
      await ok(call('POST', `/proposals/${w.proposalId}/implementation/start`, admin, { startedOn: '2026-06-15' }), 200);
      await ok(call('POST', `/proposals/${w.proposalId}/implementation/payments`, admin, { paymentReference: `BET-${w.proposalId.slice(0, 6)}`, amountCents: w.amountCents }), 200, ['ProposalPaymentRecorded']);
    }
    await ok(call('POST', `/proposals/${boules}/implementation/closure`, admin, { outcome: 'realised', reason: 'Baan aangelegd' }), 200, ['ProposalRealised']);
    await ok(call('POST', `/proposals/${aed}/implementation/closure`, admin, { outcome: 'realised', reason: 'AED opgehangen' }), 200, ['ProposalRealised']);
    await ok(call('POST', `/proposals/${kitchen}/implementation/closure`, admin, { outcome: 'realised', reason: 'Keuken in gebruik' }), 200, ['ProposalRealised']);
    await ok(call('POST', `/proposals/${kitchen}/implementation/returns`, admin, { reference: 'TERUG-K', amountCents: 50_000 }), 200, ['ProposalMoneyReturned']);
    expect(await round()).toMatchObject({ committedCents: 1_650_000, areas: [{ areaCode: 'DORP-1', committedCents: 900_000 }, { areaCode: 'DORP-2', committedCents: 750_000 }, { areaCode: 'DORP-3', committedCents: 0 }] });

    // 9. The round closes; what the villages did not spend is visible for next year's carry-over.
    await ok(advance('closed'), 201, ['RoundPhaseAdvanced']);
    expect(await round()).toMatchObject({ phase: 'closed', remainingCents: 10_120_000 - 1_650_000 });
  });
});
