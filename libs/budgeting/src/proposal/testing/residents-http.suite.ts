import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore, RecordedEvent } from '@lib/event-store';
import { Reactors } from '@lib/platform';
import { OTHER_TENANT, startTestApi, TENANT, type TestApi } from '../../../../../test/support/test-api.js';
import { ReadModelsService } from '../../../../projections/src/http/read-models.service.js';
import { aBegrotingFrame, appendRoundEvents, phaseTransitions, seedRound } from './proposal.seed.js';
import { aPlanBody, type PlansStore, plansHttpDriver, type Reply } from './plans-http.driver.js';

const START = new Date('2026-03-02T09:00:00.000Z');

/**
 * Residents' own plans over real HTTP: a resident (or a voter, in its own round) submits and amends
 * a plan, staff moderate it, residents support it and take their support back; the round's public
 * plans follow through the read model. Every refusal is asserted on the store: nothing appended.
 */
export function describeResidentsOverHttp(label: string, open: () => Promise<PlansStore>): void {
  let opened: PlansStore;
  let store: EventStore;
  let api: TestApi;
  let now = START;
  let admin: string;
  let anna: string;
  let bram: string;
  let voter: string;
  let otherRoundVoter: string;

  const ANNA = 'res-anna-7c1f0e2a';
  const BRAM = 'res-bram-0d9b4c6e';
  const VOTER = 'vc-3f8e1a9b2c';

  const { call, everything, appendsNothing } = plansHttpDriver(() => api, () => store);

  async function refused(act: () => Promise<Reply>, status: number, code: string): Promise<void> {
    const reply = await appendsNothing(act);
    expect({ status: reply.status, code: reply.body.code }).toEqual({ status, code });
  }

  const plan = aPlanBody;

  async function submitAs(token: string, roundId: string, body: Record<string, unknown> = plan()): Promise<string> {
    const reply = await call('POST', `/rounds/${roundId}/my-plans`, token, body);
    expect(reply.status).toBe(201);
    return reply.body.id as string;
  }

  async function admit(proposalId: string): Promise<void> {
    expect((await call('POST', `/proposals/${proposalId}/moderation`, admin, { admitted: true })).status).toBe(200);
  }

  async function publicPlans(roundId: string, query = ''): Promise<Reply> {
    await api.app.get(ReadModelsService, { strict: false }).settled();
    return call('GET', `/rounds/${roundId}/plans${query}`, undefined);
  }

  async function events(proposalId: string): Promise<RecordedEvent[]> {
    return store.readStream(`Proposal-${proposalId}`);
  }

  describe(`residents' own plans over real HTTP (${label})`, () => {
    beforeAll(async () => {
      opened = await open();
      store = opened.store;
      api = await startTestApi(store, { clock: { now: () => now }, env: { PROJECTOR_IN_PROCESS: 'true' } });
      admin = await api.token('administrator', TENANT, 'staff-admin');
      anna = await api.token('resident', TENANT, ANNA);
      bram = await api.token('resident', TENANT, BRAM);
      voter = await api.token('voter', TENANT, VOTER, { round: 'r-res' });
      otherRoundVoter = await api.token('voter', TENANT, 'vc-elsewhere-01', { round: 'r-res-late' });
      await seedRound(store, { tenant: TENANT, budgetId: 'b-res', roundId: 'r-res', frame: aBegrotingFrame(), phases: ['submission'], at: START.toISOString() });
      await seedRound(store, {
        tenant: TENANT,
        budgetId: 'b-res-late',
        roundId: 'r-res-late',
        frame: aBegrotingFrame(),
        phases: ['submission'],
        at: START.toISOString(),
        plannedAt: '2026-02-20T09:00:00.000Z',
        schedule: [{ phase: 'submission', opensOn: '2026-03-01', closesOn: '2026-03-05' }],
      });
    });

    afterAll(async () => {
      await api.close();
      await opened.close();
    });

    it('takes a resident\'s plan under their pseudonym, waiting for moderation, contact details outside the events', async () => {
      const reply = await call('POST', '/rounds/r-res/my-plans', anna, plan({ contactDetails: { name: 'Anna de Wit', email: 'anna@example.nl' } }));
      expect(reply).toMatchObject({ status: 201, etag: '"1"', body: { events: ['ProposalSubmitted', 'ProposalAwaitingModeration'] } });
      const id = reply.body.id as string;
      expect(reply.location).toBe(`/rounds/r-res/my-plans/${id}`);
      const [submitted, waiting] = await events(id);
      expect(submitted!.data).toMatchObject({ submitterRef: ANNA, submitterStaffRef: null, roundId: 'r-res' });
      expect(submitted!.metadata).toMatchObject({ tenant: TENANT, actor: ANNA, role: 'resident' });
      expect(waiting!.type).toBe('ProposalAwaitingModeration');
      expect(JSON.stringify((await everything()).map((e) => [e.data, e.metadata]))).not.toMatch(/Anna de Wit|anna@example\.nl/);
      expect((await call('GET', `/proposals/${id}`, admin)).body).toMatchObject({ status: 'awaiting_moderation', contactDetails: { name: 'Anna de Wit', email: 'anna@example.nl' }, moderation: null });

      const mine = await call('GET', '/rounds/r-res/my-plans', anna);
      expect(mine.status).toBe(200);
      expect(mine.body.plans).toEqual([expect.objectContaining({ proposalId: id, status: 'awaiting_moderation', title: 'Speeltuin Oosterpark', moderation: null, supportCount: 0 })]);
      expect((await call('GET', '/rounds/r-res/my-plans', bram)).body.plans).toEqual([]);
      expect((await call('GET', `/rounds/r-res/my-plans/${id}`, anna)).body).toMatchObject({ proposalId: id, versions: [expect.objectContaining({ number: 1 })] });
      expect((await call('GET', `/rounds/r-res/my-plans/${id}`, bram))).toMatchObject({ status: 404, body: { code: 'PROPOSAL.NOT_FOUND' } });

      const listed = await publicPlans('r-res');
      expect(listed.status).toBe(200);
      expect((listed.body.items as { proposalId: string }[]).map((p) => p.proposalId)).not.toContain(id);
    });

    it('refuses a resident\'s plan outside the frame, in another municipality or for staff fields, appending nothing', async () => {
      await refused(() => call('POST', '/rounds/r-res/my-plans', anna, plan({ themeId: 'parkeren' })), 409, 'PROPOSAL.UNKNOWN_THEME');
      await refused(() => call('POST', '/rounds/r-res/my-plans', anna, plan({ submitterStaffRef: 'staff-9' })), 400, 'REQUEST.INVALID');
      const elsewhere = await api.token('resident', OTHER_TENANT, 'res-elsewhere-01');
      await refused(() => call('POST', '/rounds/r-res/my-plans', elsewhere, plan()), 404, 'ROUND.NOT_FOUND');
      const auditor = await api.token('auditor', TENANT, 'staff-audit');
      await refused(() => call('POST', '/rounds/r-res/my-plans', auditor, plan()), 403, 'AUTH.FORBIDDEN');
      await refused(() => call('POST', '/rounds/r-res/my-plans', undefined, plan()), 401, 'AUTH.UNAUTHENTICATED');
    });

    it('lets a voter act in its own round only', async () => {
      expect(await submitAs(voter, 'r-res', plan({ title: 'Bankjes bij de vijver' }))).toEqual(expect.any(String));
      await refused(() => call('POST', '/rounds/r-res/my-plans', otherRoundVoter, plan()), 403, 'PROPOSAL.WRONG_ROUND');
      await refused(() => call('GET', '/rounds/r-res/my-plans', otherRoundVoter), 403, 'PROPOSAL.WRONG_ROUND');
    });

    it('moderates: a refusal needs a reason and names it, a refused plan stays out of the public list, a plan is moderated once', async () => {
      const id = await submitAs(bram, 'r-res', plan({ title: 'Hondenuitlaatveld' }));
      await refused(() => call('POST', `/proposals/${id}/moderation`, admin, { admitted: false }), 400, 'PROPOSAL.REASON_REQUIRED');
      await refused(() => call('POST', `/proposals/${id}/moderation`, bram, { admitted: true }), 403, 'AUTH.FORBIDDEN');
      const refusal = await call('POST', `/proposals/${id}/moderation`, admin, { admitted: false, reason: 'Noemt buren bij naam' });
      expect(refusal).toMatchObject({ status: 200, body: { events: ['ProposalRefusedAtIntake'] } });
      expect((await events(id)).at(-1)!.data).toMatchObject({ reason: 'Noemt buren bij naam', version: 1 });
      await refused(() => call('POST', `/proposals/${id}/moderation`, admin, { admitted: true }), 409, 'PROPOSAL.NOT_AWAITING_MODERATION');

      const staffPlan = (await call('POST', '/rounds/r-res/proposals', admin, plan({ title: 'Door de balie ingevoerd' }))).body.id as string;
      await refused(() => call('POST', `/proposals/${staffPlan}/moderation`, admin, { admitted: true }), 409, 'PROPOSAL.NOT_AWAITING_MODERATION');

      const mine = (await call('GET', '/rounds/r-res/my-plans', bram)).body.plans as Record<string, unknown>[];
      expect(mine.find((p) => p.proposalId === id)).toMatchObject({ status: 'moderation_refused', moderation: { admitted: false, reason: 'Noemt buren bij naam' } });
      const ids = ((await publicPlans('r-res')).body.items as { proposalId: string }[]).map((p) => p.proposalId);
      expect(ids).toContain(staffPlan);
      expect(ids).not.toContain(id);
    });

    it('amends only the submitter\'s plan, only in its round; admitted, it is public with its area name and cost', async () => {
      const id = await submitAs(anna, 'r-res', plan({ title: 'Moestuin aan de Dijkstraat', themeId: 'groen' }));
      const amendment = { title: 'Moestuin aan de Dijkstraat (kleiner)', summary: 'Vier bakken', costEstimate: { investmentCents: 800_000, maintenancePerYearCents: 20_000, maintenanceYears: 5 }, reason: 'Goedkoper' };
      await refused(() => call('POST', `/rounds/r-res/my-plans/${id}/amendments`, bram, amendment), 403, 'PROPOSAL.NOT_SUBMITTER');
      await refused(() => call('POST', `/rounds/r-res-late/my-plans/${id}/amendments`, anna, amendment), 404, 'PROPOSAL.NOT_FOUND');
      await refused(() => call('POST', `/rounds/r-res/my-plans/${id}/amendments`, anna, { ...amendment, reason: ' ' }), 400, 'PROPOSAL.REASON_REQUIRED');
      await refused(() => call('POST', `/rounds/r-res/my-plans/${id}/amendments`, anna, { ...amendment, costEstimate: { investmentCents: 9_000_000, maintenancePerYearCents: 0, maintenanceYears: 0 } }), 409, 'PROPOSAL.AMOUNT_OUT_OF_RANGE');
      const amended = await call('POST', `/rounds/r-res/my-plans/${id}/amendments`, anna, amendment);
      expect(amended).toMatchObject({ status: 200, etag: '"2"', body: { events: ['ProposalAmended'] } });

      await admit(id);
      const listed = await publicPlans('r-res', '?themeId=groen&q=moestuin');
      expect(listed.status).toBe(200);
      expect(listed.body).toMatchObject({ page: 1, total: 1 });
      expect(listed.body.items).toEqual([
        expect.objectContaining({ proposalId: id, title: 'Moestuin aan de Dijkstraat (kleiner)', areaCode: 'WK036301', themeId: 'groen', costCents: 900_000, investmentCents: 800_000, status: 'submitted', supportCount: 0, version: 2 }),
      ]);
      expect((listed.body.items as { areaName: unknown }[])[0]!.areaName).toEqual(expect.any(String));
      expect(JSON.stringify(listed.body)).not.toContain(ANNA);
      expect((await publicPlans('r-res', '?page=1&pageSize=1')).body).toMatchObject({ pageSize: 1, items: [expect.any(Object)] });
      await refused(() => publicPlans('r-nowhere'), 404, 'READ_MODEL.NOT_FOUND');
    });

    it('supports once per resident under their pseudonym, withdraws it, and keeps a threshold reached', async () => {
      const id = await submitAs(anna, 'r-res', plan({ title: 'Speeltoestel voor peuters' }));
      await refused(() => call('POST', `/rounds/r-res/plans/${id}/my-support`, bram), 409, 'PROPOSAL.SUPPORT_CLOSED');
      await admit(id);

      const first = await call('POST', `/rounds/r-res/plans/${id}/my-support`, voter);
      expect(first).toMatchObject({ status: 200, body: { events: ['ProposalSupported'] } });
      expect((await events(id)).at(-1)!.data).toMatchObject({ supporterRef: VOTER, supportCount: 1 });
      await refused(() => call('POST', `/rounds/r-res/plans/${id}/my-support`, voter), 409, 'PROPOSAL.ALREADY_SUPPORTED');
      await refused(() => call('POST', `/rounds/r-res/plans/${id}/my-support`, anna, { supporterRef: 'ps-someone-else' }), 400, 'REQUEST.INVALID');
      await refused(() => call('POST', `/rounds/r-res/plans/${id}/my-support`, otherRoundVoter), 403, 'PROPOSAL.WRONG_ROUND');
      await refused(() => call('POST', `/rounds/r-res-late/plans/${id}/my-support`, bram), 404, 'PROPOSAL.NOT_FOUND');
      expect((await call('POST', `/rounds/r-res/plans/${id}/my-support`, bram, {})).body.events).toEqual(['ProposalSupported', 'ProposalSupportThresholdReached']);

      await refused(() => call('DELETE', `/rounds/r-res/plans/${id}/my-support`, anna), 409, 'PROPOSAL.SUPPORT_NOT_GIVEN');
      const withdrawn = await call('DELETE', `/rounds/r-res/plans/${id}/my-support`, voter);
      expect(withdrawn).toMatchObject({ status: 200, body: { events: ['ProposalSupportWithdrawn'] } });
      expect((await events(id)).at(-1)!.data).toMatchObject({ supporterRef: VOTER, supportCount: 1 });
      await refused(() => call('DELETE', `/rounds/r-res/plans/${id}/my-support`, voter), 409, 'PROPOSAL.SUPPORT_NOT_GIVEN');

      const listed = (await publicPlans('r-res')).body.items as Record<string, unknown>[];
      expect(listed.find((p) => p.proposalId === id)).toMatchObject({ supportCount: 1, supportThresholdReached: true });
      expect((await call('GET', `/proposals/${id}`, admin)).body).toMatchObject({ supportCount: 1, supportThresholdReached: true });
    });

    it('closes intake at the end of the schedule\'s closing day, and support once the round moves on', async () => {
      const id = await submitAs(anna, 'r-res-late');
      now = new Date('2026-03-05T22:59:59.000Z');
      expect((await call('POST', `/rounds/r-res-late/my-plans/${id}/amendments`, anna, { title: 'Speeltuin Oosterpark', summary: 'Zelfde, met een hek', costEstimate: plan().costEstimate, reason: 'Hek erbij' })).status).toBe(200);
      now = new Date('2026-03-06T00:00:00.000Z');
      await refused(() => call('POST', `/rounds/r-res-late/my-plans/${id}/amendments`, anna, { title: 'Te laat', summary: 'Te laat', costEstimate: plan().costEstimate, reason: 'Te laat' }), 409, 'PROPOSAL.INTAKE_CLOSED');
      await refused(() => call('POST', '/rounds/r-res-late/my-plans', anna, plan()), 409, 'PROPOSAL.INTAKE_CLOSED');

      const supported = await submitAs(bram, 'r-res');
      await admit(supported);
      expect((await call('POST', `/rounds/r-res/plans/${supported}/my-support`, anna)).status).toBe(200);
      await appendRoundEvents(store, { tenant: TENANT, roundId: 'r-res', events: phaseTransitions('r-res', ['support', 'feasibility'], now.toISOString()) });
      // The round's seals follow the phase changes: let them land before counting what a refusal appends.
      await api.app.get(Reactors).caughtUp();
      await refused(() => call('DELETE', `/rounds/r-res/plans/${supported}/my-support`, anna), 409, 'PROPOSAL.SUPPORT_CLOSED');
      await refused(() => call('POST', `/rounds/r-res/my-plans/${supported}/amendments`, bram, { title: 'Later', summary: 'Later', costEstimate: plan().costEstimate, reason: 'Later' }), 409, 'PROPOSAL.INTAKE_CLOSED');
    });
  });
}
