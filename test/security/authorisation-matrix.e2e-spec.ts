import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@lib/platform';
import type { DocumentedProblems } from '../support/documented-problems.js';
import type { TestApi } from '../support/test-api.js';
import { ENDPOINTS, type EndpointExpectation, NON_CONTROLLER_ROUTES, type PreparedRequest } from './endpoint-expectations.js';
import { type Endpoint, expressRoutes, fillPath, isCommand } from './support/endpoints.js';
import { type Fixtures, OTHER_TENANT, send, TENANT } from './support/fixtures.js';
import { startSecurityApi } from './support/security-api.js';

interface Caller {
  name: string;
  role?: Role;
  tenant?: string;
}

const ROLES: Role[] = ['administrator', 'reviewer', 'official', 'auditor', 'voter'];
const CALLERS: Caller[] = [
  { name: 'anonymous' },
  ...ROLES.map((role) => ({ name: `${role}@${TENANT}`, role, tenant: TENANT })),
  ...ROLES.map((role) => ({ name: `${role}@${OTHER_TENANT}`, role, tenant: OTHER_TENANT })),
];

/** The status a cell must give: from the endpoint's rule and its declared expectation. */
function expectedStatus(endpoint: Endpoint, expectation: EndpointExpectation, caller: Caller): number {
  const rule = endpoint.rule!;
  if (rule.kind === 'public') return expectation.ok;
  if (caller.role === undefined) return 401;
  if (!rule.roles.includes(caller.role)) return 403;
  if (caller.tenant !== TENANT && expectation.foreign) return expectation.foreign.status;
  if (caller.tenant !== TENANT && expectation.otherMunicipality === 'not-found') return 404;
  return expectation.okFor?.[caller.role] ?? expectation.ok;
}

/** The same request with every resource id (path parameters ending in Id or Ref, and their copies in the body) replaced by one that exists nowhere. */
function missingVariant(request: PreparedRequest): PreparedRequest {
  const ids = Object.entries(request.params ?? {}).filter(([name]) => /(Id|Ref)$/.test(name));
  let body = request.body === undefined ? undefined : JSON.stringify(request.body);
  for (const [, value] of ids) body = body?.replaceAll(value, 'x-does-not-exist');
  return { ...request, params: { ...request.params, ...Object.fromEntries(ids.map(([name]) => [name, 'x-does-not-exist'])) }, body: body === undefined ? undefined : JSON.parse(body) };
}

let api: TestApi;
let fixtures: Fixtures;
let endpoints: Endpoint[];
let documented: DocumentedProblems;

beforeAll(async () => {
  ({ api, fixtures, endpoints, documented } = await startSecurityApi({ PROJECTOR_IN_PROCESS: 'true' }));
});
afterAll(() => api.close());

describe('the authorisation matrix covers every endpoint', () => {
  it('finds the endpoints from the running app, and Express serves exactly those (plus the OpenAPI page)', () => {
    expect(endpoints.length).toBeGreaterThan(5);
    const served = new Set(expressRoutes(api.app).map((r) => `${r.method} ${r.path}`));
    const declared = new Set([...endpoints.map((e) => e.key), ...Object.keys(NON_CONTROLLER_ROUTES)]);
    expect([...served].filter((key) => !declared.has(key))).toEqual([]);
    expect(endpoints.map((e) => e.key).filter((key) => !served.has(key))).toEqual([]);
  });

  it('every endpoint declares an access rule (@Allow or @Public)', () => {
    expect(endpoints.filter((e) => e.rule === undefined).map((e) => `${e.key} (${e.controller}.${e.handler})`)).toEqual([]);
  });

  it('every endpoint has a row in the expectation table, and every row an endpoint', () => {
    const keys = endpoints.map((e) => e.key);
    expect(keys.filter((key) => !(key in ENDPOINTS))).toEqual([]);
    expect(Object.keys(ENDPOINTS).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('auditors and voters-in-general change nothing: no staff command endpoint admits the auditor role', () => {
    expect(endpoints.filter((e) => isCommand(e) && e.rule?.kind === 'roles' && e.rule.roles.includes('auditor')).map((e) => e.key)).toEqual([]);
  });

  it('a command endpoint is public only where voters sign in with their code (no account)', () => {
    expect(endpoints.filter((e) => isCommand(e) && e.rule?.kind === 'public').map((e) => e.key)).toEqual(['POST /rounds/:roundId/voter-sessions']);
  });

  it('auditors read everything staff can read in their municipality', () => {
    const staffReads = endpoints.filter((e) => !isCommand(e) && e.rule?.kind === 'roles' && e.rule.roles.some((r) => r !== 'voter' && r !== 'resident'));
    expect(staffReads.filter((e) => e.rule?.kind === 'roles' && !e.rule.roles.includes('auditor')).map((e) => e.key)).toEqual([]);
  });

  it.each(Object.entries(NON_CONTROLLER_ROUTES))('%s (OpenAPI page) answers anyone with %i', async (key, status) => {
    const [method, path] = key.split(' ') as [string, string];
    expect((await send(api.url, method, path)).status).toBe(status);
  });
});

describe.each(Object.keys(ENDPOINTS))('%s', (key) => {
  it('answers every caller with the status its rule and municipality give', async () => {
    const endpoint = endpoints.find((e) => e.key === key);
    expect(endpoint).toMatchObject({ key });
    const expectation = ENDPOINTS[key]!;
    expect(endpoint!.rule).toEqual(expectation.access === 'public' ? { kind: 'public', ...(expectation.ownCredentials ? { ownCredentials: true } : {}) } : { kind: 'roles', roles: expectation.access });
    const actual: Record<string, number | string> = {};
    const expected: Record<string, number> = {};
    for (const caller of CALLERS) {
      const request = await expectation.prepare(fixtures);
      const token = caller.role === undefined ? undefined : await api.token(caller.role, caller.tenant, `matrix-${caller.role}`, caller.role === 'voter' ? { round: request.params?.roundId ?? 'r-any' } : {});
      const reply = await send(api.url, endpoint!.method, fillPath(endpoint!.path, request.params ?? {}), { token, body: request.body, headers: request.headers, rawBody: request.raw, headersOnly: expectation.stream });
      expected[caller.name] = expectedStatus(endpoint!, expectation, caller);
      if (caller.tenant === OTHER_TENANT) {
        const leaked = [...(request.secrets ?? []), ...(expectation.otherMunicipality === 'not-found' ? Object.values(request.params ?? {}) : [])].filter((secret) => reply.status < 400 && reply.text.includes(secret) && expectation.access !== 'public');
        if (leaked.length > 0) actual[`${caller.name} leaks`] = leaked.join(', ');
      }
      actual[caller.name] = reply.status === expected[caller.name] || reply.status < 400 ? reply.status : `${reply.status} ${String(reply.body.code ?? '')}`;
      if (reply.status >= 400) expect(reply.headers.get('content-type')).toContain('application/problem+json');
      const undocumented = expectation.stream ? undefined : documented.undocumented(key, reply);
      if (undocumented !== undefined) actual[`${caller.name} undocumented`] = undocumented;
    }
    expect(actual).toEqual(expected);
  });

  it('answers a resource of another municipality exactly as one that exists nowhere', async () => {
    const endpoint = endpoints.find((e) => e.key === key)!;
    const expectation = ENDPOINTS[key]!;
    const allowed = endpoint.rule?.kind === 'roles' ? endpoint.rule.roles.find((r) => r !== 'voter') : undefined;
    if (allowed === undefined || (expectation.otherMunicipality !== 'not-found' && !expectation.foreign)) return;
    const foreignToken = await api.token(allowed, OTHER_TENANT, 'matrix-foreign');
    const ownToken = await api.token(allowed, TENANT, 'matrix-own');
    const request = await expectation.prepare(fixtures);
    const foreign = await send(api.url, endpoint.method, fillPath(endpoint.path, request.params ?? {}), { token: foreignToken, body: request.body, headers: request.headers });
    const missingRequest = expectation.foreign
      ? await expectation.foreign.sameAsMissing(fixtures)
      : missingVariant(request);
    const missing = await send(api.url, endpoint.method, fillPath(endpoint.path, missingRequest.params ?? {}), { token: ownToken, body: missingRequest.body, headers: missingRequest.headers });
    const ids = /[\w-]*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[\w-]*|[\w-]*does-not-exist|\b[a-z]+-[0-9a-f]{8}\b/g;
    const shape = (reply: { status: number; body: Record<string, unknown> }) => ({ status: reply.status, code: reply.body.code, title: String(reply.body.title).replace(ids, '<id>'), detail: String(reply.body.detail).replace(ids, '<id>') });
    expect(shape(foreign)).toEqual(shape(missing));
    expect([documented.undocumented(key, foreign), documented.undocumented(key, missing)]).toEqual([undefined, undefined]);
    if (expectation.foreign) expect(foreign.body.code).toBe(expectation.foreign.code);
  });
});
