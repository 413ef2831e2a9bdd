import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { OTHER_TENANT, startTestApi, TENANT, type TestApi } from '../../../../../test/support/test-api.js';
import { budgetStream } from '../budget.events.js';
import { aBurgerbegrotingFrame, AMENDMENT_DECISION, COUNCIL_DECISION } from '../testing/budget.given.js';
import { call, eventCount, given } from '../testing/http.js';

const NOW = new Date('2026-02-04T09:00:00.000Z');
const amendment = { amountCents: 40_000_000, decision: AMENDMENT_DECISION, reason: 'The council raised the budget' };

describe('POST /budgets/{id}/amendments (real HTTP)', () => {
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

  async function aBudget(tenant = TENANT): Promise<string> {
    const answer = await call(api.url, 'POST', '/budgets', { token: await api.token('administrator', tenant), body: { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION } });
    return answer.body.id as string;
  }

  it('201: records frame version 2 with the reason in the metadata; GET shows it', async () => {
    const id = await aBudget();
    const token = await api.token('administrator');
    const answer = await call(api.url, 'POST', `/budgets/${id}/amendments`, { token, body: amendment, headers: { 'if-match': '"0"' } });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('etag')).toBe('"1"');
    expect(answer.body).toEqual({ id, revision: '1', events: ['FrameAmended'] });
    const events = await store.readStream(budgetStream(id));
    expect(events[1]!.data).toEqual({
      budgetId: id,
      version: 2,
      frame: { ...aBurgerbegrotingFrame(), amountCents: 40_000_000 },
      areaAmounts: [
        { areaCode: 'WK036301', amountCents: 24_000_000 },
        { areaCode: 'WK036302', amountCents: 16_000_000 },
      ],
      decision: AMENDMENT_DECISION,
      reason: 'The council raised the budget',
      amendedAt: NOW.toISOString(),
    });
    expect(events[1]!.metadata.reason).toBe('The council raised the budget');
    const read = await call(api.url, 'GET', `/budgets/${id}`, { token: await api.token('official') });
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toMatchObject({ currentVersion: 2, decision: AMENDMENT_DECISION, frame: { amountCents: 40_000_000 } });
  });

  it('412 on a stale If-Match, and nothing is appended', async () => {
    const id = await aBudget();
    const token = await api.token('administrator');
    expect((await call(api.url, 'POST', `/budgets/${id}/amendments`, { token, body: amendment, headers: { 'if-match': '"0"' } })).status).toBe(201);
    const before = await eventCount(store);
    const stale = await call(api.url, 'POST', `/budgets/${id}/amendments`, {
      token,
      body: { ...amendment, decision: { ...AMENDMENT_DECISION, number: 'CB-2026-008' } },
      headers: { 'if-match': '"0"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'REQUEST.PRECONDITION_FAILED', currentRevision: '1' });
    expect(stale.headers.get('etag')).toBe('"1"');
    expect(await eventCount(store)).toBe(before);
  });

  it('409 BUDGET.FRAME_FROZEN while a round votes under the version, and nothing is appended', async () => {
    const id = await aBudget();
    await given(store, budgetStream(id), [{ type: 'FrameVersionFrozen', data: { budgetId: id, version: 1, roundId: 'r-2026', frozenAt: '2026-02-01T00:00:00.000Z' } }], TENANT, randomUUID);
    const before = await eventCount(store);
    const answer = await call(api.url, 'POST', `/budgets/${id}/amendments`, { token: await api.token('administrator'), body: amendment });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'BUDGET.FRAME_FROZEN', details: { version: 1, rounds: ['r-2026'] } });
    expect(await eventCount(store)).toBe(before);
  });

  it('400 without a decision or a reason, 409 for a reused decision: each with its own code', async () => {
    const id = await aBudget();
    const token = await api.token('administrator');
    const before = await eventCount(store);
    const noDecision = await call(api.url, 'POST', `/budgets/${id}/amendments`, { token, body: { amountCents: 1, reason: 'r' } });
    expect([noDecision.status, noDecision.body.code]).toEqual([400, 'BUDGET.DECISION_REFERENCE_REQUIRED']);
    const noReason = await call(api.url, 'POST', `/budgets/${id}/amendments`, { token, body: { amountCents: 1, decision: AMENDMENT_DECISION } });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'BUDGET.REASON_REQUIRED']);
    const reused = await call(api.url, 'POST', `/budgets/${id}/amendments`, { token, body: { ...amendment, decision: COUNCIL_DECISION } });
    expect([reused.status, reused.body.code]).toEqual([409, 'BUDGET.DECISION_REFERENCE_REUSED']);
    const invalid = await call(api.url, 'POST', `/budgets/${id}/amendments`, { token, body: { ...amendment, amountCents: 'lots' } });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'REQUEST.INVALID']);
    expect(await eventCount(store)).toBe(before);
  });

  it('404 for another municipality\'s budget, 403 for a reviewer, 401 anonymous', async () => {
    const foreign = await aBudget(OTHER_TENANT);
    const before = await eventCount(store);
    const notYours = await call(api.url, 'POST', `/budgets/${foreign}/amendments`, { token: await api.token('administrator', TENANT), body: amendment });
    expect([notYours.status, notYours.body.code]).toEqual([404, 'BUDGET.NOT_FOUND']);
    const missing = await call(api.url, 'POST', `/budgets/${randomUUID()}/amendments`, { token: await api.token('administrator'), body: amendment });
    expect(missing.status).toBe(404);
    const reviewer = await call(api.url, 'POST', `/budgets/${foreign}/amendments`, { token: await api.token('reviewer', OTHER_TENANT), body: amendment });
    expect(reviewer.status).toBe(403);
    expect((await call(api.url, 'POST', `/budgets/${foreign}/amendments`, { body: amendment })).status).toBe(401);
    expect(await eventCount(store)).toBe(before);
  });
});
