import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv, type ErrorObject } from 'ajv';
import ajvFormats from 'ajv-formats';
import { InMemoryEventStore } from '@lib/event-store';
import { OTHER_TENANT, startTestApi, type TestApi } from '../../../../test/support/test-api.js';
import { given } from '../testing/read-models.given.js';
import { budgetEstablished, phaseAdvanced, planSubmitted, proposalEvent, roundEvent, roundPlanned, verdictGiven } from '../testing/read-models.fixtures.js';
import { ReadModelsService } from './read-models.service.js';

describe('read-model query api', () => {
  let api: TestApi;
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });

  beforeAll(async () => {
    await given(store, [
      budgetEstablished(),
      roundPlanned(),
      phaseAdvanced('planned', 'submission', '2026-03-01T08:00:00.000Z'),
      planSubmitted('p-1', { title: 'Speeltuin Oosterpark', costCents: 2_500_000 }),
      planSubmitted('p-2', { title: 'Bankjes', costCents: 800_000, themeId: 'spelen' }),
      verdictGiven('p-1', 'c-cost', 'met', 'Binnen het maximum'),
      proposalEvent('p-1', 'ProposalSelected', { reason: 'Gekozen', at: '2026-05-20T10:00:00.000Z' }),
      roundEvent('FundsCommitted', { proposalId: 'p-1', amountCents: 2_500_000, areaCode: null, committedCents: 2_500_000, at: '2026-05-20T10:00:00.000Z' }),
      proposalEvent('p-1', 'ProposalPaymentRecorded', { paymentReference: 'F-1', amountCents: 1_000_000, paidTotalCents: 1_000_000, at: '2026-07-01T10:00:00.000Z' }),
    ]);
    api = await startTestApi(store, { env: { PROJECTOR_IN_PROCESS: 'true' } });
    await api.app.get(ReadModelsService).settled();
  });
  afterAll(async () => {
    await api.close();
  });

  const get = async (path: string, token: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

  it('lists rounds with their money, filtered by phase, and answers If-None-Match with 304', async () => {
    const token = await api.token('official');
    const response = await get('/read-models/rounds?phase=submission', token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: Record<string, unknown>[]; total: number };
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ roundId: 'r-oost-2026', phase: 'submission', allocatedCents: 30_000_000, committedCents: 2_500_000 });
    expect(body.items[0]).not.toHaveProperty('tenant');

    const etag = response.headers.get('etag')!;
    expect((await get('/read-models/rounds?phase=submission', token, { 'if-none-match': etag })).status).toBe(304);
    expect((await (await get('/read-models/rounds?phase=voting', token)).json()) as object).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
  });

  it('shows a round\'s budget execution and filters plans by theme with pagination', async () => {
    const token = await api.token('auditor');
    const round = (await (await get('/read-models/rounds/r-oost-2026', token)).json()) as { execution: Record<string, unknown> };
    expect(round.execution).toEqual({
      allocatedCents: 30_000_000,
      committedCents: 2_500_000,
      decidedCents: 2_500_000,
      paidCents: 1_000_000,
      spentCents: 0,
      returnedCents: 0,
      releasedCents: 0,
      unspentCents: 27_500_000,
      unspentFlagged: false,
      winningPlans: 1,
      realisedPlans: 0,
    });
    const plans = (await (await get('/read-models/plans?roundId=r-oost-2026&themeId=spelen&pageSize=1', token)).json()) as { items: { proposalId: string }[]; total: number };
    expect(plans.items.map((p) => p.proposalId)).toEqual(['p-2']);
    expect(plans.total).toBe(1);
    const last = (await (await get('/read-models/plans?roundId=r-oost-2026&themeId=spelen&page=1000000&pageSize=500', token)).json()) as { items: unknown[]; page: number; total: number };
    expect(last).toMatchObject({ items: [], page: 1_000_000, total: 1 });
  });

  it('refuses a page or page size no one can ask for with 400 problem details, never a database error', async () => {
    const token = await api.token('auditor');
    for (const query of ['page=1e300', 'page=1000001', 'page=0', 'page=-1', 'page=1.5', 'page=NaN', 'pageSize=501', 'pageSize=1e3', 'page=Infinity']) {
      const response = await get(`/read-models/plans?roundId=r-oost-2026&${query}`, token);
      expect([query, response.status]).toEqual([query, 400]);
      expect(await response.json()).toMatchObject({ status: 400, code: expect.stringMatching(/^REQUEST\./) });
    }
  });

  it('keeps every municipality to its own rows: another one gets 404 and empty lists', async () => {
    const token = await api.token('administrator', OTHER_TENANT);
    expect((await get('/read-models/rounds/r-oost-2026', token)).status).toBe(404);
    expect((await get('/read-models/plans/p-1', token)).status).toBe(404);
    expect(((await (await get('/read-models/plans', token)).json()) as { total: number }).total).toBe(0);
    expect((await get('/read-models/rounds/r-oost-2026/timeline', token)).status).toBe(404);
  });

  it('shows the audit timeline to auditors only, with actors, reasons and decision references', async () => {
    expect((await get('/read-models/rounds/r-oost-2026/timeline', await api.token('official'))).status).toBe(403);
    const response = await get('/read-models/rounds/r-oost-2026/timeline', await api.token('auditor'));
    const body = (await response.json()) as { items: { eventType: string; actor: string; reason: string | null; decisionReference: string | null }[] };
    expect(body.items.map((i) => i.eventType)).toEqual([
      'BudgetEstablished',
      'RoundPlanned',
      'RoundPhaseAdvanced',
      'ProposalSubmitted',
      'ProposalSubmitted',
      'ProposalFeasibilityVerdictGiven',
      'ProposalSelected',
      'FundsCommitted',
      'ProposalPaymentRecorded',
    ]);
    expect(body.items[0]).toMatchObject({ actor: 'staff-1', decisionReference: 'council RB-2025-118 (2025-12-11)' });
    expect(body.items[5]).toMatchObject({ actor: 'staff-reviewer', reason: 'Binnen het maximum' });
  });

  it('reports each projection\'s checkpoint and lag, and refuses anonymous callers', async () => {
    const statuses = (await (await get('/read-models/projections', await api.token('administrator'))).json()) as { projection: string; status: string; lagEvents: number }[];
    expect(statuses.every((s) => s.status === 'running' && s.lagEvents === 0)).toBe(true);
    expect((await fetch(`${api.url}/read-models/rounds`)).status).toBe(401);
    const ready = (await (await fetch(`${api.url}/health/ready`)).json()) as { details: Record<string, unknown> };
    expect(ready.details.projections).toMatchObject({ status: 'up' });
  });

  it('imports the CBS population reference and exports the evaluation per round as CSV without personal data', async () => {
    const admin = await api.token('administrator');
    const csv = 'ID;WijkenEnBuurten;Codering_3;AantalInwoners_5;k_0Tot15Jaar_8;k_15Tot25Jaar_9;k_25Tot45Jaar_10;k_45Tot65Jaar_11;k_65JaarOfOuder_12\n1;Oosterpark;BU03630000;4210;610;540;1500;1020;540\n2;Dapperbuurt;BU03630001;3000;.;400;1200;800;300\n';
    const put = await fetch(`${api.url}/read-models/population?source=CBS%202024`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' }, body: csv });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ imported: 12 });
    const bad = await fetch(`${api.url}/read-models/population`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' }, body: 'Codering_3;AantalInwoners_5\nAmsterdam;12\n' });
    expect(bad.status).toBe(400);
    expect((await get('/read-models/population', await api.token('official'))).status).toBe(404);

    const response = await get('/read-models/evaluation?format=csv', await api.token('auditor'));
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await response.text()).split('\r\n')).toEqual([
      'roundId,title,form,year,phase,plansSubmitted,shareFeasible,eligible,ballots,turnout,representativenessMin,representativenessMax,allocatedCents,committedCents,shareDecided,shareSpent,shareReturned,shareWinningRealised,medianDaysToDecision',
      'r-oost-2026,Oost beslist 2026,burgerbegroting,2026,submission,2,,,,,,,30000000,2500000,0.0833,0,0,0,75.9',
      '',
    ]);
  });

  it('sends bodies that match the response schemas in the OpenAPI document', async () => {
    const document = (await (await fetch(`${api.url}/docs-json`)).json()) as OpenApiDocument;
    const check = async (path: string, template: string, token: string, method = 'get') => {
      const response = await get(path, token);
      expect(response.status).toBe(200);
      const operation = document.paths[template]![method]!;
      const schema = operation.responses['200']!.content!['application/json']!.schema;
      expect({ path, errors: schemaErrors(schema, await response.json()) }).toEqual({ path, errors: [] });
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
    };
    const auditor = await api.token('auditor');
    await check('/read-models/budgets', '/read-models/budgets', auditor);
    await check('/read-models/budgets/b-oost', '/read-models/budgets/{budgetId}', auditor);
    await check('/read-models/rounds', '/read-models/rounds', auditor);
    await check('/read-models/rounds/r-oost-2026', '/read-models/rounds/{roundId}', auditor);
    await check('/read-models/rounds/r-oost-2026/implementation', '/read-models/rounds/{roundId}/implementation', auditor);
    await check('/read-models/plans', '/read-models/plans', auditor);
    await check('/read-models/plans/p-1', '/read-models/plans/{proposalId}', auditor);
    await check('/read-models/rounds/r-oost-2026/results', '/read-models/rounds/{roundId}/results', auditor);
    await check('/read-models/rounds/r-oost-2026/timeline', '/read-models/rounds/{roundId}/timeline', auditor);
    await check('/read-models/evaluation', '/read-models/evaluation', auditor);
    await check('/read-models/projections', '/read-models/projections', await api.token('administrator'));
    expect(Object.keys(document.paths['/read-models/plans/{proposalId}']!.get!.responses)).toContain('404');
    // Open to anyone: no 403; a 401 only for a bearer token that was sent and is invalid.
    expect(Object.keys(document.paths['/public/rounds/{roundId}']!.get!.responses).sort()).toEqual(['200', '401', '404', '429', '503']);
  });
});

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  additionalProperties?: boolean | Schema;
  [keyword: string]: unknown;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
}

// ajv-formats is CommonJS: its default import is the plugin itself.
const addFormats = ajvFormats as unknown as typeof ajvFormats.default;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

/** The documented schema, with every object closed: a property the document does not list counts as a misfit. */
function closed(schema: Schema): Schema {
  const out: Schema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, sub]) => [key, closed(sub)]));
    out.additionalProperties ??= false;
  }
  if (schema.items) out.items = closed(schema.items);
  if (schema.oneOf) out.oneOf = schema.oneOf.map(closed);
  return out;
}

/** Where `value` does not fit `schema` (OpenAPI 3.0 schema objects, validated by Ajv). */
function schemaErrors(schema: Schema, value: unknown): string[] {
  const validate = ajv.compile(closed(schema));
  return validate(value) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `$${e.instancePath.replaceAll('/', '.')}: ${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : ''}`);
}
