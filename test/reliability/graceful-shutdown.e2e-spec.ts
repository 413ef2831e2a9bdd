import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type pg from 'pg';
import { aBurgerbegrotingFrame, COUNCIL_DECISION } from '../../libs/budgeting/src/budget/testing/budget.given.js';
import { eventsOfType, type Fixture, startFixture } from './support/fixture.js';
import { eventually, send } from './support/load.js';

/**
 * SIGTERM on the api: in-flight commands are held inside the database (a table lock blocks their
 * appends), so they are provably running when the signal arrives. The api stops accepting
 * connections, finishes them once the lock goes, closes the database and exits 0.
 */
describe('api graceful shutdown (child process, private PostgreSQL)', () => {
  let fixture: Fixture;
  let blocked: pg.PoolClient | undefined;

  beforeAll(async () => {
    fixture = await startFixture();
  }, 120_000);
  afterAll(async () => {
    blocked?.release(true);
    await fixture?.close();
  }, 60_000);

  it('SIGTERM: in-flight requests complete with 201, new connections are refused, the process exits 0', async () => {
    const { api, sql } = fixture;
    const token = await fixture.token('administrator');
    // The store's tables exist once the api answered its first command.
    const warmUp = await send(api.url, { method: 'POST', path: '/budgets', token, body: { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION } });
    expect(warmUp.status).toBe(201);

    const blocker: pg.PoolClient = await sql.connect();
    blocked = blocker;
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE event_store.events IN EXCLUSIVE MODE');
    const inFlight = Array.from({ length: 6 }, (_, i) =>
      send(api.url, { method: 'POST', path: '/budgets', token, body: { ...aBurgerbegrotingFrame(), title: `Burgerbegroting ${i}`, decision: COUNCIL_DECISION } }),
    );
    await eventually('six appends waiting on the lock', async () => {
      const { rows } = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'postgres'");
      return rows[0]!.n >= 6 ? true : undefined;
    });

    api.child.kill('SIGTERM');
    await api.waitFor('draining 6 in-flight request(s)', 30_000);
    const refused = await send(api.url, { method: 'GET', path: '/health/live' });
    // Not served: refused, or (accepted in the backlog just before the close) reset unanswered.
    expect({ status: refused.status, error: refused.error }).toEqual({ status: 0, error: expect.stringMatching(/ECONNREFUSED|ECONNRESET|socket hang up/) });
    const stillRunning = await Promise.race([api.exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 300))]);
    expect(stillRunning).toBe(true);

    await blocker.query('COMMIT');
    blocker.release();
    blocked = undefined;
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const exit = await api.terminate(30_000);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(api.output()).toContain('inwonersbudget api: stopped');

    const stored = await eventsOfType(sql, 'BudgetEstablished');
    expect(stored.map((e) => e.data.budgetId).sort()).toEqual([warmUp, ...answers].map((a) => a.body!.id).sort());
  }, 120_000);
});
