import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore } from '@lib/event-store';
import { Reactors } from '@lib/platform';
import { OTHER_TENANT, startTestApi, TENANT, type TestApi } from '../../../../../test/support/test-api.js';
import { aBegrotingFrame, aFondsFrame, appendRoundEvents, phaseTransitions, seedRound } from './proposal.seed.js';
import type { RoundEvent } from '../../round/round.events.js';
import { aPlanBody, type PlansStore, plansHttpDriver, type Reply } from './plans-http.driver.js';

export type { PlansStore } from './plans-http.driver.js';

const START = new Date('2026-03-02T09:00:00.000Z');
const DAY = 86_400_000;

/**
 * The plans over real HTTP: the same Given/When/Then on every store (in memory in the e2e spec,
 * PostgreSQL or PGlite in the int spec), so the expected-revision guard and the vault are proven on each.
 * `extra` adds the tests that only one store can answer.
 */
export function describePlansOverHttp(label: string, open: () => Promise<PlansStore>, extra?: (ctx: PlansHttp) => void): void {
  const ctx = {} as PlansHttp;
  let opened: PlansStore;
  let store: EventStore;
  let api: TestApi;
  let now = START;
  let admin: string;
  let reviewer: string;
  let auditor: string;

  const { call, everything, appendsNothing } = plansHttpDriver(() => api, () => store);
  const plan = aPlanBody;

  async function submit(roundId: string, body: Record<string, unknown> = plan()): Promise<string> {
    const reply = await call('POST', `/rounds/${roundId}/proposals`, admin, body);
    expect(reply.status).toBe(201);
    return reply.body.id as string;
  }

  describe(`plans over real HTTP (${label})`, () => {
    beforeAll(async () => {
      opened = await open();
      store = opened.store;
      api = await startTestApi(store, { clock: { now: () => now } });
      admin = await api.token('administrator', TENANT, 'staff-admin');
      reviewer = await api.token('reviewer', TENANT, 'staff-rev-a');
      auditor = await api.token('auditor', TENANT, 'staff-audit');
      await seedRound(store, { tenant: TENANT, budgetId: 'b-bb', roundId: 'r-bb', frame: aBegrotingFrame(), phases: ['submission'], at: START.toISOString() });
      await seedRound(store, { tenant: TENANT, budgetId: 'b-sel', roundId: 'r-sel', frame: { ...aBegrotingFrame(), selection: 'manual' }, phases: ['submission'], at: START.toISOString() });
      await seedRound(store, { tenant: TENANT, budgetId: 'b-auto', roundId: 'r-auto', frame: aBegrotingFrame(), phases: ['submission'], at: START.toISOString() });
      await seedRound(store, { tenant: TENANT, budgetId: 'b-if', roundId: 'r-if', frame: aFondsFrame(), phases: ['intake'], at: START.toISOString() });
      Object.assign(ctx, { api, store, call, admin, appendsNothing, plan, submit });
    });

    afterAll(async () => {
      await api.close();
      await opened.close();
    });

    describe('POST /rounds/{roundId}/proposals', () => {
      it('submits a plan with its ETag and Location, keeping contact details out of the events', async () => {
        const reply = await call('POST', '/rounds/r-bb/proposals', admin, plan({ contactDetails: { name: 'Fatima de Vries', email: 'fatima@example.nl', phone: '+31612345678' } }));
        expect(reply.status).toBe(201);
        expect(reply.etag).toBe('"0"');
        expect(reply.location).toBe(`/proposals/${reply.body.id as string}`);
        expect(reply.body.events).toEqual(['ProposalSubmitted']);

        const [submitted] = await store.readStream(`Proposal-${reply.body.id as string}`);
        expect(submitted!.type).toBe('ProposalSubmitted');
        expect(submitted!.metadata).toMatchObject({ tenant: TENANT, actor: 'staff-admin', role: 'administrator' });
        const everyEvent = JSON.stringify((await everything()).map((e) => [e.type, e.data, e.metadata]));
        expect(everyEvent).not.toContain('Fatima');
        expect(everyEvent).not.toContain('fatima@example.nl');
        expect(everyEvent).not.toContain('612345678');
        expect(submitted!.data).toMatchObject({ publishedCriteria: ['max-amount', 'one-year', 'themes', 'support'], intake: { kind: 'round' } });

        const asAdmin = await call('GET', `/proposals/${reply.body.id as string}`, admin);
        expect(asAdmin.status).toBe(200);
        expect(asAdmin.etag).toBe('"0"');
        expect(asAdmin.body.contactDetails).toEqual({ name: 'Fatima de Vries', email: 'fatima@example.nl', phone: '+31612345678' });
        const asReviewer = await call('GET', `/proposals/${reply.body.id as string}`, reviewer);
        expect(asReviewer.status).toBe(200);
        expect(asReviewer.body).not.toHaveProperty('contactDetails');
      });

      it('answers an invalid body with 400 and appends nothing', async () => {
        const negative = await appendsNothing(() => call('POST', '/rounds/r-bb/proposals', admin, plan({ costEstimate: { investmentCents: -1, maintenancePerYearCents: 0, maintenanceYears: 0 } })));
        expect(negative.status).toBe(400);
        expect(negative.body.code).toBe('REQUEST.INVALID');
        const unknownField = await appendsNothing(() => call('POST', '/rounds/r-bb/proposals', admin, plan({ bsn: '123456789' })));
        expect(unknownField.status).toBe(400);
      });

      it('rejects a theme outside the frame with its own code', async () => {
        const reply = await appendsNothing(() => call('POST', '/rounds/r-bb/proposals', admin, plan({ themeId: 'parkeren' })));
        expect(reply.status).toBe(409);
        expect(reply.body.code).toBe('PROPOSAL.UNKNOWN_THEME');
      });

      it('answers a retry under the same Idempotency-Key with the same plan; a malformed key is 400', async () => {
        const key = 'plan-retry-0001';
        const first = await call('POST', '/rounds/r-bb/proposals', admin, plan({ contactDetails: { name: 'Jan Jansen' } }), { 'idempotency-key': key });
        expect(first.status).toBe(201);
        const retry = await appendsNothing(() => call('POST', '/rounds/r-bb/proposals', admin, plan({ contactDetails: { name: 'Jan Jansen' } }), { 'idempotency-key': key }));
        expect(retry).toMatchObject({ status: 201, body: first.body, etag: first.etag, location: first.location });
        const reused = await appendsNothing(() => call('POST', '/rounds/r-bb/proposals', admin, plan({ title: 'Een ander plan' }), { 'idempotency-key': key }));
        expect(reused).toMatchObject({ status: 409, body: { code: 'PROPOSAL.IDEMPOTENCY_KEY_REUSED' } });
        expect((await appendsNothing(() => call('POST', '/rounds/r-bb/proposals', admin, plan(), { 'idempotency-key': 'a b' }))).status).toBe(400);
      });

      it('refuses auditors and another municipality', async () => {
        expect((await appendsNothing(() => call('POST', '/rounds/r-bb/proposals', auditor, plan()))).status).toBe(403);
        const foreign = await api.token('administrator', OTHER_TENANT, 'staff-elsewhere');
        const reply = await appendsNothing(() => call('POST', '/rounds/r-bb/proposals', foreign, plan()));
        expect(reply.status).toBe(404);
      });
    });

    describe('amendments, support and reading', () => {
      it('keeps every version; If-Match pins the revision', async () => {
        const id = await submit('r-bb');
        const amended = await call('POST', `/proposals/${id}/amendments`, admin, { ...plan({ title: 'Speeltuin Oosterpark (herzien)' }), areaId: undefined, themeId: undefined, reason: 'Kleinere opzet' }, { 'if-match': '"0"' });
        expect(amended.status).toBe(200);
        expect(amended.etag).toBe('"1"');
        const stale = await appendsNothing(() => call('POST', `/proposals/${id}/amendments`, admin, { title: 'Nog eens', summary: 's', costEstimate: plan().costEstimate, reason: 'r' }, { 'if-match': '"0"' }));
        expect(stale.status).toBe(412);
        const read = await call('GET', `/proposals/${id}`, auditor);
        expect((read.body.versions as { number: number; title: string }[]).map((v) => [v.number, v.title])).toEqual([
          [1, 'Speeltuin Oosterpark'],
          [2, 'Speeltuin Oosterpark (herzien)'],
        ]);
      });

      it('counts support once per pseudonym and records reaching the threshold', async () => {
        const id = await submit('r-bb');
        expect((await call('POST', `/proposals/${id}/support`, admin, { supporterRef: 'ps-aaaaaa' })).body.events).toEqual(['ProposalSupported']);
        expect((await call('POST', `/proposals/${id}/support`, admin, { supporterRef: 'ps-bbbbbb' })).body.events).toEqual(['ProposalSupported', 'ProposalSupportThresholdReached']);
        const twice = await appendsNothing(() => call('POST', `/proposals/${id}/support`, admin, { supporterRef: 'ps-aaaaaa' }));
        expect(twice.body.code).toBe('PROPOSAL.ALREADY_SUPPORTED');
        expect((await appendsNothing(() => call('POST', `/proposals/${id}/support`, admin, { supporterRef: 'jan@example.nl' }))).status).toBe(400);
      });

      it('lists a round\'s plans, and hides another municipality\'s round', async () => {
        const list = await call('GET', '/rounds/r-bb/proposals', reviewer);
        expect(list.status).toBe(200);
        expect((list.body.plans as unknown[]).length).toBeGreaterThanOrEqual(3);
        expect(list.body.plans as { contactDetails?: unknown }[]).toEqual(expect.not.arrayContaining([expect.objectContaining({ contactDetails: expect.anything() })]));
        const foreign = await api.token('auditor', OTHER_TENANT);
        expect((await call('GET', '/rounds/r-bb/proposals', foreign)).status).toBe(404);
        const id = (list.body.plans as { proposalId: string }[])[0]!.proposalId;
        expect((await call('GET', `/proposals/${id}`, foreign)).status).toBe(404);
      });

      it('withdraws a plan with a reason; without one it is 400 and nothing is appended', async () => {
        const id = await submit('r-bb');
        const missing = await appendsNothing(() => call('POST', `/proposals/${id}/withdrawal`, admin, { reason: ' ' }));
        expect(missing).toMatchObject({ status: 400, body: { code: 'PROPOSAL.REASON_REQUIRED' } });
        const withdrawn = await call('POST', `/proposals/${id}/withdrawal`, admin, { reason: 'Initiatiefnemer verhuist' }, { 'if-match': '"0"' });
        expect(withdrawn).toMatchObject({ status: 200, etag: '"1"', body: { events: ['ProposalWithdrawn'] } });
      });

      it('goes through the shared shell: a malformed path id is 400 REQUEST.INVALID_ID, the correlation id and the trimmed reason reach the metadata', async () => {
        const id = await submit('r-bb');
        for (const bad of ['a.b', 'x:y', '-leading', 'a'.repeat(81)]) {
          const reply = await appendsNothing(() => call('POST', `/proposals/${encodeURIComponent(bad)}/withdrawal`, admin, { reason: 'Initiatiefnemer verhuist' }));
          expect(reply).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID_ID' } });
        }
        const withdrawn = await call('POST', `/proposals/${id}/withdrawal`, admin, { reason: '  Initiatiefnemer verhuist  ' }, { 'x-correlation-id': 'desk-2026-0042' });
        expect(withdrawn).toMatchObject({ status: 200, etag: '"1"', body: { id, revision: '1', events: ['ProposalWithdrawn'] } });
        const [, recorded] = await store.readStream(`Proposal-${id}`);
        expect(recorded!.metadata).toMatchObject({ actor: 'staff-admin', role: 'administrator', tenant: TENANT, $correlationId: 'desk-2026-0042', reason: 'Initiatiefnemer verhuist' });
      });

      it('merges two plans: both streams record it (the continuing plan through the plan-merge reactor, waited for)', async () => {
        const continuing = await submit('r-bb');
        const absorbed = await submit('r-bb');
        const reply = await call('POST', `/proposals/${continuing}/merge`, admin, { mergedProposalId: absorbed, reason: 'Zelfde park' });
        expect([reply.status, reply.etag, reply.reactions]).toEqual([200, '"1"', 'complete']);
        expect(reply.body.events).toEqual(['ProposalAbsorbed']);
        const [mergedInto] = (await store.readStream(`Proposal-${absorbed}`)).filter((e) => e.type === 'ProposalMergedInto');
        const [absorption] = (await store.readStream(`Proposal-${continuing}`)).filter((e) => e.type === 'ProposalAbsorbed');
        expect([absorption!.data.absorbedProposalId, absorption!.metadata.$causationId, absorption!.metadata.actor]).toEqual([absorbed, mergedInto!.id, 'staff-admin']);
        expect((await call('GET', `/proposals/${absorbed}`, admin)).body).toMatchObject({ status: 'merged', mergedInto: continuing });
        const again = await appendsNothing(() => call('POST', `/proposals/${continuing}/merge`, admin, { mergedProposalId: absorbed, reason: 'Nog eens' }));
        expect(again.body.code).toBe('PROPOSAL.MERGE_NOT_ALLOWED');
      });

      it('refuses a merge under a stale If-Match before writing either plan', async () => {
        const continuing = await submit('r-bb');
        const absorbed = await submit('r-bb');
        const stale = await appendsNothing(() => call('POST', `/proposals/${continuing}/merge`, admin, { mergedProposalId: absorbed, reason: 'Zelfde park' }, { 'if-match': '"7"' }));
        expect(stale.status).toBe(412);
        const pinned = await call('POST', `/proposals/${continuing}/merge`, admin, { mergedProposalId: absorbed, reason: 'Zelfde park' }, { 'if-match': '"0"' });
        expect(pinned).toMatchObject({ status: 200, etag: '"1"' });
      });
    });

    describe('feasibility review', () => {
      it('rejects a reviewer who declared a conflict of interest', async () => {
        const id = await submit('r-bb');
        const declared = await call('POST', `/proposals/${id}/conflicts-of-interest`, reviewer, { reason: 'Buurman van de initiatiefnemer' });
        expect(declared.status).toBe(200);
        const reply = await appendsNothing(() => call('POST', `/proposals/${id}/verdicts`, reviewer, { criterionId: 'one-year', outcome: 'met', reason: 'Haalbaar' }));
        expect(reply.status).toBe(409);
        expect(reply.body.code).toBe('PROPOSAL.REVIEWER_CONFLICT');
      });

      it('rejects a criterion that was not published before submission opened', async () => {
        const id = await submit('r-bb');
        const reply = await appendsNothing(() => call('POST', `/proposals/${id}/verdicts`, reviewer, { criterionId: 'added-later', outcome: 'not_met', reason: 'Nieuw criterium' }));
        expect(reply.status).toBe(409);
        expect(reply.body.code).toBe('PROPOSAL.CRITERION_NOT_PUBLISHED');
      });

      it('rejects the staff member who entered a resident\'s plan as its reviewer, with no staff ref given', async () => {
        const desk = await api.token(['administrator', 'reviewer'], TENANT, 'staff-front-desk');
        const entered = await call('POST', '/rounds/r-bb/proposals', desk, plan());
        expect(entered.status).toBe(201);
        const own = await appendsNothing(() => call('POST', `/proposals/${entered.body.id as string}/verdicts`, desk, { criterionId: 'one-year', outcome: 'met', reason: 'Haalbaar' }));
        expect(own).toMatchObject({ status: 409, body: { code: 'PROPOSAL.REVIEWER_IS_SUBMITTER' } });
        expect((await call('POST', `/proposals/${entered.body.id as string}/verdicts`, reviewer, { criterionId: 'one-year', outcome: 'met', reason: 'Haalbaar' })).status).toBe(200);
      });

      it('rejects a reviewer reviewing their own plan', async () => {
        const id = await submit('r-bb', plan({ submitterStaffRef: 'staff-rev-own' }));
        const own = await api.token('reviewer', TENANT, 'staff-rev-own');
        const reply = await appendsNothing(() => call('POST', `/proposals/${id}/verdicts`, own, { criterionId: 'one-year', outcome: 'met', reason: 'Haalbaar' }));
        expect(reply.status).toBe(409);
        expect(reply.body.code).toBe('PROPOSAL.REVIEWER_IS_SUBMITTER');
      });

      it('runs the revise loop and admits only when every published criterion is met', async () => {
        const id = await submit('r-bb');
        const verdict = (criterionId: string, outcome: string) => call('POST', `/proposals/${id}/verdicts`, reviewer, { criterionId, outcome, reason: `${criterionId}: ${outcome}` });
        expect((await verdict('max-amount', 'needs_revision')).status).toBe(200);
        expect((await appendsNothing(() => verdict('one-year', 'met'))).body.code).toBe('PROPOSAL.AWAITING_REVISION');
        expect((await call('POST', `/proposals/${id}/amendments`, admin, { title: 'Kleiner', summary: 'Minder toestellen', costEstimate: { investmentCents: 1_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 }, reason: 'Herzien' })).status).toBe(200);
        for (const criterion of ['max-amount', 'one-year', 'themes']) expect((await verdict(criterion, 'met')).status).toBe(200);
        const early = await appendsNothing(() => call('POST', `/proposals/${id}/admission`, admin, { admitted: true, reason: 'Toets afgerond' }));
        expect(early.body).toMatchObject({ code: 'PROPOSAL.CRITERIA_NOT_MET', details: { unmet: ['support'], version: 2 } });
        expect((await verdict('support', 'met')).status).toBe(200);
        const admitted = await call('POST', `/proposals/${id}/admission`, admin, { admitted: true, reason: 'Toets afgerond' });
        expect(admitted.status).toBe(200);
        expect(admitted.body.events).toEqual(['ProposalAdmittedToBallot']);
        expect((await appendsNothing(() => call('POST', `/proposals/${id}/verdicts`, auditor, { criterionId: 'one-year', outcome: 'met', reason: 'x' }))).status).toBe(403);
      });
    });

    describe('selection follows the round\'s result', () => {
      async function admitted(roundId: string): Promise<string> {
        const id = await submit(roundId);
        for (const criterion of ['max-amount', 'one-year', 'themes', 'support']) {
          expect((await call('POST', `/proposals/${id}/verdicts`, reviewer, { criterionId: criterion, outcome: 'met', reason: 'Voldoet' })).status).toBe(200);
        }
        expect((await call('POST', `/proposals/${id}/admission`, admin, { admitted: true, reason: 'Toets afgerond' })).status).toBe(200);
        return id;
      }
      const at = START.toISOString();

      const resultOf = (roundId: string, winner: string, loser: string): RoundEvent => ({
        type: 'ResultPublished',
        data: {
          roundId,
          frameVersion: 1,
          winners: [{ proposalId: winner, amountCents: 2_500_000, areaCode: 'WK036301' }],
          explanation: [
            { proposalId: winner, selected: true, votes: 40, explanation: 'Meeste stemmen' },
            { proposalId: loser, selected: false, votes: 3, explanation: 'Te weinig stemmen' },
          ],
          totalCents: 2_500_000,
          at,
        },
      });

      it('adoption marks the winner selected and the plan passed over not selected; a selection call after it appends nothing', async () => {
        const winner = await admitted('r-auto');
        const loser = await admitted('r-auto');
        await appendRoundEvents(store, { tenant: TENANT, roundId: 'r-auto', events: [...phaseTransitions('r-auto', ['submission', 'support', 'feasibility', 'voting', 'counting'], at), resultOf('r-auto', winner, loser)] });
        await api.app.get(Reactors).caughtUp();
        expect((await call('GET', `/proposals/${winner}`, admin)).body).toMatchObject({ status: 'admitted' });
        await appendRoundEvents(store, {
          tenant: TENANT,
          roundId: 'r-auto',
          events: [
            ...phaseTransitions('r-auto', ['counting', 'adoption'], at),
            { type: 'ResultAdopted', data: { roundId: 'r-auto', decision: { body: 'college', number: 'CB-2026-8', date: '2026-05-20' }, reason: 'College volgt de stemming', at } },
          ],
        });
        await api.app.get(Reactors).caughtUp();

        expect((await call('GET', `/proposals/${winner}`, admin)).body).toMatchObject({ status: 'selected' });
        expect((await call('GET', `/proposals/${loser}`, admin)).body).toMatchObject({ status: 'not_selected' });
        const marks = (await everything()).filter((e) => e.type === 'ProposalSelected' || e.type === 'ProposalNotSelected').filter((e) => e.streamName === `Proposal-${winner}` || e.streamName === `Proposal-${loser}`);
        expect(marks.map((e) => [e.streamName, e.type, e.data.reason, e.metadata.$causationId !== undefined])).toEqual([
          [`Proposal-${winner}`, 'ProposalSelected', 'College volgt de stemming', true],
          [`Proposal-${loser}`, 'ProposalNotSelected', 'College volgt de stemming', true],
        ]);
        const again = await appendsNothing(() => call('POST', `/proposals/${winner}/selection`, admin, { reason: 'Uitslag vastgesteld' }));
        expect([again.status, again.body.events]).toEqual([200, []]);
        const contradicted = await appendsNothing(() => call('POST', `/proposals/${loser}/selection`, admin, { selected: true, reason: 'Toch gekozen' }));
        expect(contradicted.status).toBe(409);
      });

      it('under a frame that asks for manual selection: refuses a selection before the result is adopted, and one the result contradicts; derives it when not given', async () => {
        const winner = await admitted('r-sel');
        const loser = await admitted('r-sel');
        const early = await appendsNothing(() => call('POST', `/proposals/${winner}/selection`, admin, { selected: true, reason: 'Uitslag' }));
        expect(early).toMatchObject({ status: 409, body: { code: 'PROPOSAL.NO_ADOPTED_RESULT', details: { published: false } } });

        await appendRoundEvents(store, {
          tenant: TENANT,
          roundId: 'r-sel',
          events: [
            ...phaseTransitions('r-sel', ['submission', 'support', 'feasibility', 'voting', 'counting'], at),
            resultOf('r-sel', winner, loser),
          ],
        });
        // The round's reactors (seals, ballot box) follow these events in the background: let them finish first.
        await api.app.get(Reactors).caughtUp();
        expect((await appendsNothing(() => call('POST', `/proposals/${winner}/selection`, admin, { reason: 'Uitslag' }))).body).toMatchObject({ code: 'PROPOSAL.NO_ADOPTED_RESULT', details: { published: true } });
        await appendRoundEvents(store, {
          tenant: TENANT,
          roundId: 'r-sel',
          events: [
            ...phaseTransitions('r-sel', ['counting', 'adoption'], at),
            { type: 'ResultAdopted', data: { roundId: 'r-sel', decision: { body: 'college', number: 'CB-2026-7', date: '2026-05-20' }, reason: 'College volgt de stemming', at } },
          ],
        });
        await api.app.get(Reactors).caughtUp();
        // The frame leaves the selection to staff: the adoption marked nothing.
        expect((await call('GET', `/proposals/${winner}`, admin)).body).toMatchObject({ status: 'admitted' });

        const contradicted = await appendsNothing(() => call('POST', `/proposals/${loser}/selection`, admin, { selected: true, reason: 'Toch gekozen' }));
        expect(contradicted).toMatchObject({ status: 409, body: { code: 'PROPOSAL.SELECTION_CONTRADICTS_RESULT', details: { selectedByResult: false } } });
        expect((await call('POST', `/proposals/${winner}/selection`, admin, { selected: true, reason: 'Uitslag vastgesteld' })).body.events).toEqual(['ProposalSelected']);
        expect((await call('POST', `/proposals/${loser}/selection`, admin, { reason: 'Uitslag vastgesteld' })).body.events).toEqual(['ProposalNotSelected']);
        expect((await appendsNothing(() => call('POST', `/proposals/${winner}/selection`, admin, { reason: 'Nog eens' }))).body.events).toEqual([]);
      });
    });

    describe('initiatievenfonds: deadlines and the ceiling', () => {
      const application = (investmentCents: number) => plan({ areaId: 'GEMEENTE', themeId: 'cultuur', costEstimate: { investmentCents, maintenancePerYearCents: 0, maintenanceYears: 0 } });
      const grant = (id: string, amountCents: number) => call('POST', `/proposals/${id}/grant-decision`, admin, { granted: true, amountCents, decisionReference: `Z/26/${id.slice(0, 6)}`, decisionDate: '2026-03-20', reason: 'Voldoet aan de regeling' });

      async function reviewed(investmentCents: number): Promise<string> {
        const id = await submit('r-if', application(investmentCents));
        expect((await call('POST', `/proposals/${id}/verdicts`, reviewer, { criterionId: 'by-residents', outcome: 'met', reason: 'Bewonersinitiatief' })).status).toBe(200);
        return id;
      }

      it('takes a decision after the statutory deadline, recording the deadline it missed (Awb 4:17), and refuses a late extension', async () => {
        const id = await reviewed(1_000_000);
        const read = await call('GET', `/proposals/${id}`, admin);
        expect(read.body.intake).toEqual({ kind: 'continuous', decisionPeriodDays: 56, maxExtensionDays: 28, decisionDeadline: '2026-04-28T21:59:59.999Z' });
        now = new Date(START.getTime() + 58 * DAY);
        try {
          expect((await appendsNothing(() => call('POST', `/proposals/${id}/decision-deadline-extension`, admin, { reason: 'Te laat' }))).body.code).toBe('PROPOSAL.DECISION_DEADLINE_PASSED');
          // A refusal, so the round's ceiling stays as the next tests expect it; a late grant records the same.
          const late = await call('POST', `/proposals/${id}/grant-decision`, admin, { granted: false, decisionReference: 'Z/26/LAAT', decisionDate: '2026-04-30', reason: 'Past niet binnen de regeling' });
          expect([late.status, late.body.events]).toEqual([200, ['ProposalGrantRefused']]);
          const [event] = (await store.readStream(`Proposal-${id}`)).filter((e) => e.type === 'ProposalGrantRefused');
          expect(event!.data).toMatchObject({ decisionReference: 'Z/26/LAAT', decidedAfterDeadline: '2026-04-28T21:59:59.999Z' });
        } finally {
          now = START;
        }
      });

      it('decides within a deadline extended once; a second extension is refused', async () => {
        const id = await reviewed(500_000);
        const extended = await call('POST', `/proposals/${id}/decision-deadline-extension`, admin, { reason: 'Advies wijkraad nodig' });
        expect(extended.status).toBe(200);
        expect((await appendsNothing(() => call('POST', `/proposals/${id}/decision-deadline-extension`, admin, { reason: 'Nog eens' }))).body.code).toBe('PROPOSAL.DEADLINE_ALREADY_EXTENDED');
        now = new Date(START.getTime() + 70 * DAY);
        try {
          const granted = await grant(id, 500_000);
          expect(granted.status).toBe(200);
          expect(granted.body.events).toEqual(['ProposalGranted']);
          expect((await call('POST', `/proposals/${id}/implementation/start`, admin, { startedOn: '2026-05-15' })).status).toBe(200);
          expect((await call('POST', `/proposals/${id}/implementation/payments`, admin, { paymentReference: 'BET-9', amountCents: 400_000 })).status).toBe(200);
          const closed = await call('POST', `/proposals/${id}/implementation/closure`, admin, { outcome: 'partly_realised', reason: 'Half uitgevoerd' });
          expect(closed.body.events).toEqual(['ProposalPartlyRealised']);
          const returned = await call('POST', `/proposals/${id}/implementation/returns`, admin, { reference: 'TERUG-1', amountCents: 50_000 });
          expect(returned.body.events).toEqual(['ProposalMoneyReturned']);
          expect((await appendsNothing(() => call('POST', `/proposals/${id}/implementation/returns`, admin, { reference: 'TERUG-2', amountCents: 350_001 }))).body.code).toBe('PROPOSAL.RETURN_EXCEEDS_PAYMENTS');
          const released = (await store.readStream('Round-r-if')).filter((e) => e.type === 'FundsReleased' && e.data.proposalId === id).map((e) => e.data.amountCents);
          expect(released).toEqual([100_000, 50_000]);
          expect((await call('GET', `/proposals/${id}`, auditor)).body).toMatchObject({ status: 'partly_realised', paidCents: 400_000, returnedCents: 50_000, releasedCents: 150_000 });
        } finally {
          now = START;
        }
      });

      it('commits grants under the round\'s ceiling and rejects spending past it, appending nothing', async () => {
        const first = await reviewed(2_000_000);
        const second = await reviewed(2_000_000);
        const granted = await grant(first, 2_000_000);
        expect([granted.status, granted.etag, granted.body.events, granted.reactions]).toEqual([200, '"2"', ['ProposalGranted'], 'complete']);
        const round = await store.readStream('Round-r-if');
        const commitment = round.find((e) => e.type === 'FundsCommitted' && e.data.proposalId === first)!;
        expect(commitment.data).toMatchObject({ amountCents: 2_000_000, grant: { proposalRevision: 1, decisionReference: `Z/26/${first.slice(0, 6)}`, reason: 'Voldoet aan de regeling' } });
        const [recorded] = (await store.readStream(`Proposal-${first}`)).slice(2);
        expect([recorded!.type, recorded!.data.commitment, recorded!.metadata.$causationId]).toEqual(['ProposalGranted', commitment.id, commitment.id]);

        const over = await appendsNothing(() => grant(second, 2_000_000));
        expect(over.status).toBe(409);
        expect(over.body.code).toBe('ROUND.CEILING_EXCEEDED');

        const overpaid = await appendsNothing(() => call('POST', `/proposals/${first}/implementation/payments`, admin, { paymentReference: 'BET-1', amountCents: 2_000_001 }));
        expect(overpaid.body.code).toBe('PROPOSAL.PAYMENT_EXCEEDS_GRANT');
        expect((await call('POST', `/proposals/${first}/implementation/payments`, admin, { paymentReference: 'BET-1', amountCents: 500_000 })).status).toBe(200);
        const cancelled = await call('POST', `/proposals/${first}/implementation/closure`, admin, { outcome: 'cancelled', reason: 'Vergunning geweigerd' });
        expect([cancelled.status, cancelled.reactions]).toEqual([200, 'complete']);
        const [cancellation] = (await store.readStream(`Proposal-${first}`)).filter((e) => e.type === 'ProposalImplementationCancelled');
        const released = (await store.readStream('Round-r-if')).filter((e) => e.type === 'FundsReleased').map((e) => e.data);
        expect(released).toContainEqual(expect.objectContaining({ proposalId: first, amountCents: 1_500_000, cause: cancellation!.id }));

        expect((await grant(second, 2_000_000)).status).toBe(200);
      });

      it('records a refusal of the grant on the plan only: the round is not touched, no reactor follows', async () => {
        const id = await reviewed(100_000);
        const round = (await store.readStream('Round-r-if')).map((e) => e.id);
        const refused = await call('POST', `/proposals/${id}/grant-decision`, admin, { granted: false, decisionReference: 'Z/26/NEE', decisionDate: '2026-03-20', reason: 'Valt buiten de regeling' });
        expect([refused.status, refused.etag, refused.body.events, refused.reactions]).toEqual([200, '"2"', ['ProposalGrantRefused'], null]);
        expect((await store.readStream('Round-r-if')).map((e) => e.id)).toEqual(round);
      });

      it('refuses a grant under a stale If-Match before committing any money', async () => {
        const id = await reviewed(100_000);
        const stale = await appendsNothing(() => call('POST', `/proposals/${id}/grant-decision`, admin, { granted: true, amountCents: 100_000, decisionReference: 'Z/26/STALE', decisionDate: '2026-03-20', reason: 'Voldoet' }, { 'if-match': '"0"' }));
        expect(stale.status).toBe(412);
        const pinned = await call('POST', `/proposals/${id}/grant-decision`, admin, { granted: true, amountCents: 100_000, decisionReference: 'Z/26/PIN', decisionDate: '2026-03-20', reason: 'Voldoet' }, { 'if-match': '"1"' });
        expect(pinned).toMatchObject({ status: 200, etag: '"2"' });
      });
    });

    extra?.(ctx);
  });
}

/** What a store-specific test gets from the shared run. */
export interface PlansHttp {
  api: TestApi;
  store: EventStore;
  admin: string;
  call(method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  appendsNothing(act: () => Promise<Reply>): Promise<Reply>;
  plan(overrides?: Record<string, unknown>): Record<string, unknown>;
  submit(roundId: string, body?: Record<string, unknown>): Promise<string>;
}
