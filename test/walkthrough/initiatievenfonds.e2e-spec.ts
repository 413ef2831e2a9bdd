import { describe, it, expect } from '@jest/globals';
import { aPlan, walkthrough } from './support/walkthrough.js';

/**
 * Issue #4, done-when: an initiatievenfonds is continuous intake. Each application is reviewed and
 * decided (the beschikking) within the statutory term, first come first served against the subsidy
 * ceiling; spending past the ceiling is refused and leaves the application as it was. Issue #18:
 * a refusal objected to in time, heard, and declared gegrond is revoked and replaced by a grant that
 * the ceiling and the payments follow.
 */
describe('walk-through: initiatievenfonds (continuous intake, subsidieplafond)', () => {
  const walk = walkthrough('2026-01-10T09:00:00.000Z');
  const criteria = ['max-amount', 'by-residents', 'no-double-funding', 'one-year'];

  it('takes applications in, decides each within its term, pays them out, and refuses spending past the ceiling', async () => {
    const { call, ok, at, admin, reviewer, auditor } = walk;

    // 1. The council sets a €10.000 ceiling on the template's scheme.
    const budget = await ok(call('POST', '/budgets', admin, { from: 'gemeentelijk-initiatievenfonds', amountCents: 1_000_000, decision: { body: 'council', number: 'RB-2026-02', date: '2026-01-08' } }), 201, ['BudgetEstablished']);
    const budgetId = budget.body.id!;

    // 2. The year's round: intake with two fixed intake dates for large applications.
    const roundId = (await ok(call('POST', '/rounds', admin, { budgetId, year: 2026, schedule: [], intakeDates: ['2026-04-01', '2026-10-01'] }), 201, ['RoundPlanned'])).body.id!;
    const round = async () => (await call('GET', `/rounds/${roundId}`, auditor)).body;
    expect(await round()).toMatchObject({ phase: 'planned', pipeline: ['planned', 'intake', 'closed'], ceilingCents: 1_000_000, committedCents: 0 });

    // 3. Intake opens: the criteria are published.
    at('2026-01-15T08:00:00.000Z');
    await ok(call('POST', `/rounds/${roundId}/phase-transitions`, admin, { to: 'intake', reason: 'Regeling in werking' }), 201, ['RoundPhaseAdvanced', 'SubmissionOpened']);

    // 4. Applications come in one by one; each gets its statutory decision deadline (8 weeks from receipt).
    at('2026-02-02T10:00:00.000Z');
    const apply = async (title: string, cents: number) => (await ok(call('POST', `/rounds/${roundId}/proposals`, admin, aPlan('GEMEENTE', title, cents, undefined, 'cultuur')), 201, ['ProposalSubmitted'])).body.id!;
    const festival = await apply('Buurtfestival', 450_000);
    const choir = await apply('Koor in het park', 350_000);
    at('2026-02-09T10:00:00.000Z');
    const library = await apply('Minibieb', 300_000);
    const mural = await apply('Muurschildering', 40_000);
    const application = async (id: string) => (await call('GET', `/proposals/${id}`, auditor)).body;
    expect(await application(festival)).toMatchObject({ status: 'submitted', intake: { kind: 'continuous', decisionPeriodDays: 56 } });

    // 5. Verdicts on the published criteria.
    for (const id of [festival, choir, library, mural]) {
      for (const criterionId of criteria) await ok(call('POST', `/proposals/${id}/verdicts`, reviewer, { criterionId, outcome: 'met', reason: 'Voldoet aan de regeling' }), 200, ['ProposalFeasibilityVerdictGiven']);
    }

    // 6. Beschikkingen within the term, first come first served.
    at('2026-03-02T09:00:00.000Z');
    const grant = (id: string, amountCents: number, ref: string) =>
      call('POST', `/proposals/${id}/grant-decision`, admin, { granted: true, amountCents, decisionReference: ref, decisionDate: '2026-03-02', reason: 'Voldoet aan de regeling' });
    await ok(grant(festival, 450_000, 'Z/26/2001'), 200, ['ProposalGranted']);
    await ok(grant(choir, 350_000, 'Z/26/2002'), 200, ['ProposalGranted']);
    expect(await round()).toMatchObject({ committedCents: 800_000, remainingCents: 200_000 });

    // 7. Past the ceiling: refused, the application and the round unchanged.
    const before = (await call('GET', `/proposals/${library}`, auditor)).etag;
    const over = await call('POST', `/proposals/${library}/grant-decision`, admin, { granted: true, amountCents: 300_000, decisionReference: 'Z/26/2003', decisionDate: '2026-03-02', reason: 'Voldoet' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'ROUND.CEILING_EXCEEDED', details: { ceilingCents: 1_000_000, committedCents: 800_000, requestedCents: 300_000 } });
    expect((await call('GET', `/proposals/${library}`, auditor)).etag).toBe(before);
    expect(await application(library)).toMatchObject({ status: 'submitted' });
    expect(await round()).toMatchObject({ committedCents: 800_000 });

    // 8. Payments and realisation; the choir spends less and returns money, which goes back under the ceiling.
    at('2026-03-16T09:00:00.000Z');
    await ok(call('POST', `/proposals/${festival}/implementation/start`, admin, { startedOn: '2026-03-16' }), 200, ['ProposalImplementationStarted']);
    await ok(call('POST', `/proposals/${festival}/implementation/payments`, admin, { paymentReference: 'BET-21', amountCents: 450_000 }), 200, ['ProposalPaymentRecorded']);
    await ok(call('POST', `/proposals/${festival}/implementation/closure`, admin, { outcome: 'realised', reason: 'Festival gehouden' }), 200, ['ProposalRealised']);
    await ok(call('POST', `/proposals/${choir}/implementation/start`, admin, { startedOn: '2026-03-16' }), 200, ['ProposalImplementationStarted']);
    await ok(call('POST', `/proposals/${choir}/implementation/payments`, admin, { paymentReference: 'BET-22', amountCents: 350_000 }), 200, ['ProposalPaymentRecorded']);
    await ok(call('POST', `/proposals/${choir}/implementation/closure`, admin, { outcome: 'partly_realised', reason: 'Drie van de vier concerten' }), 200, ['ProposalPartlyRealised']);
    await ok(call('POST', `/proposals/${choir}/implementation/returns`, admin, { reference: 'TERUG-22', amountCents: 150_000 }), 200, ['ProposalMoneyReturned']);
    expect(await application(festival)).toMatchObject({ status: 'realised' });
    expect(await round()).toMatchObject({ committedCents: 650_000, remainingCents: 350_000 });

    // 9. The returned money lets the waiting application through, within its term (received 9 February: decided by 6 April).
    at('2026-03-20T09:00:00.000Z');
    await ok(grant(library, 300_000, 'Z/26/2003'), 200, ['ProposalGranted']);
    expect(await round()).toMatchObject({ committedCents: 950_000, remainingCents: 50_000 });

    // 10. An application left undecided past its statutory term: too late to extend the term, but the
    // duty to decide remains (Awb 4:17), so the late beschikking is taken and recorded as late.
    at('2026-05-01T09:00:00.000Z');
    const extension = await call('POST', `/proposals/${mural}/decision-deadline-extension`, admin, { reason: 'Advies nodig' });
    expect([extension.status, extension.body.code]).toEqual([409, 'PROPOSAL.DECISION_DEADLINE_PASSED']);
    await ok(call('POST', `/proposals/${mural}/grant-decision`, admin, { granted: true, amountCents: 40_000, decisionReference: 'Z/26/2004', decisionDate: '2026-05-01', reason: 'Voldoet' }), 200, ['ProposalGranted']);
    expect(await application(mural)).toMatchObject({ status: 'granted' });
    expect(await round()).toMatchObject({ committedCents: 990_000, remainingCents: 10_000 });

    // 11. A refused application, a paper objection in the term, a hearing, and the objection declared gegrond:
    // the refusal is revoked and the revised grant is committed under the ceiling like any grant (Awb 6:7, 7:2, 7:11).
    at('2026-05-04T09:00:00.000Z');
    const benches = await apply('Bankjes bij de speeltuin', 10_000);
    for (const criterionId of criteria) await ok(call('POST', `/proposals/${benches}/verdicts`, reviewer, { criterionId, outcome: 'met', reason: 'Voldoet aan de regeling' }), 200, ['ProposalFeasibilityVerdictGiven']);
    at('2026-05-11T09:00:00.000Z');
    await ok(call('POST', `/proposals/${benches}/grant-decision`, admin, { granted: false, decisionReference: 'Z/26/2005', decisionDate: '2026-05-11', reason: 'Bankjes zijn onderhoud, geen initiatief' }), 200, ['ProposalGrantRefused']);
    at('2026-05-20T09:00:00.000Z');
    await ok(call('POST', `/proposals/${benches}/objection`, admin, { grounds: 'De buurt plaatst en onderhoudt de bankjes zelf.', receivedOn: '2026-05-19' }), 201, ['ProposalObjectionLodged']);
    expect(await application(benches)).toMatchObject({ status: 'grant_refused', objection: { inTime: true, termEndsOn: '2026-06-22', decisionDueBy: '2026-08-03T21:59:59.999Z' } });
    const receipt = await call('GET', `/proposals/${benches}/objection/letters/ontvangstbevestiging?format=markdown`, admin);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain('Op 19 mei 2026 hebben wij uw bezwaarschrift ontvangen.');
    await ok(call('POST', `/proposals/${benches}/objection/hearing`, admin, { hearingAt: '2026-06-03T12:00:00.000Z', location: 'Stadhuis, kamer 2.14' }), 200, ['ProposalObjectionHearingScheduled']);
    at('2026-06-03T14:00:00.000Z');
    await ok(call('POST', `/proposals/${benches}/objection/hearing/held`, admin, { reportReference: 'HV 2026/031' }), 200, ['ProposalObjectionHeard']);
    at('2026-06-10T09:00:00.000Z');
    const revised = { outcome: 'gegrond', decisionReference: 'BOB/26/001', decisionDate: '2026-06-10', reason: 'De buurt onderhoudt de bankjes zelf: het is een bewonersinitiatief' };
    await ok(call('POST', `/proposals/${benches}/objection/decision`, admin, { ...revised, revisedAmountCents: 10_000 }), 200, ['ProposalObjectionDecided', 'ProposalGranted']);
    expect(await application(benches)).toMatchObject({ status: 'granted', grant: { amountCents: 10_000, decisionReference: 'BOB/26/001', appeal: { route: 'beroep' } }, objection: { decision: { outcome: 'gegrond' } } });
    expect(await round()).toMatchObject({ committedCents: 1_000_000, remainingCents: 0 });
    const decision = await call('GET', `/proposals/${benches}/objection/letters/beslissing-op-bezwaar?format=markdown`, admin);
    expect(decision.text).toContain('Uw bezwaar is gegrond.');
    expect(decision.text).toContain('Dan kunt u beroep instellen bij de rechtbank.');

    // 12. Payments follow the revised grant.
    await ok(call('POST', `/proposals/${benches}/implementation/start`, admin, { startedOn: '2026-06-15' }), 200, ['ProposalImplementationStarted']);
    const overpaid = await call('POST', `/proposals/${benches}/implementation/payments`, admin, { paymentReference: 'BET-25', amountCents: 10_001 });
    expect([overpaid.status, overpaid.body.code]).toEqual([409, 'PROPOSAL.PAYMENT_EXCEEDS_GRANT']);
    await ok(call('POST', `/proposals/${benches}/implementation/payments`, admin, { paymentReference: 'BET-25', amountCents: 10_000 }), 200, ['ProposalPaymentRecorded']);
  });
});
