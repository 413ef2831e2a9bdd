import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore, type RecordedEvent } from '@lib/event-store';
import { OTHER_TENANT, startTestApi, TENANT, type TestApi } from '../../../../../test/support/test-api.js';
import { aPlanBody, plansHttpDriver, type Reply } from '../testing/plans-http.driver.js';
import { aFondsFrame, seedRound } from '../testing/proposal.seed.js';

const ANNA = 'res-anna-7c1f0e2a';
const GROUNDS = 'Mijn buurvrouw Petra Jansen en ik organiseren dit samen; de regeling staat dat toe.';

/**
 * Bezwaar over real HTTP: the applicant objects through the residents' API, staff register a late
 * paper objection, hearings, the decision term, decisions (gegrond with a revised grant committed
 * under the ceiling; niet-ontvankelijk), beroep, and the letters. Every refusal appends nothing.
 */
describe('objections to a beschikking over real HTTP (in-memory store)', () => {
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });
  let api: TestApi;
  let now = new Date('2026-03-02T09:00:00.000Z');
  let admin: string;
  let reviewer: string;
  let anna: string;
  let bram: string;
  let voter: string;
  let otherAdmin: string;
  let annasPlan: string;
  let paperPlan: string;
  const { call, everything, appendsNothing } = plansHttpDriver(() => api, () => store);
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const events = async (id: string): Promise<RecordedEvent[]> => store.readStream(`Proposal-${id}`);
  async function refused(act: () => Promise<Reply>, status: number, code: string): Promise<void> {
    const reply = await appendsNothing(act);
    expect({ status: reply.status, code: reply.body.code }).toEqual({ status, code });
  }
  async function ok(reply: Promise<Reply>, status: number, appended: string[]): Promise<Reply> {
    const answer = await reply;
    expect({ status: answer.status, events: answer.body.events }).toEqual({ status, events: appended });
    return answer;
  }
  async function letter(id: string, kind: string, query = 'format=markdown'): Promise<{ status: number; type: string | null; text: string; body: Buffer }> {
    const response = await fetch(`${api.url}/proposals/${id}/objection/letters/${kind}?${query}`, { headers: { authorization: `Bearer ${admin}` } });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, type: response.headers.get('content-type'), text: body.toString('utf8'), body };
  }

  beforeAll(async () => {
    api = await startTestApi(store, { clock: { now: () => now } });
    admin = await api.token('administrator', TENANT, 'staff-admin');
    reviewer = await api.token('reviewer', TENANT, 'staff-reviewer');
    anna = await api.token('resident', TENANT, ANNA);
    bram = await api.token('resident', TENANT, 'res-bram-0d9b4c6e');
    voter = await api.token('voter', TENANT, ANNA, { round: 'r-bz' });
    otherAdmin = await api.token('administrator', OTHER_TENANT, 'staff-elsewhere');
    await seedRound(store, { tenant: TENANT, budgetId: 'b-bz', roundId: 'r-bz', frame: aFondsFrame(), phases: ['intake'], at: now.toISOString() });
    const body = aPlanBody({ areaId: 'GEMEENTE', costEstimate: { investmentCents: 1_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 } });
    annasPlan = (await call('POST', '/rounds/r-bz/my-plans', anna, { ...body, contactDetails: { name: 'Anna de Wit' } })).body.id as string;
    await ok(call('POST', `/proposals/${annasPlan}/moderation`, admin, { admitted: true }), 200, ['ProposalAdmittedToIntake']);
    paperPlan = (await call('POST', '/rounds/r-bz/proposals', admin, { ...body, title: 'Buurtfeest' })).body.id as string;
    for (const id of [annasPlan, paperPlan]) await ok(call('POST', `/proposals/${id}/verdicts`, reviewer, { criterionId: 'by-residents', outcome: 'met', reason: 'Bewonersinitiatief' }), 200, ['ProposalFeasibilityVerdictGiven']);
    at('2026-03-16T09:00:00.000Z');
    await ok(call('POST', `/proposals/${annasPlan}/grant-decision`, admin, { granted: false, decisionReference: 'Z/26/3001', decisionDate: '2026-03-16', reason: 'Geen activiteit voor de hele buurt' }), 200, ['ProposalGrantRefused']);
    await ok(call('POST', `/proposals/${paperPlan}/grant-decision`, admin, { granted: true, amountCents: 500_000, decisionReference: 'Z/26/3002', decisionDate: '2026-03-16', reason: 'Voldoet, voor de helft' }), 200, ['ProposalGranted']);
  });

  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('refuses an objection by anyone but the signed-in applicant, or without grounds, with nothing appended', async () => {
    at('2026-03-20T09:00:00.000Z');
    await refused(() => call('POST', `/rounds/r-bz/my-plans/${annasPlan}/objection`, bram, { grounds: GROUNDS }), 403, 'OBJECTION.NOT_APPLICANT');
    await refused(() => call('POST', `/rounds/r-bz/my-plans/${annasPlan}/objection`, voter, { grounds: GROUNDS }), 403, 'AUTH.FORBIDDEN');
    await refused(() => call('POST', `/rounds/r-bz/my-plans/${annasPlan}/objection`, anna, { grounds: '   ' }), 400, 'OBJECTION.GROUNDS_REQUIRED');
    await refused(() => call('POST', `/rounds/r-other/my-plans/${annasPlan}/objection`, anna, { grounds: GROUNDS }), 404, 'PROPOSAL.NOT_FOUND');
    await refused(() => call('POST', `/proposals/${annasPlan}/objection`, otherAdmin, { grounds: GROUNDS, receivedOn: '2026-03-20' }), 404, 'PROPOSAL.NOT_FOUND');
  });

  it('takes the applicant\'s objection in the term, keeps the grounds out of the events, and confirms receipt (6:14)', async () => {
    const reply = await ok(call('POST', `/rounds/r-bz/my-plans/${annasPlan}/objection`, anna, { grounds: GROUNDS }), 201, ['ProposalObjectionLodged']);
    expect(reply.location).toBe(`/rounds/r-bz/my-plans/${annasPlan}`);
    const lodged = (await events(annasPlan)).at(-1)!;
    expect(lodged.data).toMatchObject({ objectorRef: ANNA, channel: 'resident', contestedDecision: 'Z/26/3001', receivedOn: '2026-03-20', termEndsOn: '2026-04-28', inTime: true, decisionDueBy: '2026-06-09T21:59:59.999Z', groundsDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify((await everything()).map((e) => [e.data, e.metadata]))).not.toMatch(/Petra Jansen|Anna de Wit/);
    expect((await call('GET', `/proposals/${annasPlan}`, admin)).body).toMatchObject({ status: 'grant_refused', objection: { inTime: true, hearing: { status: 'none' }, decision: null } });

    expect((await call('GET', `/rounds/r-bz/my-plans/${annasPlan}`, anna)).body).toMatchObject({ objection: { receivedOn: '2026-03-20', inTime: true, decisionDueBy: '2026-06-09T21:59:59.999Z', hearingAt: null, outcome: null } });
    const receipt = await letter(annasPlan, 'ontvangstbevestiging');
    expect(receipt.status).toBe(200);
    expect(receipt.type).toBe('text/markdown; charset=utf-8');
    expect(receipt.text).toContain('Beste Anna de Wit,');
    expect(receipt.text).toContain('Op 20 maart 2026 hebben wij uw bezwaarschrift ontvangen.');
    expect(receipt.text).toContain('De termijn liep tot en met 28 april 2026.');
    expect(receipt.text).toContain('Wij beslissen uiterlijk op 9 juni 2026.');
    expect((await letter(annasPlan, 'ontvangstbevestiging', 'lang=en&format=markdown')).text).toContain('On 20 March 2026 we received your objection.');
    const pdf = await letter(annasPlan, 'ontvangstbevestiging', '');
    expect([pdf.status, pdf.type, pdf.body.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    expect((await letter(annasPlan, 'uitnodiging-hoorzitting')).status).toBe(409);
    expect((await letter(annasPlan, 'brief')).status).toBe(400);

    await refused(() => call('POST', `/rounds/r-bz/my-plans/${annasPlan}/objection`, anna, { grounds: GROUNDS }), 409, 'OBJECTION.ALREADY_LODGED');
    await refused(() => call('POST', `/proposals/${annasPlan}/objection/decision`, admin, { outcome: 'ongegrond', decisionReference: 'BOB/26/1', decisionDate: '2026-03-20', reason: 'Blijft' }), 409, 'OBJECTION.HEARING_REQUIRED');
  });

  it('hears the applicant, postpones the decision once, and further only with consent', async () => {
    await ok(call('POST', `/proposals/${annasPlan}/objection/hearing`, admin, { hearingAt: '2026-04-08T12:00:00.000Z', location: 'Stadhuis, kamer 2.14' }), 200, ['ProposalObjectionHearingScheduled']);
    expect((await call('GET', `/rounds/r-bz/my-plans/${annasPlan}`, anna)).body).toMatchObject({ objection: { hearingAt: '2026-04-08T12:00:00.000Z' } });
    const invitation = await letter(annasPlan, 'uitnodiging-hoorzitting');
    expect(invitation.text).toContain('Plaats: Stadhuis, kamer 2.14');
    expect(invitation.text).toContain('woensdag 8 april 2026 om 14:00');
    await refused(() => call('POST', `/proposals/${annasPlan}/objection/hearing/held`, admin, {}), 400, 'OBJECTION.INVALID_DATE');
    at('2026-04-08T14:00:00.000Z');
    await ok(call('POST', `/proposals/${annasPlan}/objection/hearing/held`, admin, { reportReference: 'HV 2026/014' }), 200, ['ProposalObjectionHeard']);
    await refused(() => call('POST', `/proposals/${annasPlan}/objection/hearing/skip`, admin, { ground: 'afgezien', reason: 'x' }), 409, 'OBJECTION.HEARING_CLOSED');
    await refused(() => call('POST', `/proposals/${annasPlan}/objection/decision-term-extension`, admin, { weeks: 7, reason: 'Advies' }), 400, 'OBJECTION.INVALID_EXTENSION');
    await ok(call('POST', `/proposals/${annasPlan}/objection/decision-term-extension`, admin, { weeks: 6, reason: 'Advies' }), 200, ['ProposalObjectionDecisionTermExtended']);
    await refused(() => call('POST', `/proposals/${annasPlan}/objection/decision-term-extension`, admin, { weeks: 2, reason: 'Nog meer advies' }), 409, 'OBJECTION.ALREADY_EXTENDED');
    await ok(call('POST', `/proposals/${annasPlan}/objection/decision-term-extension`, admin, { weeks: 2, withConsent: true, reason: 'Met instemming' }), 200, ['ProposalObjectionDecisionTermExtended']);
    expect((await call('GET', `/proposals/${annasPlan}`, admin)).body).toMatchObject({ objection: { decisionDueBy: '2026-08-04T21:59:59.999Z', hearing: { status: 'held' } } });
  });

  it('decides gegrond: the refusal is revoked and the revised grant is committed under the ceiling and recorded on the plan', async () => {
    at('2026-04-15T09:00:00.000Z');
    const decision = { outcome: 'gegrond', decisionReference: 'BOB/26/001', decisionDate: '2026-04-15', reason: 'Het is een activiteit voor de hele buurt' };
    await refused(() => call('POST', `/proposals/${annasPlan}/objection/decision`, admin, decision), 400, 'OBJECTION.REVISION_REQUIRED');
    await refused(() => call('POST', `/proposals/${annasPlan}/objection/decision`, admin, { ...decision, revisedAmountCents: 1_000_001 }), 409, 'PROPOSAL.GRANT_EXCEEDS_REQUEST');
    const reply = await ok(call('POST', `/proposals/${annasPlan}/objection/decision`, admin, { ...decision, revisedAmountCents: 1_000_000, court: 'Rechtbank Amsterdam' }), 200, ['ProposalObjectionDecided', 'ProposalGranted']);
    expect(reply.reactions).toBe('complete');
    const [decided, granted] = (await events(annasPlan)).slice(-2);
    expect(decided!.data).toMatchObject({ outcome: 'gegrond', revokes: 'Z/26/3001', revised: { granted: true, amountCents: 1_000_000 }, beroep: { route: 'beroep', periodWeeks: 6, addressedTo: 'Rechtbank Amsterdam' } });
    expect(granted!.data).toMatchObject({ amountCents: 1_000_000, decisionReference: 'BOB/26/001', onObjection: (decided!.data as { objectionId: string }).objectionId, appeal: { route: 'beroep' } });
    expect((await call('GET', `/proposals/${annasPlan}`, admin)).body).toMatchObject({ status: 'granted', grant: { amountCents: 1_000_000, decisionReference: 'BOB/26/001' }, objection: { decision: { outcome: 'gegrond' } } });
    expect((await call('GET', '/rounds/r-bz', admin)).body).toMatchObject({ committedCents: 1_500_000 });

    const text = (await letter(annasPlan, 'beslissing-op-bezwaar')).text;
    expect(text).toContain('Uw bezwaar is gegrond. Dat betekent dat u gelijk krijgt. Wij trekken ons besluit Z/26/3001 in.');
    expect(text).toMatch(/krijgt u een subsidie van €\s10\.000,00\./);
    expect(text).toContain('Op 8 april 2026 hebben wij u gehoord over uw bezwaar.');
    expect(text).toContain('Dan kunt u beroep instellen bij Rechtbank Amsterdam. Dat moet binnen 6 weken.');
    expect(text).toContain('U hebt dus tot en met 27 mei 2026.');

    await refused(() => call('POST', `/proposals/${annasPlan}/objection/decision`, admin, { ...decision, revisedAmountCents: 1_000_000 }), 409, 'OBJECTION.ALREADY_DECIDED');
    // The revised grant is itself a decision on the objection: open to beroep, not to a second bezwaar (Awb 7:1).
    await refused(() => call('POST', `/rounds/r-bz/my-plans/${annasPlan}/objection`, anna, { grounds: GROUNDS }), 409, 'OBJECTION.NOT_A_DECISION');
    await ok(call('POST', `/proposals/${annasPlan}/implementation/start`, admin, { startedOn: '2026-04-20' }), 200, ['ProposalImplementationStarted']);
    await ok(call('POST', `/proposals/${annasPlan}/implementation/payments`, admin, { paymentReference: 'BET-1', amountCents: 1_000_000 }), 200, ['ProposalPaymentRecorded']);
  });

  it('records beroep and the court\'s ruling', async () => {
    at('2026-05-20T09:00:00.000Z');
    await refused(() => call('POST', `/proposals/${annasPlan}/objection/beroep/ruling`, admin, { outcome: 'ongegrond', rulingDate: '2026-05-20', reason: 'x' }), 409, 'OBJECTION.NO_BEROEP');
    await ok(call('POST', `/proposals/${annasPlan}/objection/beroep`, admin, { court: 'Rechtbank Amsterdam', caseReference: 'AMS 26/1234', lodgedOn: '2026-05-19' }), 200, ['ProposalBeroepLodged']);
    at('2026-11-02T09:00:00.000Z');
    await ok(call('POST', `/proposals/${annasPlan}/objection/beroep/ruling`, admin, { outcome: 'ongegrond', rulingDate: '2026-10-30', reason: 'Het besluit blijft in stand' }), 200, ['ProposalBeroepRuled']);
    expect((await call('GET', `/proposals/${annasPlan}`, admin)).body).toMatchObject({ objection: { beroep: { caseReference: 'AMS 26/1234', inTime: true, ruling: { outcome: 'ongegrond' } } } });
  });

  it('registers a late paper objection: niet-ontvankelijk unless the lateness is excusable, and no extension after the term', async () => {
    at('2026-05-01T09:00:00.000Z');
    await refused(() => call('POST', `/proposals/${paperPlan}/objection`, admin, { grounds: 'Het bedrag is te laag', receivedOn: '2026-05-02' }), 400, 'OBJECTION.INVALID_DATE');
    await ok(call('POST', `/proposals/${paperPlan}/objection`, admin, { grounds: 'Het bedrag is te laag', receivedOn: '2026-04-30', postedOn: '2026-04-29' }), 201, ['ProposalObjectionLodged']);
    expect((await events(paperPlan)).at(-1)!.data).toMatchObject({ channel: 'staff', objectorRef: expect.any(String), inTime: false, termEndsOn: '2026-04-28' });
    expect((await letter(paperPlan, 'ontvangstbevestiging')).text).toContain('Uw bezwaar kwam na de termijn binnen.');
    const decision = { outcome: 'ongegrond', decisionReference: 'BOB/26/002', decisionDate: '2026-06-10', reason: 'Het bedrag past bij de regeling' };
    at('2026-06-10T09:00:00.000Z');
    await refused(() => call('POST', `/proposals/${paperPlan}/objection/decision-term-extension`, admin, { weeks: 2, reason: 'Te laat' }), 409, 'OBJECTION.DECISION_TERM_PASSED');
    await refused(() => call('POST', `/proposals/${paperPlan}/objection/decision`, admin, decision), 409, 'OBJECTION.LATENESS_NOT_JUDGED');
    await ok(call('POST', `/proposals/${paperPlan}/objection/lateness`, admin, { excusable: false, reason: 'Geen reden gegeven' }), 200, ['ProposalObjectionLatenessJudged']);
    await ok(call('POST', `/proposals/${paperPlan}/objection/hearing/skip`, admin, { ground: 'kennelijk-niet-ontvankelijk', reason: 'Te laat, niet verschoonbaar' }), 200, ['ProposalObjectionHearingSkipped']);
    await refused(() => call('POST', `/proposals/${paperPlan}/objection/decision`, admin, decision), 409, 'OBJECTION.TERM_PASSED');
    await ok(call('POST', `/proposals/${paperPlan}/objection/decision`, admin, { ...decision, outcome: 'niet-ontvankelijk', reason: 'Het bezwaar kwam te laat binnen' }), 200, ['ProposalObjectionDecided']);
    expect((await events(paperPlan)).at(-1)!.data).toMatchObject({ outcome: 'niet-ontvankelijk', revokes: null, decidedAfterTerm: '2026-06-09T21:59:59.999Z' });
    expect((await letter(paperPlan, 'beslissing-op-bezwaar')).text).toContain('Uw bezwaar is niet-ontvankelijk.');
    expect((await call('GET', `/proposals/${paperPlan}`, admin)).body).toMatchObject({ status: 'granted', grant: { amountCents: 500_000 } });
  });

  it('serves the letters to administrators of the municipality only', async () => {
    const response = await fetch(`${api.url}/proposals/${annasPlan}/objection/letters/ontvangstbevestiging`, { headers: { authorization: `Bearer ${reviewer}` } });
    expect(response.status).toBe(403);
    const elsewhere = await fetch(`${api.url}/proposals/${annasPlan}/objection/letters/ontvangstbevestiging`, { headers: { authorization: `Bearer ${otherAdmin}` } });
    expect(elsewhere.status).toBe(404);
    expect((await fetch(`${api.url}/proposals/${annasPlan}/objection/letters/ontvangstbevestiging`)).status).toBe(401);
  });
});
