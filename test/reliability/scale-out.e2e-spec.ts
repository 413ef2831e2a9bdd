import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { comparePositions, createEsdbEventStore, createPostgresEventStore, type EsdbEventStore, type EventStore, parsePosition } from '@lib/event-store';
import { chainEvents, GENESIS_HASH } from '@lib/es';
import { ALL_PROJECTIONS, openReadModels, projectionStatuses, type ReadModelDatabase, rebuild } from '@lib/projections';
import { aBurgerbegrotingFrame, COUNCIL_DECISION } from '../../libs/budgeting/src/budget/testing/budget.given.js';
import { call } from '../../libs/budgeting/src/budget/testing/http.js';
import { anAdmittedPlan } from '../../libs/budgeting/src/proposal/testing/proposal.given.js';
import { snapshot } from '../../libs/projections/src/testing/read-models.given.js';
import { freePort } from '../support/pg-cluster.js';
import { type AppProcess, spawnScript } from './support/app-process.js';
import { type BallotRound, ballotRequest, TENANT } from './support/ballot-workload.js';
import { type Cluster, type Member, startCluster } from './support/cluster.js';
import { ballotStreams, openVotingAt } from './support/fixture.js';
import { eventually, type Outcome, send, startLoad } from './support/load.js';
import { unanswered, VoterQueue } from './support/voters.js';

/** Voters per fault test; tokens [0, LOAD) for the projector kill, [LOAD, 2·LOAD) for the api kill, one more for the storm, and a code that has not signed in. */
const LOAD = 250;
const STORM_VOTER = 2 * LOAD;
const SPARE_CODE = STORM_VOTER + 1;

/** What the checkpoint table says per projection, without times (a rebuild commits at other moments). */
async function checkpoints(db: ReadModelDatabase): Promise<{ name: string; version: number; position: string; events: number; status: string }[]> {
  const rows = await db.read((m) =>
    m.query<{ name: string; version: number; position: string; events_handled: string; status: string }[]>(
      `SELECT name, version, position, events_handled, status FROM ${db.schema}.projection_checkpoint ORDER BY name`,
    ),
  );
  return rows.map((r) => ({ name: r.name, version: r.version, position: r.position, events: Number(r.events_handled), status: r.status }));
}

/** Per answer: which api process gave it (the proxy's X-Upstream), counted. */
function byUpstream(outcomes: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) if (o.headers['x-upstream']) counts[o.headers['x-upstream']] = (counts[o.headers['x-upstream']] ?? 0) + 1;
  return counts;
}

/**
 * 1,000 ballots at once with one voter token through the proxy; answers the tally of the (final) answers by status
 * and code, which processes answered, and how many attempts got no answer (0, 502, 503) and were sent again when
 * `retry` says so, as a voter's client would.
 */
async function storm(cluster: Cluster, round: BallotRound, token: string, retry = false): Promise<{ tally: Record<string, number>; upstreams: string[]; resent: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let resent = 0;
  const answered: Outcome[] = [];
  const cast = async (i: number): Promise<Outcome> => {
    for (let attempt = 1; ; attempt++) {
      const outcome = await send(cluster.url, ballotRequest(round, token, i), agent, 120_000);
      answered.push(outcome);
      if (!retry || !unanswered(outcome.status) || attempt === 50) return outcome;
      resent++;
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 300));
    }
  };
  const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => cast(i)));
  agent.destroy();
  const tally: Record<string, number> = {};
  for (const a of answers) tally[`${a.status} ${String(a.body?.code ?? '')}`] = (tally[`${a.status} ${String(a.body?.code ?? '')}`] ?? 0) + 1;
  return { tally, upstreams: Object.keys(byUpstream(answered)).sort(), resent };
}

/**
 * Three api processes behind a round-robin proxy and two projector processes (one active, one
 * standby) on one private PostgreSQL: one code cannot vote twice whichever process it reaches, the
 * standby projector takes over from a killed one without a row too many or too few, and kill -9 of
 * an api process loses no acknowledged ballot while its reactors move to another process.
 */
describe('scale-out: 3 api processes behind a proxy, 2 projectors, one PostgreSQL (child processes)', () => {
  let cluster: Cluster;
  let store: EventStore;
  let live: ReadModelDatabase;
  let round: BallotRound;
  let tokens: string[];
  let codes: string[];
  let admin: string;

  beforeAll(async () => {
    cluster = await startCluster({ apis: 3, projectors: 2 });
    store = await createPostgresEventStore({ connectionString: cluster.pg.url, poolSize: 2 });
    live = await openReadModels({ url: cluster.pg.url, poolSize: 2 });
    admin = await cluster.token('administrator');
    ({ round, codes, tokens } = await openVotingAt({ store, apiUrl: cluster.url, token: cluster.token }, SPARE_CODE + 1, SPARE_CODE));
  }, 240_000);
  afterAll(async () => {
    await live?.close();
    await store?.close();
    await cluster?.close();
  }, 60_000);

  it('1,000 concurrent ballots with one code through the proxy: one 201, 999 × 409 BALLOT.ALREADY_CAST from all three processes, one BallotCast stored', async () => {
    expect(await storm(cluster, round, tokens[STORM_VOTER]!)).toEqual({ tally: { '201 ': 1, '409 BALLOT.ALREADY_CAST': 999 }, upstreams: ['api-1', 'api-2', 'api-3'], resent: 0 });
    expect((await ballotStreams(cluster.sql, round.roundId)).map((s) => s.types)).toEqual([['BallotCast']]);
  }, 180_000);

  it('the sign-in limits count once for all three processes: the sixth try with one code and the 31st from one address are refused, whichever process they reach', async () => {
    const signIn = (code: string, from: string) => send(cluster.url, { method: 'POST', path: `/rounds/${round.roundId}/voter-sessions`, body: { code }, headers: { 'x-forwarded-for': from } });
    const tries = async (n: number, code: (i: number) => string, from: string) => {
      const answers: Outcome[] = [];
      // One after another: the proxy's round robin spreads them over the three processes.
      for (let i = 0; i < n; i++) answers.push(await signIn(code(i), from));
      return answers;
    };
    const shown = (answers: Outcome[]) => answers.map((a) => `${a.status} ${String(a.body?.code ?? '')}`);

    // A wrong code, six times: five refusals, then the limit.
    const wrong = await tries(7, () => 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', '198.51.100.1');
    expect(shown(wrong)).toEqual([...Array<string>(5).fill('403 VOTER_SESSION.UNKNOWN_CODE'), '429 VOTER_SESSION.RATE_LIMITED', '429 VOTER_SESSION.RATE_LIMITED']);
    expect(Object.keys(byUpstream(wrong)).sort()).toEqual(['api-1', 'api-2', 'api-3']);

    // The right code: five sign-ins on all three processes, then it is refused too, on the next process as well.
    const right = await tries(7, () => codes[SPARE_CODE]!, '198.51.100.2');
    expect(shown(right)).toEqual([...Array<string>(5).fill('201 '), '429 VOTER_SESSION.RATE_LIMITED', '429 VOTER_SESSION.RATE_LIMITED']);
    expect(Object.keys(byUpstream(right.slice(0, 5))).sort()).toEqual(['api-1', 'api-2', 'api-3']);
    expect(right[5]!.headers['x-upstream']).not.toBe(right[6]!.headers['x-upstream']);
    expect(String(right[5]!.body?.detail)).toMatch(/try again in (8\d\d|900) seconds/);
    expect(right[5]!.headers['content-type']).toMatch(/^application\/problem\+json/);

    // Per address (X-Forwarded-For through the proxy, TRUST_PROXY): 30 a minute for the three together.
    const fromOne = await tries(31, (i) => `QQQQ-QQQQ-QQQQ-${String(1000 + i)}`, '198.51.100.3');
    expect(shown(fromOne)).toEqual([...Array<string>(30).fill('403 VOTER_SESSION.UNKNOWN_CODE'), '429 VOTER_SESSION.RATE_LIMITED']);
    // Another address is not affected.
    expect(shown([await signIn('QQQQ-QQQQ-QQQQ-2000', '198.51.100.4')])).toEqual(['403 VOTER_SESSION.UNKNOWN_CODE']);
  }, 120_000);

  it('SIGKILL of the active projector mid-load: the standby takes every lock, checkpoints never go back, and every read model equals a rebuild', async () => {
    const [first, second] = cluster.projectors as [Member, Member];
    expect(await cluster.projectionsHeldByOne()).toBe(first.name);

    // Every 100 ms: where each projection's checkpoint stands, to show it never moves backwards.
    const samples = new Map<string, { position: string; events: number }[]>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        for (const c of await checkpoints(live).catch(() => [])) samples.set(c.name, [...(samples.get(c.name) ?? []), { position: c.position, events: c.events }]);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    const voters = new VoterQueue(round, tokens.slice(0, LOAD));
    const load = startLoad({ baseUrl: () => cluster.url, clients: 8, next: voters.next, onOutcome: voters.onOutcome });
    await load.reached(60);
    expect(await cluster.kill9(first)).toEqual({ code: null, signal: 'SIGKILL' });
    const handledAtKill = new Map((await checkpoints(live)).map((c) => [c.name, c.events]));

    // The standby takes over: it holds every projection's lock, and the ballot projections move on from where the killed one stopped.
    expect(await cluster.projectionsHeldByOne(30_000)).toBe(second.name);
    await eventually('live count moving again after the kill', async () => ((await checkpoints(live)).find((c) => c.name === 'live-count')!.events > handledAtKill.get('live-count')! ? true : undefined), 30_000);
    await load.done;

    // The killed projector comes back as the standby: the locks stay where they are.
    await cluster.restart(first);
    expect(await cluster.projectionsHeldByOne()).toBe(second.name);

    // Every voter acknowledged (a 409 only after an attempt that got no answer).
    expect(voters.voters.filter((v) => v.final !== 'acknowledged' && v.final !== 'already-cast')).toEqual([]);
    expect(voters.unexplainedAlreadyCast()).toEqual([]);
    // Settled: every projection has handled every event it handles.
    await eventually('projections settled', async () => ((await projectionStatuses(store, live, ALL_PROJECTIONS)).every((s) => s.lagEvents === 0 && s.status === 'running') ? true : undefined), 60_000);
    sampling = false;
    await sampler;

    for (const [name, seen] of samples) {
      const backwards = seen.filter((s, i) => i > 0 && (s.events < seen[i - 1]!.events || (s.position !== null && seen[i - 1]!.position !== null && comparePositions(parsePosition(s.position), parsePosition(seen[i - 1]!.position)) < 0)));
      expect({ name, backwards }).toEqual({ name, backwards: [] });
    }
    expect(samples.size).toBe(ALL_PROJECTIONS.length);

    // A rebuild from the store into a scratch schema: the same rows, and the same checkpoint (position and
    // events handled), so no event was handled twice or skipped across the takeover.
    const scratch = await openReadModels({ url: cluster.pg.url, schema: 'read_model_rebuilt', poolSize: 2 });
    try {
      await rebuild({ store, db: scratch, projections: ALL_PROJECTIONS });
      const projected = await snapshot(live, ALL_PROJECTIONS);
      const rebuilt = await snapshot(scratch, ALL_PROJECTIONS);
      expect(projected.live_ballot!.length).toBeGreaterThanOrEqual(LOAD);
      for (const table of Object.keys(rebuilt)) expect({ table, rows: projected[table] }).toEqual({ table, rows: rebuilt[table] });
      // Events handled per projection as in the rebuild; the live checkpoint stands at or past the rebuild's (a
      // projector may move a checkpoint over events the projection does not handle).
      const [liveCheckpoints, rebuiltCheckpoints] = [await checkpoints(live), await checkpoints(scratch)];
      const withoutPosition = (list: typeof liveCheckpoints) => list.map(({ position: _position, ...rest }) => rest);
      expect(withoutPosition(liveCheckpoints)).toEqual(withoutPosition(rebuiltCheckpoints));
      const behind = liveCheckpoints.filter((c, i) => rebuiltCheckpoints[i]!.position !== null && (c.position === null || comparePositions(parsePosition(c.position), parsePosition(rebuiltCheckpoints[i]!.position)) < 0));
      expect(behind).toEqual([]);
    } finally {
      await scratch.close();
    }
  }, 240_000);

  it('kill -9 of the api holding the reactors mid-load: no acknowledged ballot lost, clients retry onto the others, and the reactors move to a survivor', async () => {
    // A second round, in feasibility with an admitted plan, to be opened for voting right after the kill.
    const budget = await call(cluster.url, 'POST', '/budgets', { token: admin, body: { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION } });
    const budgetId = budget.body.id as string;
    const planned = await call(cluster.url, 'POST', '/rounds', { token: admin, body: { budgetId, year: 2026, schedule: [] } });
    const roundId = planned.body.id as string;
    const advance = (to: string) => call(cluster.url, 'POST', `/rounds/${roundId}/phase-transitions`, { token: admin, body: { to, reason: `Schedule: ${to}` } });
    for (const to of ['submission', 'support', 'feasibility']) expect((await advance(to)).status).toBe(201);
    const proposalId = randomUUID();
    const plan = chainEvents(`Proposal-${proposalId}`, GENESIS_HASH, anAdmittedPlan().map((e) => ({
      id: randomUUID(),
      type: e.type,
      data: { ...(e.data as Record<string, unknown>), proposalId, ...(e.type === 'ProposalSubmitted' ? { roundId, budgetId } : {}) },
      metadata: { actor: 'staff-0', role: 'administrator', tenant: TENANT, $correlationId: 'given', $causationId: 'given' },
    })));
    await store.append(`Proposal-${proposalId}`, plan, { expectedRevision: 'no_stream' });

    const streamsBefore = (await ballotStreams(cluster.sql, round.roundId)).length;
    const victimName = await cluster.reactorLockHolder('ballot-box');
    const victim = cluster.apis.find((m) => m.name === victimName)!;
    expect(victim).toBeDefined();

    const voters = new VoterQueue(round, tokens.slice(LOAD, 2 * LOAD));
    const load = startLoad({ baseUrl: () => cluster.url, clients: 8, next: voters.next, onOutcome: voters.onOutcome });
    await load.reached(60);
    expect(await cluster.kill9(victim)).toEqual({ code: null, signal: 'SIGKILL' });
    const atKill = load.outcomes.length;

    // Voting opens right after the kill: the answer comes from a survivor, and the ballot box opens once another process holds the reactor.
    const voting = await advance('voting');
    expect([voting.status, voting.body.events]).toEqual([201, ['RoundPhaseAdvanced', 'RoundRulesFrozen']]);
    expect(voting.headers.get('x-upstream')).not.toBe(victim.name);
    const box = async () => (await store.readStream(`BallotBox-${roundId}`)).map((e) => e.type);
    await eventually('ballot box opened by a surviving process', async () => ((await box()).includes('BallotBoxOpened') ? true : undefined), 30_000);
    expect(await box()).toEqual(['BallotBoxPrepared', 'BallotBoxOpened']);
    const newHolder = await cluster.reactorLockHolder('ballot-box');
    expect(cluster.apis.filter((m) => m.up).map((m) => m.name)).toContain(newHolder);
    await load.done;

    // What the voters were told: all acknowledged (a 409 only after an attempt that got no answer), the answers after the kill from the survivors.
    expect(voters.voters.filter((v) => v.final === undefined)).toEqual([]);
    expect(voters.unexplainedAlreadyCast()).toEqual([]);
    expect(voters.voters.filter((v) => v.final !== 'acknowledged' && v.final !== 'already-cast')).toEqual([]);
    const afterKill = byUpstream(load.outcomes.slice(atKill + 16));
    expect(Object.keys(afterKill).sort()).toEqual(cluster.apis.filter((m) => m.up).map((m) => m.name).sort());

    // The store: exactly one BallotCast per voter, each in a stream of its own.
    const streams = await ballotStreams(cluster.sql, round.roundId);
    expect(streams).toHaveLength(streamsBefore + LOAD);
    expect(streams.filter((s) => s.types.join() !== 'BallotCast' || s.revisions.join() !== '0')).toEqual([]);

    // Restarted on its port, the proxy sends it requests again.
    await cluster.restart(victim);
    const health = await Promise.all(Array.from({ length: 6 }, () => send(cluster.url, { method: 'GET', path: '/health/live' })));
    expect(health.map((h) => h.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(Object.keys(byUpstream(health)).sort()).toEqual(['api-1', 'api-2', 'api-3']);
  }, 240_000);
});

/**
 * The same storm with the events in EventStoreDB: the gRPC test double in a process of its own, on a
 * port the api processes reach; read models and locks stay in PostgreSQL.
 */
describe('scale-out on the EventStoreDB double: 3 api processes behind a proxy (child processes)', () => {
  let double: AppProcess | undefined;
  let cluster: Cluster;
  let store: EsdbEventStore;

  beforeAll(async () => {
    const port = await freePort();
    double = spawnScript('esdb-double', 'test/esdb-double/main.ts', [String(port)], {});
    await double.waitFor('EventStoreDB test double on');
    const connectionString = `esdb://127.0.0.1:${port}?tls=false`;
    // The production deadline (5 s): one double serves the three processes' reads, appends and reactor subscriptions.
    cluster = await startCluster({ apis: 3, projectors: 0, env: { EVENTSTORE_URL: connectionString, EVENTSTORE_DEADLINE_MS: '5000' } });
    store = createEsdbEventStore({ connectionString });
  }, 240_000);
  afterAll(async () => {
    await store?.close();
    await cluster?.close();
    await double?.kill9();
  }, 60_000);

  it('1,000 concurrent ballots with one code, resent while the store is slow to answer (503): at most one 201, every other final answer 409 BALLOT.ALREADY_CAST, from all three processes, one BallotCast in EventStoreDB', async () => {
    const { round, tokens } = await openVotingAt({ store, apiUrl: cluster.url, token: cluster.token }, 1);
    const { tally, upstreams, resent } = await storm(cluster, round, tokens[0]!, true);
    expect(upstreams).toEqual(['api-1', 'api-2', 'api-3']);
    // One 201, unless the ballot was stored by an attempt whose answer was a 503 (then every final answer is a 409).
    expect(tally).toEqual(tally['201 '] === undefined && resent > 0 ? { '409 BALLOT.ALREADY_CAST': 1000 } : { '201 ': 1, '409 BALLOT.ALREADY_CAST': 999 });
    const cast = (await store.readAll({ maxCount: 100_000, filter: { eventTypes: ['BallotCast'] } })).filter((e) => e.streamName.startsWith(`Ballot-${round.roundId}_`));
    expect(cast.map((e) => [e.type, e.revision])).toEqual([['BallotCast', 0n]]);
  }, 240_000);
});
