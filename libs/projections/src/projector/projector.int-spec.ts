import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore, type RecordedEvent } from '@lib/event-store';
import { ALL_PROJECTIONS } from '../read-models.js';
import type { Projection } from '../projection.js';
import type { ReadModelDatabase } from '../read-model-database.js';
import { planProjection } from '../plans/plan.projection.js';
import { roundOverviewProjection } from '../rounds/round-overview.projection.js';
import { given, openTestReadModels, project, rebuiltSnapshot, rowsOf, snapshot, type TestReadModels } from '../testing/read-models.given.js';
import { budgetEstablished, phaseAdvanced, planSubmitted, proposalEvent, roundEvent, roundPlanned, verdictGiven } from '../testing/read-models.fixtures.js';
import { CheckpointMovedError } from './checkpoint.js';
import { InProcessLock } from './projection-lock.js';
import { ProjectionRunner } from './projection-runner.js';
import { Projector } from './projector.js';

async function aRoundWithPlans(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore({ pollIntervalMs: 10 });
  await given(store, [
    budgetEstablished(),
    roundPlanned(),
    phaseAdvanced('planned', 'submission', '2026-03-01T08:00:00.000Z'),
    ...['p-1', 'p-2', 'p-3', 'p-4'].map((id) => planSubmitted(id)),
    ...['p-1', 'p-2', 'p-3', 'p-4'].map((id, i) => proposalEvent(id, 'ProposalSupported', { supporterRef: `s-${i}`, supportCount: 1, at: '2026-03-06T10:00:00.000Z' })),
    verdictGiven('p-1', 'c-cost', 'met', 'Binnen het maximum'),
    verdictGiven('p-2', 'c-cost', 'not_met', 'Te duur'),
    proposalEvent('p-1', 'ProposalSelected', { reason: 'Gekozen', at: '2026-05-20T10:00:00.000Z' }),
    roundEvent('FundsCommitted', { proposalId: 'p-1', amountCents: 1_000_000, areaCode: null, committedCents: 1_000_000, at: '2026-05-20T10:00:00.000Z' }),
  ]);
  return store;
}

describe('the projector', () => {
  let rm: TestReadModels;
  beforeAll(async () => {
    rm = await openTestReadModels();
  });
  afterAll(async () => {
    await rm.cleanup();
  });
  const reset = async () => rm.db.read((m) => m.query(`TRUNCATE ${rm.db.schema}.projection_checkpoint`));

  it('changes nothing when events are delivered again, and refuses to write behind a checkpoint another runner moved', async () => {
    await reset();
    const store = await aRoundWithPlans();
    await project(store, rm.db, ALL_PROJECTIONS);
    const before = await snapshot(rm.db, ALL_PROJECTIONS);
    const all = await store.readAll({ maxCount: 1000 });
    const [checkpoint] = await rm.db.read((m) => m.query<{ position: string }[]>(`SELECT position FROM ${rm.db.schema}.projection_checkpoint WHERE name = 'plans'`));

    // A runner resuming at the checkpoint gets every event again: none is applied twice.
    const resumed = new ProjectionRunner(planProjection, { store, db: rm.db, lock: new InProcessLock() });
    const [commit, prepare] = checkpoint!.position.split('/');
    resumed.position = { commit: BigInt(commit!), prepare: BigInt(prepare!) };
    await resumed.commit(all.filter((e) => planProjection.canHandle.includes(e.type)));
    expect(await snapshot(rm.db, ALL_PROJECTIONS)).toEqual(before);

    // A runner that believes it is further back than the stored checkpoint is stopped before it writes.
    const stale = new ProjectionRunner(planProjection, { store, db: rm.db, lock: new InProcessLock() });
    await expect(stale.commit(all)).rejects.toBeInstanceOf(CheckpointMovedError);
    expect(await snapshot(rm.db, ALL_PROJECTIONS)).toEqual(before);
    expect(before).toEqual(await rebuiltSnapshot(store, ALL_PROJECTIONS));
  });

  it('after a crash between the rows and the checkpoint, starts again from the checkpoint and ends equal to a rebuild', async () => {
    await reset();
    const store = await aRoundWithPlans();
    let crashes = 0;
    const projector = new Projector({
      store,
      db: rm.db,
      projections: ALL_PROJECTIONS,
      batchSize: 3,
      lockRetryMs: 10,
      faults: {
        beforeCheckpoint: () => {
          // The connection dies after the rows were written and before the checkpoint moved (twice).
          if (crashes < 2) {
            crashes++;
            throw Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });
          }
        },
      },
    }).start();
    try {
      const statuses = await projector.settled();
      expect(statuses.map((s) => s.status)).toEqual(ALL_PROJECTIONS.map(() => 'running'));
    } finally {
      await projector.stop();
    }
    expect(crashes).toBe(2);
    expect(await snapshot(rm.db, ALL_PROJECTIONS)).toEqual(await rebuiltSnapshot(store, ALL_PROJECTIONS));
  });

  it('stops a projection at the event it cannot handle, commits the events before it, records stream and position, and never skips it', async () => {
    await reset();
    const store = new InMemoryEventStore({ pollIntervalMs: 10 });
    await given(store, [planSubmitted('p-1'), planSubmitted('p-bad'), planSubmitted('p-3')]);
    const fragile: Projection = {
      ...planProjection,
      name: 'fragile-plans',
      async handle(events: readonly RecordedEvent[], context) {
        if (events.some((e) => (e.data as { proposalId: string }).proposalId === 'p-bad')) throw new Error('cannot project p-bad');
        await planProjection.handle(events, context);
      },
    };
    const errors: string[] = [];
    const projector = new Projector({ store, db: rm.db, projections: [fragile], lockRetryMs: 10, logger: { info: () => undefined, error: (m) => errors.push(m) } }).start();
    let statuses;
    try {
      statuses = await projector.settled();
    } finally {
      await projector.stop();
    }
    const bad = (await store.readStream('Proposal-p-bad'))[0]!;
    const [status] = statuses;
    expect(status).toMatchObject({
      projection: 'fragile-plans',
      status: 'failed',
      eventsHandled: 1,
      lagEvents: 2,
      lagEventsCapped: false,
      failure: { stream: 'Proposal-p-bad', position: `${bad.position.commit}/${bad.position.prepare}`, eventType: 'ProposalSubmitted', error: 'cannot project p-bad' },
    });
    expect(projector.runner('fragile-plans').state).toBe('failed');
    expect(errors).toEqual([`projection fragile-plans stopped at Proposal-p-bad@${bad.position.commit}/${bad.position.prepare} (ProposalSubmitted): cannot project p-bad`]);
    expect((await rowsOf(rm.db, 'plan')).map((p) => p.proposal_id)).toEqual(['p-1']);
    await rm.db.read((m) => m.query(`TRUNCATE ${rm.db.schema}.plan`));
  });

  it('rebuilds a projection whose version was bumped: its tables are emptied and every event replayed', async () => {
    await reset();
    const store = await aRoundWithPlans();
    await project(store, rm.db, [planProjection]);
    await rm.db.read((m) => m.query(`UPDATE ${rm.db.schema}.plan SET title = 'tampered'`));
    const bumped = planProjection.version + 1;
    await project(store, rm.db, [{ ...planProjection, version: bumped }]);
    const plans = await rowsOf(rm.db, 'plan', 'proposal_id');
    expect(plans.map((p) => p.title)).toEqual(['Plan p-1', 'Plan p-2', 'Plan p-3', 'Plan p-4']);
    const [checkpoint] = await rm.db.read((m) => m.query<{ version: number; events_handled: string }[]>(`SELECT version, events_handled FROM ${rm.db.schema}.projection_checkpoint WHERE name = 'plans'`));
    expect({ version: checkpoint!.version, events: Number(checkpoint!.events_handled) }).toEqual({ version: bumped, events: 11 });
  });

  it('commits a batch for several projections in one transaction: rows and every checkpoint, events handled counted per projection', async () => {
    await reset();
    const store = await aRoundWithPlans();
    const transactions: string[][] = [];
    // Counts the transactions that wrote a checkpoint, and which projections' checkpoints each moved.
    const counted: ReadModelDatabase = {
      ...rm.db,
      transaction: (work) =>
        rm.db.transaction(async (manager) => {
          const moved: string[] = [];
          const spy = new Proxy(manager, {
            get(target, key) {
              const value = Reflect.get(target, key, target) as unknown;
              if (key !== 'query') return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
              return async (sql: string, parameters?: unknown[]) => {
                if (/UPDATE .*projection_checkpoint c SET position/s.test(sql)) moved.push(...(JSON.parse(String(parameters![0])) as { name: string }[]).map((a) => a.name));
                return target.query(sql, parameters);
              };
            },
          });
          const result = await work(spy);
          if (moved.length > 0) transactions.push(moved.sort());
          return result;
        }),
    };
    const projections = [planProjection, roundOverviewProjection];
    const projector = new Projector({ store, db: counted, projections, lockRetryMs: 10 }).start();
    try {
      await projector.settled();
    } finally {
      await projector.stop();
    }
    // The backlog (15 events, fewer than a batch) is one transaction moving both checkpoints to the last event.
    expect(transactions).toEqual([['plans', 'round-overview']]);
    const all = await store.readAll({ maxCount: 1000 });
    const last = all[all.length - 1]!.position;
    const rows = await rm.db.read((m) => m.query<{ name: string; position: string; events_handled: string }[]>(`SELECT name, position, events_handled FROM ${rm.db.schema}.projection_checkpoint ORDER BY name`));
    expect(rows.map((r) => ({ name: r.name, position: r.position, events: Number(r.events_handled) }))).toEqual(
      projections
        .map((p) => ({ name: p.name, position: `${last.commit}/${last.prepare}`, events: all.filter((e) => p.canHandle.includes(e.type)).length }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(await snapshot(rm.db, projections)).toEqual(await rebuiltSnapshot(store, projections));
  });

  it('a failed projection is tried again from its checkpoint when the projector is started again: the event it stopped at is projected, none twice', async () => {
    await reset();
    const store = new InMemoryEventStore({ pollIntervalMs: 10 });
    await given(store, [planSubmitted('p-1'), planSubmitted('p-bad'), planSubmitted('p-3')]);
    let broken = true;
    const handled: string[] = [];
    const fragile: Projection = {
      ...planProjection,
      name: 'fragile-plans',
      async handle(events: readonly RecordedEvent[], context) {
        const ids = events.map((e) => (e.data as { proposalId: string }).proposalId);
        if (broken && ids.includes('p-bad')) throw new Error('cannot project p-bad');
        await planProjection.handle(events, context);
        handled.push(...ids);
      },
    };
    const projector = new Projector({ store, db: rm.db, projections: [fragile], lockRetryMs: 10 }).start();
    let failed;
    let resumed;
    try {
      failed = await projector.settled();
      await projector.stop();
      // The cause mended (a fixed release, a row repaired): started again, the projector takes the projection up at the event it stopped at.
      broken = false;
      projector.start();
      resumed = await projector.settled();
    } finally {
      await projector.stop();
    }
    expect(failed.map((s) => [s.status, s.eventsHandled, s.failure?.stream ?? null])).toEqual([['failed', 1, 'Proposal-p-bad']]);
    expect(resumed.map((s) => [s.status, s.eventsHandled, s.lagEvents, s.failure])).toEqual([['running', 3, 0, null]]);
    expect(projector.runner('fragile-plans').failure).toBeNull();
    // Committed once each: p-1 before the failure, p-bad and p-3 after the restart.
    expect([...handled].sort()).toEqual(['p-1', 'p-3', 'p-bad']);
    expect((await rowsOf(rm.db, 'plan', 'proposal_id')).map((p) => p.proposal_id)).toEqual(['p-1', 'p-3', 'p-bad']);
    await rm.db.read((m) => m.query(`TRUNCATE ${rm.db.schema}.plan`));
  });

  it('a projection that fails stops alone: the others commit every event, before and after the failing one', async () => {
    await reset();
    const store = new InMemoryEventStore({ pollIntervalMs: 10 });
    await given(store, [budgetEstablished(), roundPlanned(), planSubmitted('p-1'), planSubmitted('p-bad'), planSubmitted('p-3')]);
    const fragile: Projection = {
      ...roundOverviewProjection,
      name: 'fragile-rounds',
      canHandle: [...roundOverviewProjection.canHandle, 'ProposalSubmitted'],
      async handle(events: readonly RecordedEvent[], context) {
        if (events.some((e) => (e.data as { proposalId?: string }).proposalId === 'p-bad')) throw new Error('cannot project p-bad');
        await roundOverviewProjection.handle(
          events.filter((e) => e.type !== 'ProposalSubmitted'),
          context,
        );
      },
    };
    const projector = new Projector({ store, db: rm.db, projections: [fragile, planProjection], lockRetryMs: 10 }).start();
    let statuses;
    try {
      statuses = await projector.settled();
      // Later events still reach the projection that did not fail.
      await given(store, [planSubmitted('p-4')]);
      statuses = await projector.settled();
    } finally {
      await projector.stop();
    }
    const bad = (await store.readStream('Proposal-p-bad'))[0]!;
    expect(statuses.map((s) => [s.projection, s.status, s.failure?.stream ?? null, s.failure?.position ?? null])).toEqual([
      ['fragile-rounds', 'failed', 'Proposal-p-bad', `${bad.position.commit}/${bad.position.prepare}`],
      ['plans', 'running', null, null],
    ]);
    expect(statuses.map((s) => s.eventsHandled)).toEqual([3, 4]);
    expect(projector.runner('fragile-rounds').state).toBe('failed');
    expect((await rowsOf(rm.db, 'plan', 'proposal_id')).map((p) => p.proposal_id)).toEqual(['p-1', 'p-3', 'p-4', 'p-bad']);
    await rm.db.read((m) => m.query(`TRUNCATE ${[...planProjection.tables, ...roundOverviewProjection.tables].map((t) => `${rm.db.schema}."${t}"`).join(', ')}`));
  });

  it('a standby takes over when the projector holding the locks stops, and goes on from its checkpoints', async () => {
    await reset();
    const store = await aRoundWithPlans();
    const lock = new InProcessLock();
    const active = new Projector({ store, db: rm.db, projections: ALL_PROJECTIONS, lock, lockRetryMs: 10 }).start();
    const standby = new Projector({ store, db: rm.db, projections: ALL_PROJECTIONS, lock, lockRetryMs: 10 }).start();
    try {
      await active.settled();
      expect(standby.runners.map((r) => r.state)).toEqual(ALL_PROJECTIONS.map(() => 'waiting-for-lock'));
      const handled = (await active.statuses()).map((s) => s.eventsHandled);
      // The active one goes away (its locks with it); more events arrive.
      await active.stop();
      await given(store, [planSubmitted('p-5'), proposalEvent('p-5', 'ProposalSupported', { supporterRef: 's-5', supportCount: 1, at: '2026-03-06T11:00:00.000Z' })]);
      const statuses = await standby.settled();
      expect(statuses.map((s) => s.status)).toEqual(ALL_PROJECTIONS.map(() => 'running'));
      expect(statuses.find((s) => s.projection === 'plans')!.eventsHandled).toBe(handled[ALL_PROJECTIONS.findIndex((p) => p.name === 'plans')]! + 2);
      expect(standby.runners.every((r) => r.state === 'live' || r.state === 'catching-up')).toBe(true);
    } finally {
      await standby.stop();
      await active.stop();
    }
    expect(await snapshot(rm.db, ALL_PROJECTIONS)).toEqual(await rebuiltSnapshot(store, ALL_PROJECTIONS));
  });
});
