import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { comparePositions, createEsdbEventStore, type EsdbEventStore, type EsdbReconnectInfo, EventStoreUnavailableError, parsePosition } from '@lib/event-store';
import { ALL_PROJECTIONS, openReadModels, type ProjectionStatus, Projector, type ReadModelDatabase, rebuild } from '@lib/projections';
import { aBurgerbegrotingFrame, COUNCIL_DECISION } from '../../libs/budgeting/src/budget/testing/budget.given.js';
import { openTestReadModels, snapshot, type TestReadModels } from '../../libs/projections/src/testing/read-models.given.js';
import { EsdbDouble } from '../esdb-double/esdb-double.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Writes real domain events through the api (over real HTTP) into the store: per unit a budget, a
 * round opened for submission, plans, support and feasibility verdicts. While the store is down the
 * api answers 503; the writer then retries the step. An append that reached the server before it died
 * may be answered 503 too: a retry then creates one more budget or plan (fine: the comparison is with
 * whatever the store holds), and a step that says "already done" (409) after a 503 counts as done.
 */
class Writer {
  units = 0;
  unavailable = 0;
  error: unknown = null;
  private stopping = false;
  private paused: Promise<void> | null = null;
  private resumeWriting: (() => void) | null = null;
  private unitDone: (() => void) | null = null;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly api: TestApi,
    private readonly tokens: { admin: string; reviewer: string },
  ) {}

  async unit(n: number): Promise<void> {
    const { admin, reviewer } = this.tokens;
    const budget = await this.step(admin, 'POST', '/budgets', { ...aBurgerbegrotingFrame(), title: `Wijkbudget ${n}`, decision: COUNCIL_DECISION });
    const round = await this.step(admin, 'POST', '/rounds', { budgetId: budget.body.id, year: 2026, schedule: [] });
    const roundId = round.body.id as string;
    await this.step(admin, 'POST', `/rounds/${roundId}/phase-transitions`, { to: 'submission', reason: 'Volgens planning' });
    for (let p = 0; p < 3; p++) {
      const plan = await this.step(admin, 'POST', `/rounds/${roundId}/proposals`, {
        areaId: p % 2 === 0 ? 'WK036301' : 'WK036302',
        themeId: 'spelen',
        title: `Plan ${n}.${p}`,
        summary: 'Nieuwe speeltoestellen en een bankje bij de vijver',
        costEstimate: { investmentCents: 1_000_000 + p * 250_000, maintenancePerYearCents: 50_000, maintenanceYears: 5 },
      });
      const planId = plan.body.id as string;
      await this.step(admin, 'POST', `/proposals/${planId}/support`, { supporterRef: `ps-${n}-${p}-a` });
      await this.step(reviewer, 'POST', `/proposals/${planId}/verdicts`, { criterionId: 'one-year', outcome: p === 2 ? 'not_met' : 'met', reason: `Toets ${n}.${p}` });
    }
    await this.step(admin, 'POST', `/rounds/${roundId}/phase-transitions`, { to: 'support', reason: 'Steunfase' });
    this.units += 1;
  }

  /** Writes units in the background until `stop()`. */
  start(): void {
    this.loop = (async () => {
      try {
        while (!this.stopping) {
          if (this.paused) {
            this.unitDone?.();
            await this.paused;
          }
          await this.unit(this.units);
        }
      } catch (error) {
        this.error = error;
      } finally {
        this.unitDone?.();
      }
    })();
  }

  /** Resolves once the unit being written is complete; no new one starts until `resume()`. */
  async pause(): Promise<void> {
    this.paused = new Promise((resolve) => (this.resumeWriting = resolve));
    await new Promise<void>((resolve) => (this.unitDone = resolve));
    if (this.error) throw this.error;
  }

  resume(): void {
    this.paused = null;
    this.unitDone = null;
    this.resumeWriting?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop;
    if (this.error) throw this.error;
  }

  async waitForUnits(count: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.units < count) {
      if (this.error) throw this.error;
      if (Date.now() > deadline) throw new Error(`The writer did only ${this.units} of ${count} units in ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  private async step(token: string, method: string, path: string, body: unknown): Promise<Answer> {
    let retried = false;
    for (let attempt = 0; attempt < 200; attempt++) {
      const response = await fetch(`${this.api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      const answer = { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      if (answer.status >= 200 && answer.status < 300) return answer;
      if (answer.status === 503) {
        this.unavailable += 1;
        retried = true;
        await sleep(50);
        continue;
      }
      if (retried && answer.status === 409) return answer;
      throw new Error(`${method} ${path} answered ${answer.status}: ${text}`);
    }
    throw new Error(`${method} ${path}: the store stayed unavailable`);
  }
}

/** The read-model database with a pause before each transaction: keeps the projector behind the writer, so the kill lands mid-catch-up. */
function slowed(db: ReadModelDatabase, ms: number): ReadModelDatabase {
  return { ...db, transaction: async (work) => (await sleep(ms), db.transaction(work)) };
}

/** Read models in a second schema of the same database: a fresh PostgreSQL schema, or another schema in the same PGlite. */
async function secondSchema(live: TestReadModels): Promise<{ db: ReadModelDatabase; cleanup(): Promise<void> }> {
  if (!live.pglite) return openTestReadModels();
  const db = await openReadModels({ pglite: live.pglite, schema: 'read_model_rebuilt' });
  return { db, cleanup: () => db.close() };
}

/** Waits until every projection has caught up; a store call that fails right after a restart is tried again. */
async function settled(projector: Projector, timeoutMs = 30_000): Promise<ProjectionStatus[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await projector.settled(Math.max(1, deadline - Date.now()));
    } catch (error) {
      if (!(error instanceof EventStoreUnavailableError) || Date.now() > deadline) throw error;
    }
  }
}

/** What the checkpoint table says per projection, without times (a rebuild commits at other moments). */
async function checkpoints(db: ReadModelDatabase): Promise<{ name: string; version: number; position: string; events: number; status: string }[]> {
  const rows = await db.read((m) =>
    m.query<{ name: string; version: number; position: string; events_handled: string; status: string }[]>(
      `SELECT name, version, position, events_handled, status FROM ${db.schema}.projection_checkpoint ORDER BY name`,
    ),
  );
  return rows.map((r) => ({ name: r.name, version: r.version, position: r.position, events: Number(r.events_handled), status: r.status }));
}

/**
 * The projector (all projections, read models in PGlite, or PostgreSQL with DATABASE_URL) follows the
 * EventStoreDB adapter over the gRPC test double while the api appends real domain events through the
 * same adapter. The double is killed while the projector is still catching up and the writer is
 * writing, started again on the same port with the same data, then killed and restarted once more
 * while the projector is live. In the end every read-model table equals a rebuild from scratch.
 */
describe('the projector on EventStoreDB (test double): killed and restarted mid-subscription', () => {
  const double = new EsdbDouble();
  let store: EsdbEventStore;
  let api: TestApi;
  let live: TestReadModels;
  let second: { db: ReadModelDatabase; cleanup(): Promise<void> } | undefined;
  let projector: Projector | undefined;
  const reconnects: EsdbReconnectInfo[] = [];

  beforeAll(async () => {
    await double.start();
    store = createEsdbEventStore({
      connectionString: double.connectionString(),
      // The production default: the double, the api, the projector and PGlite share this process's CPU, and a
      // filtered readAll pages through $all on the client (lag checks run seven of them at once).
      deadlineMs: 5000,
      subscription: { initialBackoffMs: 50, maxBackoffMs: 250, onReconnect: (info) => reconnects.push(info) },
    });
    api = await startTestApi(store);
    // The 503s during the kills are expected here: keep their error logs out of the test output.
    api.app.useLogger(false);
    live = await openTestReadModels();
  }, 60_000);

  afterAll(async () => {
    await projector?.stop();
    await api?.close();
    await store?.close();
    await double.stop();
    await second?.cleanup();
    await live?.cleanup();
  }, 60_000);

  it('resumes after each kill and ends with every read model equal to a rebuild from scratch', async () => {
    const writer = new Writer(api, { admin: await api.token('administrator', undefined, 'staff-admin'), reviewer: await api.token('reviewer', undefined, 'staff-reviewer') });
    // A backlog before the projector starts.
    for (let n = 0; n < 4; n++) await writer.unit(n);
    writer.start();
    projector = new Projector({ store, db: slowed(live.db, 40), projections: ALL_PROJECTIONS, batchSize: 4, lockRetryMs: 50 }).start();

    // Kill 1: the projector has committed some events and is still behind; the writer is writing.
    let behind: { projection: string; eventsHandled: number; lagEvents: number } | undefined;
    for (const deadline = Date.now() + 20_000; !behind; await sleep(10)) {
      if (Date.now() > deadline) throw new Error('The projector never got going');
      behind = (await projector.statuses()).find((s) => s.eventsHandled > 0 && s.lagEvents > 0);
    }
    const unitsAtKill = writer.units;
    const unavailableBefore = writer.unavailable;
    await double.stop();
    const handledAtKill = await checkpoints(live.db);
    // The server stays down until a command has met it down (at least 500 ms): a command may be waiting
    // for its reactors rather than calling the store at the moment of the kill.
    await sleep(500);
    for (const deadline = Date.now() + 15_000; writer.unavailable === unavailableBefore && Date.now() < deadline; ) await sleep(20);
    await double.start();

    // Kill 2 while live, after more writing: let the projector catch up, then write on and kill again.
    await writer.waitForUnits(unitsAtKill + 2);
    await writer.pause();
    await settled(projector);
    writer.resume();
    await writer.waitForUnits(writer.units + 1);
    await double.restart();
    await writer.waitForUnits(writer.units + 2);
    await writer.stop();

    const statuses = await settled(projector);
    expect(statuses.map((s) => [s.projection, s.status, s.lagEvents])).toEqual(ALL_PROJECTIONS.map((p) => [p.name, 'running', 0]));
    await projector.stop();
    projector = undefined;

    // The kills happened mid-way: the projector was behind, commands met a dead server, subscriptions reconnected.
    expect(behind.lagEvents).toBeGreaterThan(0);
    expect(handledAtKill.some((c) => c.events > 0)).toBe(true);
    expect(writer.unavailable).toBeGreaterThan(0);
    // The projector follows $all with one subscription for all its projections: it reconnected after each kill.
    expect(reconnects.length).toBeGreaterThanOrEqual(2);

    const all = await store.readAll({ maxCount: 1_000_000 });
    const types = new Set(all.map((e) => e.type));
    for (const type of ['BudgetEstablished', 'RoundPlanned', 'RoundPhaseAdvanced', 'ProposalSubmitted', 'ProposalSupported', 'ProposalFeasibilityVerdictGiven']) expect(types).toContain(type);

    // A rebuild from scratch into a second schema (beside the live one), from the same store.
    second = await secondSchema(live);
    await rebuild({ store, db: second.db, projections: ALL_PROJECTIONS });
    const projected = await snapshot(live.db, ALL_PROJECTIONS);
    const rebuilt = await snapshot(second.db, ALL_PROJECTIONS);
    expect(Object.keys(projected).sort()).toEqual(ALL_PROJECTIONS.flatMap((p) => p.tables).sort());
    // At least what the writer completed (a retried append may have added one more budget or plan).
    expect(projected.budget_overview!.length).toBeGreaterThanOrEqual(writer.units);
    expect(projected.plan!.length).toBeGreaterThanOrEqual(3 * writer.units);
    for (const table of Object.keys(rebuilt)) expect({ table, rows: projected[table] }).toEqual({ table, rows: rebuilt[table] });
    // Every event was handled exactly once: the same counts as the rebuild. A checkpoint stands at or past the
    // rebuild's: the projector moves every projection's checkpoint to its batch's last event, past events it does not handle.
    const [liveCheckpoints, rebuiltCheckpoints] = [await checkpoints(live.db), await checkpoints(second.db)];
    const withoutPosition = (list: typeof liveCheckpoints) => list.map(({ position: _position, ...rest }) => rest);
    expect(withoutPosition(liveCheckpoints)).toEqual(withoutPosition(rebuiltCheckpoints));
    const behindRebuild = liveCheckpoints.filter(
      (c, i) => rebuiltCheckpoints[i]!.position !== null && (c.position === null || comparePositions(parsePosition(c.position), parsePosition(rebuiltCheckpoints[i]!.position)) < 0),
    );
    expect(behindRebuild).toEqual([]);
  }, 120_000);
});
