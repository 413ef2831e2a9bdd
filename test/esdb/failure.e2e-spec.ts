import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEsdbEventStore } from '@lib/event-store';
import { issueLocalToken } from '@lib/platform';
import { ALL_PROJECTIONS, openReadModels, projectionStatuses, rebuild } from '@lib/projections';
import { aBurgerbegrotingFrame, COUNCIL_DECISION } from '../../libs/budgeting/src/budget/testing/budget.given.js';
import { EsdbDouble } from '../esdb-double/esdb-double.js';
import { snapshot } from '../../libs/projections/src/testing/read-models.given.js';
import { type AppProcess, spawnApp, startApiProcess } from '../reliability/support/app-process.js';
import { freePort } from '../support/pg-cluster.js';

const TENANT = 'GM0363';
/** EVENTSTORE_DEADLINE_MS of the api under test: every store call gives up after this long. */
const DEADLINE_MS = 1000;

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  ms: number;
}

/**
 * Production mode over real HTTP: the real api and projector entry points (`apps/<app>/src/main.ts`)
 * as child processes with EVENTSTORE_URL pointing at the gRPC test double on loopback, read models
 * and keys in PGlite under a temporary DATA_DIR each. The double is down when they boot, then killed,
 * restarted and made to hang while they run.
 */
describe('the api and projector processes on EventStoreDB (test double) when the server is down at boot, lost, or hangs', () => {
  const double = new EsdbDouble();
  let esdbPort: number;
  let api: AppProcess & { url: string };
  let projector: AppProcess | undefined;
  let dataDir: string;
  let projectorDataDir: string;
  let admin: string;
  const esdbEnv = () => ({ EVENTSTORE_URL: `esdb://127.0.0.1:${esdbPort}?tls=false`, EVENTSTORE_DEADLINE_MS: String(DEADLINE_MS) });

  beforeAll(async () => {
    // Take a port, then free it: nothing answers there when the api boots.
    esdbPort = await double.start(0);
    await double.stop();
    dataDir = await mkdtemp(join(tmpdir(), 'esdb-failure-'));
    // The projector process has a PGlite of its own (one process per PGlite); the test reads it after the projector stopped.
    projectorDataDir = await mkdtemp(join(tmpdir(), 'esdb-failure-projector-'));
    projector = spawnApp('projector', { ...esdbEnv(), DATA_DIR: projectorDataDir, LOG_LEVEL: 'warn' });
    api = await startApiProcess({ ...esdbEnv(), DATA_DIR: dataDir }, await freePort());
    await projector.waitFor('projector (production mode) running');
    admin = await issueLocalToken(dataDir, { subject: 'staff-1', roles: ['administrator'], tenant: TENANT, audience: 'inwonersbudget', ttlSeconds: 3600 });
  }, 120_000);

  afterAll(async () => {
    await api?.terminate(30_000).catch(() => api.kill9());
    await projector?.kill9();
    await double.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(projectorDataDir, { recursive: true, force: true });
  }, 60_000);

  async function send(method: string, path: string, body?: unknown): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, ms: performance.now() - started };
  }

  const establishBudget = (title = 'Buurtbudget Oost 2026') => send('POST', '/budgets', { ...aBurgerbegrotingFrame(), title, decision: COUNCIL_DECISION });

  /** Polls /health/ready until it answers 200 (the client reconnects on its own). */
  async function readyAgain(timeoutMs = 15_000): Promise<Answer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = await send('GET', '/health/ready');
      if (ready.status === 200) return ready;
      if (Date.now() > deadline) throw new Error(`/health/ready still ${ready.status} after ${timeoutMs} ms: ${JSON.stringify(ready.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A command or query that needed the store: 503 problem details with a retry hint, within the deadline. */
  function expectUnavailable(answer: Answer): void {
    expect({ status: answer.status, contentType: answer.headers.get('content-type'), retryAfter: answer.headers.get('retry-after') }).toEqual({
      status: 503,
      contentType: expect.stringContaining('application/problem+json'),
      retryAfter: '5',
    });
    expect(answer.body).toMatchObject({ status: 503, code: 'STORE.UNAVAILABLE', title: 'The event store is unavailable', retryAfterSeconds: 5 });
    expect(answer.ms).toBeLessThan(DEADLINE_MS + 1500);
  }

  it('server down at boot: the api starts, says why in its log, readiness is 503 with the reason, commands 503; once the server is up, normal service', async () => {
    expect(api.output()).toContain(`inwonersbudget: EventStoreDB at 127.0.0.1:${esdbPort} does not answer (unavailable: EventStoreDB is unavailable:`);
    expect(api.output()).toContain('starting anyway: commands answer 503 and /health/ready reports it until the server answers');
    expect(api.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(api.output()).toContain('(production mode)');
    expect(projector!.output()).toContain(`inwonersbudget: EventStoreDB at 127.0.0.1:${esdbPort} does not answer (unavailable: `);

    expect((await send('GET', '/health/live')).status).toBe(200);
    const ready = await send('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ code: 'HEALTH.NOT_READY', details: { eventStore: { status: 'down', reason: expect.stringMatching(/^EventStoreDB is unavailable: .*ECONNREFUSED/) } } });

    expectUnavailable(await establishBudget());

    await double.start(esdbPort);
    const up = await readyAgain();
    expect(up.body).toMatchObject({ status: 'ok', details: { eventStore: { status: 'up' } } });
    const created = await establishBudget();
    expect(created.status).toBe(201);
    const read = await send('GET', `/budgets/${created.body.id as string}`);
    expect([read.status, (read.body.frame as { title?: string } | undefined)?.title]).toEqual([200, 'Buurtbudget Oost 2026']);
  }, 60_000);

  it('server killed while running: commands and reads answer 503 with Retry-After, readiness names the reason, the log says why; after a restart the same data is served', async () => {
    const before = await establishBudget('Wijkbudget voor de kill');
    expect(before.status).toBe(201);
    const budgetId = before.body.id as string;
    const logLength = api.output().length;

    await double.stop();
    expectUnavailable(await establishBudget('Wijkbudget tijdens de storing'));
    expectUnavailable(await send('GET', `/budgets/${budgetId}`));
    const ready = await send('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ code: 'HEALTH.NOT_READY', details: { eventStore: { status: 'down', reason: expect.stringMatching(/^EventStoreDB is unavailable: /) } } });
    const log = api.output().slice(logLength);
    expect(log).toContain('"code":"STORE.UNAVAILABLE"');
    expect(log).toContain('EventStoreDB is unavailable');

    await double.start();
    await readyAgain();
    const read = await send('GET', `/budgets/${budgetId}`);
    expect([read.status, (read.body.frame as { title?: string } | undefined)?.title]).toEqual([200, 'Wijkbudget voor de kill']);
    expect((await establishBudget('Wijkbudget na de storing')).status).toBe(201);
  }, 60_000);

  it('server that accepts calls and never answers: 503 after the deadline, not a hung request; readiness reports the timeout; normal service once it answers', async () => {
    double.hang(true);
    try {
      const answer = await establishBudget('Wijkbudget tijdens het hangen');
      expectUnavailable(answer);
      expect(answer.ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
      const ready = await send('GET', '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ details: { eventStore: { status: 'down', reason: expect.stringMatching(/did not answer .* within 1000 ms/) } } });
    } finally {
      double.hang(false);
    }
    await readyAgain();
    expect((await establishBudget('Wijkbudget na het hangen')).status).toBe(201);
  }, 60_000);

  it('the projector process, started while the server was down and through the kill and the hang, has projected everything: its read models equal a rebuild', async () => {
    const store = createEsdbEventStore({ connectionString: double.connectionString(), deadlineMs: 5000 });
    const { PGlite } = await import('@electric-sql/pglite');
    try {
      // Its read models can be opened only once it stopped; if it had not caught up yet, start it again and give it more time.
      // Its subscriptions wait up to 5 s (the default back-off) between attempts to reach the server.
      for (let attempt = 1; ; attempt++) {
        await projector!.waitFor('projector (production mode) running');
        await new Promise((resolve) => setTimeout(resolve, 6000));
        expect(await projector!.terminate(30_000)).toEqual({ code: 0, signal: null });
        const pglite = await PGlite.create(join(projectorDataDir, 'pglite'));
        try {
          const projected = await openReadModels({ pglite });
          const statuses = await projectionStatuses(store, projected, ALL_PROJECTIONS);
          if (statuses.some((s) => s.lagEvents > 0) && attempt < 3) {
            await projected.close();
            continue;
          }
          expect(statuses.map((s) => [s.projection, s.status, s.lagEvents])).toEqual(ALL_PROJECTIONS.map((p) => [p.name, 'running', 0]));
          const rebuilt = await openReadModels({ pglite, schema: 'read_model_rebuilt' });
          await rebuild({ store, db: rebuilt, projections: ALL_PROJECTIONS });
          const rows = await snapshot(projected, ALL_PROJECTIONS);
          expect(rows.budget_overview!.length).toBeGreaterThanOrEqual(4);
          expect(rows).toEqual(await snapshot(rebuilt, ALL_PROJECTIONS));
          await rebuilt.close();
          await projected.close();
          break;
        } finally {
          await pglite.close();
          if (attempt < 3 && projector!.child.exitCode !== null) projector = spawnApp('projector', { ...esdbEnv(), DATA_DIR: projectorDataDir, LOG_LEVEL: 'warn' });
        }
      }
    } finally {
      await store.close();
    }
  }, 120_000);
});
