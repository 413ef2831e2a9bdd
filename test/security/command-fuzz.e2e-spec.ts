import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { InMemoryEventStore } from '@lib/event-store';
import { Reactors, type Role } from '@lib/platform';
import type { DocumentedProblems } from '../support/documented-problems.js';
import type { TestApi } from '../support/test-api.js';
import { ENDPOINTS, type PreparedRequest } from './endpoint-expectations.js';
import { type Endpoint, fillPath, isCommand } from './support/endpoints.js';
import { type Fixtures, send, TENANT, type Reply } from './support/fixtures.js';
import { startSecurityApi } from './support/security-api.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const COMMANDS = Object.keys(ENDPOINTS).filter((key) => /^(POST|PUT|PATCH|DELETE) /.test(key));

let store: InMemoryEventStore;
let api: TestApi;
let fixtures: Fixtures;
let endpoints: Endpoint[];
let documented: DocumentedProblems;

beforeAll(async () => {
  ({ store, api, fixtures, endpoints, documented } = await startSecurityApi());
});
afterAll(() => api.close());

const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** A JSON value of another type than `original`, never null (null means "absent" to optional fields). */
const otherTypeThan = (original: unknown) => fc.jsonValue({ maxDepth: 2 }).filter((value) => value !== null && jsonType(value) !== jsonType(original));

/** Every leaf and inner field of a body, as paths. */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const own = Array.isArray(value) ? value.map((_v, i) => i) : Object.keys(value);
  return [...(prefix.length ? [prefix] : []), ...own.flatMap((key) => fieldPaths((value as Record<string | number, unknown>)[key], [...prefix, key]))];
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = replaceAt(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

function getAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value);
}

/** A 4xx problem document with a status and code the document lists for the endpoint, nothing else. */
function expectProblem(key: string, reply: Reply, context: unknown): void {
  const ok = reply.status >= 400 && reply.status < 500 && (reply.headers.get('content-type') ?? '').includes('application/problem+json') && reply.body.status === reply.status && typeof reply.body.code === 'string' && typeof reply.body.type === 'string' && typeof reply.body.title === 'string';
  if (!ok) throw new Error(`expected 4xx problem details, got ${reply.status} ${reply.text.slice(0, 300)} for ${JSON.stringify(context).slice(0, 600)}`);
  const undocumented = documented.undocumented(key, reply);
  if (undocumented !== undefined) throw new Error(`${undocumented} for ${JSON.stringify(context).slice(0, 600)}`);
}

describe('fuzzing covers every command endpoint', () => {
  it('every command endpoint of the running app is in the table, so it is fuzzed below', () => {
    expect(endpoints.filter(isCommand).map((e) => e.key).filter((key) => !COMMANDS.includes(key))).toEqual([]);
  });
});

describe.each(COMMANDS)('%s with malformed input', (key) => {
  let endpoint: Endpoint;
  let token: string;
  let valid: PreparedRequest;

  /** Sends, asserts a 4xx problem, and that the store is exactly as before. */
  async function refuses(request: { params?: Record<string, string>; path?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; token?: string }): Promise<void> {
    const before = await store.readAll({ maxCount: 1_000_000 });
    const path = request.path ?? fillPath(endpoint.path, request.params ?? valid.params ?? {});
    const reply = await send(api.url, endpoint.method, path, { token: request.token ?? token, body: request.body, rawBody: request.rawBody, headers: request.headers });
    expectProblem(key, reply, { path, ...request });
    const after = await store.readAll({ maxCount: 1_000_000 });
    if (after.length !== before.length) throw new Error(`${reply.status} but the store changed: ${after.slice(before.length).map((e) => e.type).join(', ')} for ${JSON.stringify(request).slice(0, 400)}`);
  }

  beforeAll(async () => {
    endpoint = endpoints.find((e) => e.key === key)!;
    const role = (endpoint.rule?.kind === 'roles' ? endpoint.rule.roles[0] : 'administrator') as Role;
    token = await api.token(role, TENANT, 'fuzz-staff');
    valid = await ENDPOINTS[key]!.prepare(fixtures);
    // What the fixtures' round events set off in other streams is done before the store is compared.
    await api.app.get(Reactors).caughtUp();
  });

  it('refuses bodies that are not a JSON object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)), async (body) => {
        await refuses({ rawBody: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses text that is not JSON, under any content type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }).filter((text) => {
          try {
            const parsed: unknown = JSON.parse(text);
            return parsed === null || typeof parsed !== 'object' || Array.isArray(parsed);
          } catch {
            return true;
          }
        }),
        fc.constantFrom('application/json', 'application/merge-patch+json', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream'),
        async (text, contentType) => {
          await refuses({ rawBody: text, headers: { 'content-type': contentType } });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses the valid body with one field of the wrong type', async () => {
    const paths = fieldPaths(valid.body ?? {});
    if (paths.length === 0) return;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths).chain((path) => fc.tuple(fc.constant(path), otherTypeThan(getAt(valid.body, path)))), async ([path, replacement]) => {
        await refuses({ body: replaceAt(valid.body, path, replacement) });
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses the valid body with U+0000, half a surrogate pair or a number beyond 2^53 in any field', async () => {
    const paths = fieldPaths(valid.body ?? {}).filter((path) => ['string', 'number'].includes(typeof getAt(valid.body, path)));
    if (paths.length === 0) return;
    const unstorable = fc.oneof(fc.string({ maxLength: 20 }).map((s) => `${s}\u0000`), fc.constantFrom('\ud800', 'x\udfff', '\udc00\ud800', '\u0000'));
    const huge = fc.oneof(fc.constantFrom(1e300, -1e300, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, 1e21), fc.double({ min: 2 ** 53, max: 1e308, noNaN: true }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths).chain((path) => fc.tuple(fc.constant(path), typeof getAt(valid.body, path) === 'string' ? unstorable : huge)), async ([path, replacement]) => {
        await refuses({ body: replaceAt(valid.body, path, replacement) });
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses the valid body with an unknown or prototype-polluting field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'bsn', 'tenant', 'actor'), fc.string({ minLength: 1, maxLength: 20 }).map((k) => `zz_${k}`)), fc.jsonValue({ maxDepth: 2 }), async (field, value) => {
        const body = `{${JSON.stringify(field)}:${JSON.stringify(value ?? null)},${JSON.stringify(valid.body ?? {}).slice(1)}`.replace(/,}$/, '}');
        await refuses({ rawBody: body, headers: { 'content-type': 'application/json' } });
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a valid body with a malformed or stale If-Match', async () => {
    if (ENDPOINTS[key]!.creates) return;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 40 }).filter((s) => !/^\s*"\d{1,3}"\s*$/.test(s)), fc.integer({ min: 1000, max: 2 ** 40 }).map((n) => `"${n}"`), fc.constantFrom('*', 'W/"0"', '"0", "1"', '"-1"', '"99999999999999999999"')), async (ifMatch) => {
        await refuses({ body: valid.body, headers: { 'if-match': ifMatch.replace(/[\r\n\0]/g, '') } });
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a valid body under malformed path parameters', async () => {
    if (endpoint.params.length === 0) return;
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(endpoint.params.map((name) => [name, fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), fc.constantFrom('..', '%', '../budgets', 'a'.repeat(500), 'Budget-x', '$all', ' ', '\u0000', 'x;DROP TABLE events', '1e300', '99999999999999999999'))]))), async (params) => {
        await refuses({ params, body: valid.body });
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a valid body under a path parameter that is half a surrogate pair or overlong UTF-8, sent percent-encoded as is', async () => {
    for (const name of endpoint.params) {
      for (const raw of ['%ED%A0%80', '%ED%BF%BF', '%C0%80', 'x%00y']) {
        const path = endpoint.path.replace(/:(\w+)/g, (_all, param: string) => (param === name ? raw : encodeURIComponent(valid.params![param]!)));
        await refuses({ path, body: valid.body });
      }
    }
  });

  it('refuses malformed credentials before looking at anything', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 100 }), fc.string({ maxLength: 100 }).map((s) => `Bearer ${s}`), fc.constantFrom('Bearer', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'a'.repeat(9000)}`, 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJhZG1pbmlzdHJhdG9yIl19.')), async (authorization) => {
        const reply = await send(api.url, endpoint.method, fillPath(endpoint.path, valid.params ?? {}), { body: valid.body, headers: { authorization: authorization.replace(/[\r\n\0]/g, '').trim() || 'x' } });
        expectProblem(key, reply, { authorization });
        expect(reply.status).toBe(401);
      }),
      { numRuns: RUNS },
    );
  });
});
