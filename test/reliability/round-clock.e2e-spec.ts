import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@lib/event-store';
import { Reactors } from '@lib/platform';
import { aBurgerbegrotingFrame, COUNCIL_DECISION } from '../../libs/budgeting/src/budget/testing/budget.given.js';
import { call, given } from '../../libs/budgeting/src/budget/testing/http.js';
import { anAdmittedPlan } from '../../libs/budgeting/src/proposal/testing/proposal.given.js';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../support/sql-store.js';
import { startTestApi, TENANT, type TestApi } from '../support/test-api.js';

/** Every phase up to the vote scheduled, so the clock alone can take the round from planned to counting. */
const SCHEDULE = [
  { phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-02-28' },
  { phase: 'support', opensOn: '2026-03-01', closesOn: '2026-03-15' },
  { phase: 'feasibility', opensOn: '2026-03-16', closesOn: '2026-04-30' },
  { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' },
];

/**
 * The round's clock over real HTTP, on PostgreSQL (DATABASE_URL) or PGlite, with an injected clock:
 * scheduled phases open and close by themselves, exactly once across two api processes, and a
 * process that was down across the opening and the closing catches up when it starts.
 */
describe('the round clock (injected time, real HTTP)', () => {
  let sql: TestSqlStore;
  let store: EventStore;
  let now = new Date('2026-01-20T09:00:00.000Z');
  const apis: TestApi[] = [];
  let admin: string;

  const start = async () => {
    const api = await startTestApi(store, { clock: { now: () => now }, env: { ROUND_CLOCK_TICK_MS: '600000', REACTOR_WAIT_MS: '3000' } });
    apis.push(api);
    return api;
  };
  /** Waits for the api's next look at the clock (its interval is long: the test moves time, not the machine). */
  const tick = (api: TestApi) => api.app.get(Reactors).timerRunner('round-clock')!.nextTick();
  const roundEvents = async (roundId: string) => store.readStream(`Round-${roundId}`);
  const phases = async (roundId: string) => (await roundEvents(roundId)).filter((e) => e.type === 'RoundPhaseAdvanced').map((e) => `${e.data.from}→${e.data.to}`);

  const plans = new Map<string, string>();

  async function aScheduledRound(api: TestApi): Promise<string> {
    const budget = await call(api.url, 'POST', '/budgets', { token: admin, body: { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION } });
    const budgetId = budget.body.id as string;
    const planned = await call(api.url, 'POST', '/rounds', { token: admin, body: { budgetId, year: 2026, schedule: SCHEDULE } });
    expect(planned.status).toBe(201);
    const roundId = planned.body.id as string;
    // One admitted plan, so the ballot box can open when the vote does.
    const proposalId = randomUUID();
    const plan = anAdmittedPlan().map((e) => ({ ...e, data: { ...(e.data as Record<string, unknown>), proposalId, ...(e.type === 'ProposalSubmitted' ? { roundId, budgetId } : {}) } }));
    await given(store, `Proposal-${proposalId}`, plan as never, TENANT, randomUUID);
    plans.set(roundId, proposalId);
    return roundId;
  }

  beforeAll(async () => {
    sql = await openTestSqlStore();
    store = sql.store;
    const api = await start();
    admin = await api.token('administrator', TENANT, 'staff-admin');
  });
  afterAll(async () => {
    for (const api of apis) await api.close().catch(() => undefined);
    await sql?.cleanup();
    await closeSharedPglite();
  });

  let roundId: string;
  let asleep: string;

  it('refuses a staff step before the scheduled opening, appending nothing; opens the phase on its day, once, as the clock', async () => {
    const [api] = apis;
    roundId = await aScheduledRound(api!);
    asleep = await aScheduledRound(api!);

    now = new Date('2026-01-25T09:00:00.000Z');
    const before = (await roundEvents(roundId)).length;
    const early = await call(api!.url, 'POST', `/rounds/${roundId}/phase-transitions`, { token: admin, body: { to: 'submission', reason: 'Vroeg beginnen' } });
    expect([early.status, early.body.code, (early.body.details as Record<string, unknown>).opensOn]).toEqual([409, 'ROUND.PHASE_NOT_OPEN', '2026-02-01']);
    await tick(api!);
    expect((await roundEvents(roundId)).length).toBe(before);

    now = new Date('2026-02-01T07:00:00.000Z');
    await tick(api!);
    await tick(api!);
    expect(await phases(roundId)).toEqual(['planned→submission']);
    const opened = (await roundEvents(roundId)).find((e) => e.type === 'RoundPhaseAdvanced')!;
    expect(opened.data).toMatchObject({ reason: 'Volgens de planning: submission opent op 2026-02-01', decision: null, at: '2026-02-01T07:00:00.000Z' });
    expect(opened.metadata).toMatchObject({ actor: 'round-clock', role: 'system', tenant: TENANT });
    expect((await roundEvents(roundId)).map((e) => e.type)).toContain('SubmissionOpened');
  });

  it('keeps the residents\' window open against an early staff step, and moves on when it has closed', async () => {
    const [api] = apis;
    now = new Date('2026-02-20T09:00:00.000Z');
    const before = (await roundEvents(roundId)).length;
    const early = await call(api!.url, 'POST', `/rounds/${roundId}/phase-transitions`, { token: admin, body: { to: 'support', reason: 'Genoeg plannen' } });
    expect([early.status, early.body.code, (early.body.details as Record<string, unknown>).closesOn]).toEqual([409, 'ROUND.PHASE_STILL_OPEN', '2026-02-28']);
    expect((await roundEvents(roundId)).length).toBe(before);

    now = new Date('2026-03-20T09:00:00.000Z');
    await tick(api!);
    expect(await phases(roundId)).toEqual(['planned→submission', 'submission→support', 'support→feasibility']);
  });

  it('opens the vote exactly once when two api processes look at the same time', async () => {
    const [first] = apis;
    const second = await start();
    now = new Date('2026-06-01T06:00:00.000Z');
    await Promise.all([tick(first!), tick(second)]);
    await Promise.all([tick(first!), tick(second)]);
    expect((await phases(roundId)).slice(-1)).toEqual(['feasibility→voting']);
    expect((await roundEvents(roundId)).filter((e) => e.type === 'RoundRulesFrozen')).toHaveLength(1);
    const box = await call(first!.url, 'GET', `/rounds/${roundId}/ballot-box`, { token: admin });
    expect(box.body).toMatchObject({ phase: 'open' });
  });

  it('refuses a ballot and a sign-in once the voting window has closed, before the clock has moved the round on', async () => {
    const [api] = apis;
    now = new Date('2026-06-10T10:00:00.000Z');
    const printed = await fetch(`${api!.url}/rounds/${roundId}/voting-codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ count: 2, area: 'WK036301', ageBand: '18-64' }),
    });
    expect(printed.status).toBe(201);
    const [early, late] = (await printed.text()).trim().split('\n').slice(1).map((line) => line.split(',')[0]!);
    await api!.app.get(Reactors).caughtUp(20_000);
    const session = await call(api!.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: early } });
    expect(session.status).toBe(201);

    // Half past midnight in Amsterdam on 15 June: the window closed at the end of 14 June; no tick yet.
    now = new Date('2026-06-14T22:30:00.000Z');
    const before = (await store.readAll({ maxCount: 100_000 })).length;
    const ballot = await call(api!.url, 'POST', `/rounds/${roundId}/ballots`, { token: session.body.token as string, body: { type: 'approval', choices: [plans.get(roundId)] } });
    expect([ballot.status, ballot.body.code, (ballot.body.details as Record<string, unknown>).closedOn]).toEqual([409, 'BALLOT.VOTING_CLOSED', '2026-06-14']);
    const signIn = await call(api!.url, 'POST', `/rounds/${roundId}/voter-sessions`, { body: { code: late } });
    expect([signIn.status, signIn.body.code]).toEqual([409, 'BALLOT.VOTING_CLOSED']);
    expect((await store.readAll({ maxCount: 100_000 })).length).toBe(before);
    expect((await phases(roundId)).slice(-1)).toEqual(['feasibility→voting']);
  });

  it('catches up after the process was down across the opening and the closing of the vote', async () => {
    for (const api of apis.splice(0)) await api.close();
    // Down from 1 June until 20 June: the vote of the second round opened and closed meanwhile.
    now = new Date('2026-06-20T08:00:00.000Z');
    const api = await start();
    admin = await api.token('administrator', TENANT, 'staff-admin');
    await tick(api);
    expect(await phases(asleep)).toEqual(['planned→submission', 'submission→support', 'support→feasibility', 'feasibility→voting', 'voting→counting']);
    expect((await phases(roundId)).slice(-1)).toEqual(['voting→counting']);
    // Each step recorded when it was taken, saying which scheduled moment it followed.
    const closing = (await roundEvents(asleep)).filter((e) => e.type === 'RoundPhaseAdvanced').at(-1)!;
    expect(closing.data).toMatchObject({ reason: 'Volgens de planning: voting sloot op 2026-06-14', at: '2026-06-20T08:00:00.000Z' });
    const box = await call(api.url, 'GET', `/rounds/${asleep}/ballot-box`, { token: admin });
    expect(box.body).toMatchObject({ phase: 'closed' });
    // Nothing more is due: another look appends nothing.
    const count = (await roundEvents(asleep)).length;
    await tick(api);
    expect((await roundEvents(asleep)).length).toBe(count);
  });
});
