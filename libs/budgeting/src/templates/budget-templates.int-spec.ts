import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { startTestApi, type TestApi } from '../../../../test/support/test-api.js';
import { call } from '../budget/testing/http.js';

describe('GET /budget-templates (real HTTP)', () => {
  let api: TestApi;
  let store: InMemoryEventStore;

  beforeAll(async () => {
    store = new InMemoryEventStore();
    api = await startTestApi(store);
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('lists the templates for staff and shows one by name', async () => {
    const token = await api.token('reviewer');
    const list = await call(api.url, 'GET', '/budget-templates', { token });
    expect(list.status).toBe(200);
    expect((list.body as unknown as { name: string }[]).map((t) => t.name)).toEqual(['stadsdeel-burgerbegroting', 'gemeentelijk-initiatievenfonds', 'dorpsbudget-basis-per-inwoner']);
    const one = await call(api.url, 'GET', '/budget-templates/gemeentelijk-initiatievenfonds', { token });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ name: 'gemeentelijk-initiatievenfonds', frame: { form: 'initiatievenfonds', amountKind: 'subsidy-ceiling' } });
  });

  it('404 for an unknown template, 401 anonymous, 403 for a voter', async () => {
    const missing = await call(api.url, 'GET', '/budget-templates/nope', { token: await api.token('administrator') });
    expect([missing.status, missing.body.code]).toEqual([404, 'BUDGET_TEMPLATE.NOT_FOUND']);
    expect((await call(api.url, 'GET', '/budget-templates')).status).toBe(401);
    expect((await call(api.url, 'GET', '/budget-templates', { token: await api.token('voter') })).status).toBe(403);
  });
});
