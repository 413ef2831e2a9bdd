import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { apiClient } from '../client/api-client.js';
import { clientTypes, committed, DOCUMENT_FILE, documentText, SCHEMA_FILE, writeGenerated } from '../client/openapi-document.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/**
 * The document and the typed client cannot drift from the code: the committed `openapi/openapi.json`
 * and `openapi/schema.d.ts` must be what the live `/docs-json` gives. `npm run openapi` rewrites
 * both (it runs this spec with OPENAPI_WRITE=1).
 */
describe('the committed OpenAPI document and its generated client', () => {
  let api: TestApi;
  let live: string;

  beforeAll(async () => {
    api = await startTestApi(new InMemoryEventStore());
    live = await (await fetch(`${api.url}/docs-json`)).text();
    if (process.env.OPENAPI_WRITE === '1') await writeGenerated(process.cwd(), live);
  });
  afterAll(async () => {
    await api.close();
  });

  it(`${DOCUMENT_FILE} is the live document and ${SCHEMA_FILE} what openapi-typescript generates from it (else: npm run openapi)`, async () => {
    const files = await committed(process.cwd());
    expect(files.document === documentText(live) ? 'current' : `${DOCUMENT_FILE} differs from /docs-json: run npm run openapi`).toBe('current');
    expect(files.schema === (await clientTypes(live)) ? 'current' : `${SCHEMA_FILE} differs from what /docs-json generates: run npm run openapi`).toBe('current');
  });

  it('drives the api through the generated client: typed paths, bodies, problem details', async () => {
    const client = apiClient(api.url, await api.token('administrator'));
    const templates = await client.GET('/budget-templates');
    expect(templates.response.status).toBe(200);
    expect(templates.data!.map((t) => t.name)).toContain('stadsdeel-burgerbegroting');
    const established = await client.POST('/budgets', { body: { from: 'stadsdeel-burgerbegroting', decision: { body: 'council', number: 'RB-2026-07', date: '2026-01-15' } } });
    expect([established.response.status, established.data?.events]).toEqual([201, ['BudgetEstablished']]);
    const budget = await client.GET('/budgets/{budgetId}', { params: { path: { budgetId: established.data!.id } } });
    expect(budget.data).toMatchObject({ budgetId: established.data!.id, frozen: false });
    const refused = await client.POST('/budgets', { body: { from: 'stadsdeel-burgerbegroting', decision: { body: 'council', number: 'RB-2026-08', date: '2026-02-30' } } });
    expect([refused.response.status, refused.error?.code]).toEqual([400, 'BUDGET.DECISION_DATE_DOES_NOT_EXIST']);
    const anonymous = await apiClient(api.url).GET('/budgets/{budgetId}', { params: { path: { budgetId: established.data!.id } } });
    expect([anonymous.response.status, anonymous.error?.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
  });
});
