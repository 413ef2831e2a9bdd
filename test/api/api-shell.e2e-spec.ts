import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('api shell over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(new InMemoryEventStore());
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers liveness and readiness, with the event store checked', async () => {
    const live = await fetch(`${api.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${api.url}/health`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', details: { eventStore: { status: 'up' } } });
  });

  it('reports not ready when the event store fails, saying why', async () => {
    const store = api.store as InMemoryEventStore;
    const readAll = store.readAll.bind(store);
    store.readAll = async () => {
      throw new Error('connection refused');
    };
    try {
      const ready = await fetch(`${api.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ code: 'HEALTH.NOT_READY', status: 503, details: { eventStore: { status: 'down', reason: 'connection refused' } } });
    } finally {
      store.readAll = readAll;
    }
  });

  it('serves the OpenAPI document and its page', async () => {
    const json = await fetch(`${api.url}/docs-json`);
    expect(json.status).toBe(200);
    const document = (await json.json()) as { openapi: string; paths: Record<string, unknown>; components: { securitySchemes: Record<string, unknown> } };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    expect(document.components.securitySchemes).toHaveProperty('bearer');
    const page = await fetch(`${api.url}/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });

  it('exposes Prometheus metrics, including request durations', async () => {
    await fetch(`${api.url}/health/live`);
    const metrics = await fetch(`${api.url}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\} \d+/);
  });

  it('answers unknown routes with problem details', async () => {
    const response = await fetch(`${api.url}/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toEqual({
      type: 'urn:inwonersbudget:problem:HTTP.NOT_FOUND',
      title: 'Not found',
      status: 404,
      code: 'HTTP.NOT_FOUND',
      detail: 'Cannot GET /no-such-thing',
      instance: '/no-such-thing',
    });
  });

  it('refuses a malformed bearer token with 401 problem details', async () => {
    const response = await fetch(`${api.url}/health/live`, { headers: { authorization: 'Bearer not-a-jwt' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', status: 401 });
  });
});

describe('api process start-up', () => {
  it('refuses to start on an invalid setting and names it', () => {
    const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'apps/api/src/main.ts'], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('PORT="eighty"');
    expect(result.stderr).toContain('.env.example');
  });
});
