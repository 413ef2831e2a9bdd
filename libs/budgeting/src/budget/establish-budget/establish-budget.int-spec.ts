import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { OTHER_TENANT, startTestApi, TENANT, type TestApi } from '../../../../../test/support/test-api.js';
import { budgetStream } from '../budget.events.js';
import { aBurgerbegrotingFrame, COUNCIL_DECISION } from '../testing/budget.given.js';
import { call, eventCount } from '../testing/http.js';

const NOW = new Date('2026-01-15T10:00:00.000Z');

describe('POST /budgets, GET /budgets/{id} (real HTTP)', () => {
  let api: TestApi;
  let store: InMemoryEventStore;

  beforeAll(async () => {
    store = new InMemoryEventStore();
    api = await startTestApi(store, { clock: { now: () => NOW } });
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('201: establishes the frame, with Location and ETag, and records who decided for which municipality', async () => {
    const token = await api.token('administrator', TENANT, 'staff-7');
    const answer = await call(api.url, 'POST', '/budgets', { token, body: { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION }, headers: { 'x-correlation-id': 'corr-1' } });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('etag')).toBe('"0"');
    const id = answer.body.id as string;
    expect(answer.headers.get('location')).toBe(`/budgets/${id}`);
    expect(answer.body).toEqual({ id, revision: '0', events: ['BudgetEstablished'] });

    const [event] = await store.readStream(budgetStream(id));
    expect(event!.type).toBe('BudgetEstablished');
    expect(event!.data).toEqual({
      budgetId: id,
      version: 1,
      frame: aBurgerbegrotingFrame(),
      areaAmounts: [
        { areaCode: 'WK036301', amountCents: 18_000_000 },
        { areaCode: 'WK036302', amountCents: 12_000_000 },
      ],
      decision: COUNCIL_DECISION,
      template: null,
      establishedAt: NOW.toISOString(),
    });
    expect(event!.metadata).toMatchObject({ actor: 'staff-7', role: 'administrator', tenant: TENANT, $correlationId: 'corr-1' });

    const read = await call(api.url, 'GET', `/budgets/${id}`, { token: await api.token('auditor') });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"0"');
    expect(read.body).toMatchObject({ budgetId: id, currentVersion: 1, frozen: false, template: null, decision: COUNCIL_DECISION, frame: { amountCents: 30_000_000 } });
  });

  it('201: copies a template and applies the overrides', async () => {
    const token = await api.token('administrator');
    const answer = await call(api.url, 'POST', '/budgets', {
      token,
      body: { from: 'dorpsbudget-basis-per-inwoner', title: 'Dorpsbudgetten Heerenveen 2026', amountCents: 4_000_000, decision: COUNCIL_DECISION },
    });
    expect(answer.status).toBe(201);
    const read = await call(api.url, 'GET', `/budgets/${answer.body.id as string}`, { token });
    expect(read.body).toMatchObject({
      template: 'dorpsbudget-basis-per-inwoner',
      frame: { form: 'dorpsbudget', title: 'Dorpsbudgetten Heerenveen 2026', amountCents: 4_000_000, regime: { kind: 'delegated', residentsBody: 'Dorpsraad' } },
      // 5.000 + 2 × inhabitants, at least 7.500 (euros): 9.800, 7.500, 7.500.
      areaAmounts: [
        { areaCode: 'DORP-1', amountCents: 980_000 },
        { areaCode: 'DORP-2', amountCents: 750_000 },
        { areaCode: 'DORP-3', amountCents: 750_000 },
      ],
    });
  });

  it('400: an invalid body is refused field by field and appends nothing', async () => {
    const before = await eventCount(store);
    const frame = aBurgerbegrotingFrame();
    const answer = await call(api.url, 'POST', '/budgets', {
      token: await api.token('administrator'),
      body: { ...frame, amountCents: 12.5, areas: [{ ...frame.areas[0], kind: 'planet' }], ballot: { type: 'approval', maxPlans: -1 }, surprise: true, decision: COUNCIL_DECISION },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID' });
    const fields = (answer.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['amountCents', 'areas.0.kind', 'ballot.maxPlans', 'surprise']);
    expect(await eventCount(store)).toBe(before);
  });

  it('201 and 400: a frame counted with greedy-reserve is stored as sent; its reserve fields are checked by the body and by the frame', async () => {
    const token = await api.token('administrator');
    const tally = { rule: 'greedy-reserve', tieBreak: ['most-votes'], reservePercent: 80, reserveCents: 5_000_000 };
    const created = await call(api.url, 'POST', '/budgets', { token, body: { ...aBurgerbegrotingFrame(), tally, decision: COUNCIL_DECISION } });
    expect(created.status).toBe(201);
    const [event] = await store.readStream(budgetStream(created.body.id as string));
    expect((event!.data as { frame: { tally: unknown } }).frame.tally).toEqual(tally);

    const before = await eventCount(store);
    const badBody = await call(api.url, 'POST', '/budgets', { token, body: { ...aBurgerbegrotingFrame(), tally: { ...tally, reservePercent: 101, reserveCents: -1 }, decision: COUNCIL_DECISION } });
    expect(badBody.status).toBe(400);
    expect(badBody.body).toMatchObject({ code: 'REQUEST.INVALID' });
    expect((badBody.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['tally.reserveCents', 'tally.reservePercent']);
    const noPercent = await call(api.url, 'POST', '/budgets', { token, body: { ...aBurgerbegrotingFrame(), tally: { rule: 'greedy-reserve', tieBreak: ['most-votes'] }, decision: COUNCIL_DECISION } });
    expect(noPercent.status).toBe(400);
    expect(noPercent.body).toMatchObject({ code: 'BUDGET.INVALID_FRAME', details: { issues: [{ field: 'tally.reservePercent', message: 'is required by greedy-reserve' }] } });
    expect(await eventCount(store)).toBe(before);
  });

  it('400: a body that is not a JSON object is refused as problem details', async () => {
    const before = await eventCount(store);
    const token = await api.token('administrator');
    for (const [body, type] of [['[]', 'application/json'], ['', 'text/csv'], ['"text"', 'application/json']] as const) {
      const response = await fetch(`${api.url}/budgets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await eventCount(store)).toBe(before);
  });

  it('400: a frame that breaks a rule has its own code and appends nothing', async () => {
    const before = await eventCount(store);
    const token = await api.token('administrator');
    const noDecision = await call(api.url, 'POST', '/budgets', { token, body: aBurgerbegrotingFrame() });
    expect(noDecision.status).toBe(400);
    expect(noDecision.body.code).toBe('BUDGET.DECISION_REFERENCE_REQUIRED');
    const noSeed = await call(api.url, 'POST', '/budgets', { token, body: { ...aBurgerbegrotingFrame(), tally: { rule: 'greedy', tieBreak: ['lot'] }, decision: COUNCIL_DECISION } });
    expect(noSeed.status).toBe(400);
    expect(noSeed.body).toMatchObject({ code: 'BUDGET.INVALID_FRAME', details: { issues: [{ field: 'tally.seed', message: 'a lot needs a seed published in the frame' }] } });
    const unknownTemplate = await call(api.url, 'POST', '/budgets', { token, body: { from: 'nope', decision: COUNCIL_DECISION } });
    expect(unknownTemplate.status).toBe(400);
    expect(unknownTemplate.body.code).toBe('BUDGET.UNKNOWN_TEMPLATE');
    const noSuchDay = await call(api.url, 'POST', '/budgets', { token, body: { ...aBurgerbegrotingFrame(), decision: { ...COUNCIL_DECISION, date: '2026-02-30' } } });
    expect(noSuchDay.status).toBe(400);
    expect(noSuchDay.body).toMatchObject({ code: 'BUDGET.DECISION_DATE_DOES_NOT_EXIST', details: { field: 'decision.date', date: '2026-02-30' } });
    expect(await eventCount(store)).toBe(before);
  });

  it('401 without a token, 403 for a reviewer, and neither appends anything', async () => {
    const before = await eventCount(store);
    const anonymous = await call(api.url, 'POST', '/budgets', { body: { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('AUTH.UNAUTHENTICATED');
    const reviewer = await call(api.url, 'POST', '/budgets', { token: await api.token('reviewer'), body: { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION } });
    expect(reviewer.status).toBe(403);
    expect(reviewer.body.code).toBe('AUTH.FORBIDDEN');
    expect(await eventCount(store)).toBe(before);
    expect((await call(api.url, 'GET', `/budgets/${randomUUID()}`)).status).toBe(401);
    expect((await call(api.url, 'GET', `/budgets/${randomUUID()}`, { token: await api.token('voter') })).status).toBe(403);
  });

  it('404: another municipality\'s budget does not exist for you', async () => {
    const created = await call(api.url, 'POST', '/budgets', { token: await api.token('administrator', OTHER_TENANT), body: { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION } });
    expect(created.status).toBe(201);
    const read = await call(api.url, 'GET', `/budgets/${created.body.id as string}`, { token: await api.token('administrator', TENANT) });
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('BUDGET.NOT_FOUND');
    expect((await call(api.url, 'GET', '/budgets/not%20an%20id', { token: await api.token('administrator') })).status).toBe(400);
  });
});
