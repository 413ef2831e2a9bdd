import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { InMemoryEventStore } from '@lib/event-store';
import { Reactors, type Role } from '@lib/platform';
import type { DocumentedProblems } from '../support/documented-problems.js';
import type { TestApi } from '../support/test-api.js';
import { ENDPOINTS } from './endpoint-expectations.js';
import { type Endpoint, fillPath } from './support/endpoints.js';
import { type Fixtures, send, TENANT } from './support/fixtures.js';
import { startSecurityApi } from './support/security-api.js';

interface QueryParameter {
  name: string;
  in: string;
  schema?: { type?: string };
}

/** Values no query parameter takes: huge or non-finite numbers, NUL, half a surrogate pair (as raw percent-encoded UTF-8), and very long text. */
const MALFORMED: { value: string; raw?: true }[] = [
  { value: '1e300' },
  { value: '-1e300' },
  { value: '99999999999999999999' },
  { value: 'NaN' },
  { value: 'Infinity' },
  { value: '\u0000' },
  { value: 'a\u0000b' },
  { value: '%ED%A0%80', raw: true },
  { value: '%C0%80', raw: true },
  { value: 'x'.repeat(5000) },
];

let store: InMemoryEventStore;
let api: TestApi;
let fixtures: Fixtures;
let endpoints: Endpoint[];
let documented: DocumentedProblems;
let queryParameters: Map<string, QueryParameter[]>;

beforeAll(async () => {
  ({ store, api, fixtures, endpoints, documented } = await startSecurityApi());
  const document = (await (await fetch(`${api.url}/docs-json`)).json()) as { paths: Record<string, Record<string, { parameters?: QueryParameter[] }>> };
  queryParameters = new Map(
    Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => [`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, (operation.parameters ?? []).filter((p) => p.in === 'query')] as const),
    ),
  );
});
afterAll(() => api.close());

const READS = Object.keys(ENDPOINTS).filter((key) => key.startsWith('GET ') && !ENDPOINTS[key]!.stream);

describe('query parameters with malformed values', () => {
  it('finds the query parameters of the reads in the OpenAPI document', () => {
    expect([...queryParameters.entries()].filter(([key, parameters]) => key.startsWith('GET ') && parameters.length > 0).length).toBeGreaterThan(5);
  });

  it.each(READS)('%s answers each one with a documented 4xx problem or its usual answer, never 5xx, and appends nothing', async (key) => {
    const parameters = queryParameters.get(key) ?? [];
    if (parameters.length === 0) return;
    const endpoint = endpoints.find((e) => e.key === key)!;
    const role = endpoint.rule?.kind === 'roles' ? (endpoint.rule.roles.find((r) => r !== 'voter') ?? endpoint.rule.roles[0]!) : undefined;
    const request = await ENDPOINTS[key]!.prepare(fixtures);
    const token = role === undefined ? undefined : await api.token(role as Role, TENANT, 'query-fuzz', role === 'voter' ? { round: request.params?.roundId ?? 'r-any' } : {});
    await api.app.get(Reactors).caughtUp();
    const before = (await store.readAll({ maxCount: 1_000_000 })).length;
    const failures: string[] = [];
    for (const parameter of parameters) {
      for (const { value, raw } of MALFORMED) {
        const query = `${encodeURIComponent(parameter.name)}=${raw ? value : encodeURIComponent(value)}`;
        const reply = await send(api.url, 'GET', `${fillPath(endpoint.path, request.params ?? {})}?${query}`, { token, headers: request.headers });
        const problem = reply.status >= 400 && reply.status < 500 && (reply.headers.get('content-type') ?? '').includes('application/problem+json');
        if (!(reply.status < 400 || problem)) failures.push(`${query.slice(0, 60)} → ${reply.status} ${reply.text.slice(0, 120)}`);
        else if (reply.status >= 400 && documented.undocumented(key, reply) !== undefined) failures.push(`${query.slice(0, 60)} → ${documented.undocumented(key, reply)}`);
        const numeric = parameter.schema?.type === 'integer' || parameter.schema?.type === 'number';
        if (numeric && reply.status !== 400) failures.push(`${query.slice(0, 60)} → ${reply.status} on a number parameter, not 400`);
      }
    }
    expect(failures).toEqual([]);
    expect((await store.readAll({ maxCount: 1_000_000 })).length).toBe(before);
  });
});
