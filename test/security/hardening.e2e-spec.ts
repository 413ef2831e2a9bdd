import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { DocumentedProblems } from '../support/documented-problems.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('HTTP hardening', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(new InMemoryEventStore(), { env: { CORS_ORIGINS: 'https://inwonersbudget.gemeente.example, https://dashboard.gemeente.example' } });
  });
  afterAll(() => api.close());

  it('sends the security headers of helmet and no X-Powered-By', async () => {
    const response = await fetch(`${api.url}/health/live`);
    const header = (name: string) => response.headers.get(name);
    expect(header('x-powered-by')).toBeNull();
    expect(header('x-content-type-options')).toBe('nosniff');
    expect(header('x-frame-options')).toBe('SAMEORIGIN');
    expect(header('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(header('referrer-policy')).toBe('no-referrer');
    expect(header('cross-origin-opener-policy')).toBe('same-origin');
    expect(header('cross-origin-resource-policy')).toBe('same-origin');
    expect(header('x-dns-prefetch-control')).toBe('off');
    const csp = header('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  it('sends the security headers on problem responses too', async () => {
    const response = await fetch(`${api.url}/no-such-route`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('allows a configured browser origin, exposing ETag and Location', async () => {
    const preflight = await fetch(`${api.url}/budgets`, {
      method: 'OPTIONS',
      headers: { origin: 'https://dashboard.gemeente.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,if-match' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://dashboard.gemeente.example');
    const simple = await fetch(`${api.url}/health/live`, { headers: { origin: 'https://inwonersbudget.gemeente.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://inwonersbudget.gemeente.example');
    expect(simple.headers.get('access-control-expose-headers')).toBe('ETag,Location,Retry-After,Reactions');
  });

  it('gives an origin that is not configured no CORS permission', async () => {
    for (const origin of ['https://evil.example', 'https://dashboard.gemeente.example.evil.example', 'null']) {
      const preflight = await fetch(`${api.url}/budgets`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const simple = await fetch(`${api.url}/health/live`, { headers: { origin } });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('refuses a JSON body over 256 kB with 413 problem details, before authentication is even needed', async () => {
    const token = await api.token('administrator');
    for (const headers of [{ authorization: `Bearer ${token}` }, {}] as Record<string, string>[]) {
      const response = await fetch(`${api.url}/budgets`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x'.repeat(300 * 1024) }) });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({ type: 'urn:inwonersbudget:problem:REQUEST.TOO_LARGE', title: 'Payload too large', status: 413, code: 'REQUEST.TOO_LARGE', detail: 'request entity too large', instance: '/budgets' });
      // …and the document says so.
      expect((await DocumentedProblems.of(api.url)).undocumented('POST /budgets', { status: 413, body })).toBeUndefined();
    }
  });

  it('refuses a text body over 20 MB with 413 problem details', async () => {
    const response = await fetch(`${api.url}/budgets`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b\n'.repeat(5_300_000) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE', status: 413 });
  });

  it('refuses a body carrying a prototype-polluting key anywhere, with 400 problem details', async () => {
    const token = await api.token('administrator');
    for (const body of ['{"__proto__":{"isAdmin":true}}', '{"title":"x","decision":{"constructor":{"prototype":{"x":1}}}}', '{"areas":[{"prototype":1}]}']) {
      const response = await fetch(`${api.url}/budgets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'REQUEST.INVALID', status: 400 });
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses text no store can keep (U+0000, half a surrogate pair) in a JSON key or value, or a NUL in a CSV body, with 400 and nothing appended', async () => {
    const token = await api.token('administrator');
    const store = api.store as InMemoryEventStore;
    const before = (await store.readAll({ maxCount: 100_000 })).length;
    const bodies = ['{"title":"Speeltuin\\u0000"}', '{"title":"\\ud800 los"}', '{"title":"los \\udfff"}', '{"notes":{"a\\u0000b":1}}', '{"areas":["WK01","\\udc00\\ud800"]}'];
    for (const body of bodies) {
      const response = await fetch(`${api.url}/budgets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
      expect([body, response.status]).toEqual([body, 400]);
      expect(await response.json()).toMatchObject({ code: 'REQUEST.INVALID', status: 400 });
    }
    const csv = await fetch(`${api.url}/rounds/r-1/voter-roll`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: 'code,area,age_band\nK7QM4TXA93WDPRZB,WK\u000001,18-64\n' });
    expect(csv.status).toBe(400);
    expect(await csv.json()).toMatchObject({ code: 'REQUEST.INVALID', status: 400 });
    expect((await store.readAll({ maxCount: 100_000 })).length).toBe(before);
    // A whole pair (an emoji) is text like any other.
    const emoji = await fetch(`${api.url}/budgets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"title":"\\ud83c\\udf33"}' });
    expect(emoji.status).not.toBe(500);
    expect((await emoji.json()) as { detail?: string }).not.toMatchObject({ detail: expect.stringContaining('U+0000') });
  });

  it('answers malformed JSON with 400 problem details', async () => {
    const token = await api.token('administrator');
    const response = await fetch(`${api.url}/budgets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"title": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'REQUEST.INVALID', status: 400 });
  });
});

describe('internal errors leak nothing', () => {
  let api: TestApi;
  let store: InMemoryEventStore;
  beforeAll(async () => {
    store = new InMemoryEventStore();
    api = await startTestApi(store);
  });
  afterAll(() => api.close());

  it('answers an unexpected failure with a bare 500: no message, stack, SQL or file path', async () => {
    const readStream = store.readStream.bind(store);
    const secret = 'relation "events" does not exist: SELECT data FROM events WHERE stream_id = $1 -- password=hunter2';
    store.readStream = async () => {
      throw new TypeError(secret);
    };
    try {
      const token = await api.token('administrator');
      const response = await fetch(`${api.url}/budgets/b-1`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        type: 'urn:inwonersbudget:problem:INTERNAL',
        title: 'Internal error',
        status: 500,
        code: 'INTERNAL',
        detail: 'The error was logged; nothing about it is shown here',
        instance: '/budgets/b-1',
      });
      for (const leak of ['SELECT', 'relation', 'hunter2', 'TypeError', '.ts', 'node_modules', '    at ']) expect(text).not.toContain(leak);
    } finally {
      store.readStream = readStream;
    }
  });
});

describe('rate limiting per client address', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(new InMemoryEventStore(), { env: { RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => api.close());

  it('answers 429 problem details with Retry-After once an address used its requests for the minute', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await fetch(`${api.url}/docs-json`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      statuses.push(last.status);
      if (last.status === 200) expect(last.headers.get('ratelimit-remaining')).toBe(String(4 - i));
      await last.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const again = await fetch(`${api.url}/budgets`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.7', 'content-type': 'application/json' }, body: '{}' });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(await again.json()).toMatchObject({ type: 'urn:inwonersbudget:problem:REQUEST.RATE_LIMITED', status: 429, code: 'REQUEST.RATE_LIMITED', instance: '/budgets' });
  });

  it('counts each address on its own and never throttles the health probes', async () => {
    const other = await fetch(`${api.url}/docs-json`, { headers: { 'x-forwarded-for': '198.51.100.20' } });
    expect(other.status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await fetch(`${api.url}/health/live`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(200);
  });
});

describe('rate limiting without a trusted proxy (the default)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(new InMemoryEventStore(), { env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => api.close());

  it('ignores X-Forwarded-For, also from loopback, so a client cannot pick a fresh address per request', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${api.url}/docs-json`, { headers: { 'x-forwarded-for': `192.0.2.${i}` } });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('the OpenAPI page switched off (API_DOCS=false, the production default)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(new InMemoryEventStore(), { env: { API_DOCS: 'false' } });
  });
  afterAll(() => api.close());

  it('answers /docs and /docs-json with 404 problem details and still serves the api', async () => {
    for (const path of ['/docs', '/docs-json', '/docs/swagger-ui-init.js']) {
      const response = await fetch(`${api.url}${path}`);
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 404, expect.stringContaining('application/problem+json')]);
    }
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
  });
});

describe('metrics behind a scrape token', () => {
  const token = 'scrape-7f3c9a1e5b2d8c4f6a0e9b1d';
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(new InMemoryEventStore(), { env: { METRICS_TOKEN: token } });
  });
  afterAll(() => api.close());

  it('answers 401 problem details without the token, with another one, or with a staff token', async () => {
    const staff = await api.token('administrator');
    for (const authorization of [undefined, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`, `Bearer ${staff}`]) {
      const response = await fetch(`${api.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect([authorization, response.status, response.headers.get('content-type')]).toEqual([authorization, 401, expect.stringContaining('application/problem+json')]);
      expect(await response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', instance: '/metrics' });
    }
  });

  it('serves the metrics to a scraper that presents the token', async () => {
    const response = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toContain('http_request_duration_seconds_count');
  });

  it('leaves the rest of the api to the staff token as before', async () => {
    const response = await fetch(`${api.url}/budgets/b-1`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });
});
