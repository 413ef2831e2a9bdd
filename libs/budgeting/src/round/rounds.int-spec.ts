import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { comparePositions, type EventStore, EventStoreUnavailableError, InMemoryEventStore, parsePosition } from '@lib/event-store';
import { proposalStream } from '../proposal/proposal.events.js';
import { anAdmittedPlan } from '../proposal/testing/proposal.given.js';
import { openTestSqlStore } from '../../../../test/support/sql-store.js';
import { OTHER_TENANT, startTestApi, TENANT, type TestApi } from '../../../../test/support/test-api.js';
import { budgetStream } from '../budget/budget.events.js';
import { aBurgerbegrotingFrame, AMENDMENT_DECISION, COUNCIL_DECISION } from '../budget/testing/budget.given.js';
import { call, eventCount, given } from '../budget/testing/http.js';
import { isStoreChainBreak, verifyStore } from '@lib/audit';
import { computeRoundSeal, readStoreChain } from '@lib/es';
import { roundStream } from './round.events.js';

const NOW = new Date('2026-02-01T08:00:00.000Z');
const themes = { id: 'themes', text: 'Green, play or meeting places', kind: 'themes', themes: ['groen', 'spelen'] };

/** In memory, and on PostgreSQL (DATABASE_URL) or PGlite, so the expected-revision guard is proven on a real store too. */
describe.each(['in-memory', 'sql'] as const)('rounds over real HTTP (%s store)', (kind) => {
  let api: TestApi;
  let store: EventStore;
  let cleanup: () => Promise<void>;
  let admin: string;
  /** Set to a stream prefix: the next append to such a stream fails as if the database went away. */
  let failNextAppendTo: string | null = null;
  /** How many appends to that prefix go through before the one that fails. */
  let appendsBeforeFailure = 0;

  beforeAll(async () => {
    let inner: EventStore;
    if (kind === 'sql') {
      const sql = await openTestSqlStore();
      inner = sql.store;
      cleanup = sql.cleanup;
    } else {
      inner = new InMemoryEventStore();
      cleanup = () => inner.close();
    }
    store = new Proxy(inner, {
      get(target, property) {
        if (property === 'append') {
          return (stream: string, ...rest: unknown[]) => {
            if (failNextAppendTo !== null && stream.startsWith(failNextAppendTo) && appendsBeforeFailure-- <= 0) {
              failNextAppendTo = null;
              appendsBeforeFailure = 0;
              return Promise.reject(new EventStoreUnavailableError('injected: the connection dropped'));
            }
            return (target.append as (...args: unknown[]) => unknown).call(target, stream, ...rest);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    api = await startTestApi(store, { clock: { now: () => NOW } });
    admin = await api.token('administrator');
  });
  afterAll(async () => {
    await api.close();
    await cleanup();
  });

  async function aBudget(body: Record<string, unknown> = { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION }, tenant = TENANT): Promise<string> {
    const answer = await call(api.url, 'POST', '/budgets', { token: await api.token('administrator', tenant), body });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  }
  async function aRound(budgetId: string, extra: Record<string, unknown> = {}, tenant = TENANT): Promise<string> {
    const answer = await call(api.url, 'POST', '/rounds', { token: await api.token('administrator', tenant), body: { budgetId, year: 2026, schedule: [], ...extra } });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  }
  async function advance(roundId: string, to: string, extra: Record<string, unknown> = {}) {
    return call(api.url, 'POST', `/rounds/${roundId}/phase-transitions`, { token: admin, body: { to, reason: `Schedule: ${to}`, ...extra } });
  }
  /** A plan admitted to the round's ballot, as the plans' own commands would have recorded it. */
  async function anAdmittedPlanIn(roundId: string, budgetId: string): Promise<string> {
    const proposalId = `p-${randomUUID()}`;
    const events = anAdmittedPlan().map((e) => ({ ...e, data: { ...e.data, proposalId, ...(e.type === 'ProposalSubmitted' ? { roundId, budgetId } : {}) } }));
    await given(store, proposalStream(proposalId), events, TENANT, () => randomUUID());
    return proposalId;
  }
  const boxEvents = async (roundId: string) => (await store.readStream(`BallotBox-${roundId}`)).map((e) => e.type);

  it('POST /rounds: 201 with Location and ETag; GET shows the pipeline, frame version and ceilings', async () => {
    const budgetId = await aBudget();
    const answer = await call(api.url, 'POST', '/rounds', {
      token: admin,
      body: { budgetId, year: 2026, schedule: [{ phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' }] },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('etag')).toBe('"0"');
    const roundId = answer.body.id as string;
    expect(answer.headers.get('location')).toBe(`/rounds/${roundId}`);
    expect(answer.body.events).toEqual(['RoundPlanned']);
    const read = await call(api.url, 'GET', `/rounds/${roundId}`, { token: await api.token('reviewer') });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"0"');
    expect(read.body).toMatchObject({
      budgetId,
      form: 'burgerbegroting',
      title: 'Buurtbudget Oost 2026',
      phase: 'planned',
      schedule: [{ phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' }],
      frameVersion: 1,
      submissionOpenedAt: null,
      criteriaPublishedBeforeSubmission: null,
      ceilingCents: 30_000_000,
      committedCents: 0,
      areas: [
        { areaCode: 'WK036301', ceilingCents: 18_000_000, committedCents: 0 },
        { areaCode: 'WK036302', ceilingCents: 12_000_000, committedCents: 0 },
      ],
    });
  });

  it('POST /rounds: 400 for an invalid body or an unknown (or foreign) budget, 401 anonymous, 403 reviewer; nothing appended', async () => {
    const foreignBudget = await aBudget(undefined, OTHER_TENANT);
    const before = await eventCount(store);
    const invalid = await call(api.url, 'POST', '/rounds', { token: admin, body: { budgetId: foreignBudget, year: 'next', schedule: [{ phase: 'party', opensOn: 'soon' }] } });
    expect(invalid.status).toBe(400);
    expect((invalid.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['schedule.0.opensOn', 'schedule.0.phase', 'year']);
    const foreign = await call(api.url, 'POST', '/rounds', { token: admin, body: { budgetId: foreignBudget, year: 2026, schedule: [] } });
    expect([foreign.status, foreign.body.code]).toEqual([400, 'ROUND.UNKNOWN_BUDGET']);
    expect((await call(api.url, 'POST', '/rounds', { body: { budgetId: foreignBudget, year: 2026, schedule: [] } })).status).toBe(401);
    expect((await call(api.url, 'POST', '/rounds', { token: await api.token('reviewer'), body: { budgetId: foreignBudget, year: 2026, schedule: [] } })).status).toBe(403);
    expect(await eventCount(store)).toBe(before);
  });

  it('phase transitions: criteria published before submission, voting freezes the frame (BUDGET.FRAME_FROZEN), adoption releases it', async () => {
    const budgetId = await aBudget();
    const roundId = await aRound(budgetId);
    const opened = await call(api.url, 'POST', `/rounds/${roundId}/phase-transitions`, { token: admin, body: { to: 'submission', reason: 'As scheduled' }, headers: { 'if-match': '"0"' } });
    expect(opened.status).toBe(201);
    // Two phase events, then the round's seal (a digest the council can publish).
    expect(opened.headers.get('etag')).toBe('"3"');
    expect(opened.body.events).toEqual(['RoundPhaseAdvanced', 'SubmissionOpened']);

    // The council adds a criterion after submission opened: the round follows, the criterion is not "published before submission".
    const amended = await call(api.url, 'POST', `/budgets/${budgetId}/amendments`, {
      token: admin,
      body: { criteria: [...aBurgerbegrotingFrame().criteria, themes], decision: AMENDMENT_DECISION, reason: 'Themes added' },
    });
    expect(amended.status).toBe(201);
    expect((await advance(roundId, 'support')).body.events).toEqual(['RoundFollowedFrameAmendment', 'RoundPhaseAdvanced']);
    const during = await call(api.url, 'GET', `/rounds/${roundId}`, { token: await api.token('official') });
    expect(during.body).toMatchObject({ frameVersion: 2, submissionOpenedAt: NOW.toISOString(), criteriaPublishedBeforeSubmission: aBurgerbegrotingFrame().criteria });

    expect((await advance(roundId, 'feasibility')).status).toBe(201);
    // No plan admitted yet: the ballot box cannot be prepared, so the vote does not open (nothing appended anywhere).
    const empty = await eventCount(store);
    const noPlans = await advance(roundId, 'voting');
    expect([noPlans.status, noPlans.body.code]).toEqual([400, 'BALLOT_BOX.NO_PLANS']);
    expect(await eventCount(store)).toBe(empty);
    const planId = await anAdmittedPlanIn(roundId, budgetId);

    const voting = await advance(roundId, 'voting');
    expect(voting.body.events).toEqual(['RoundPhaseAdvanced', 'RoundRulesFrozen']);
    // The round drives its ballot box: prepared with the frozen version and the admitted plan, and opened.
    expect(await boxEvents(roundId)).toEqual(['BallotBoxPrepared', 'BallotBoxOpened']);
    const box = await call(api.url, 'GET', `/rounds/${roundId}/ballot-box`, { token: admin });
    expect(box.body).toMatchObject({ phase: 'open', frame: { frameVersion: 2, budgetCents: 30_000_000, plans: [{ planId, costCents: 3_000_000 }] } });
    const budgetEvents = await store.readStream(budgetStream(budgetId));
    expect(budgetEvents.at(-1)!.type).toBe('FrameVersionFrozen');
    expect(budgetEvents.at(-1)!.data).toEqual({ budgetId, version: 2, roundId, frozenAt: NOW.toISOString() });

    const before = await eventCount(store);
    const frozen = await call(api.url, 'POST', `/budgets/${budgetId}/amendments`, { token: admin, body: { amountCents: 1, decision: { ...AMENDMENT_DECISION, number: 'CB-9' }, reason: 'r' } });
    expect([frozen.status, frozen.body.code]).toEqual([409, 'BUDGET.FRAME_FROZEN']);
    const skip = await advance(roundId, 'adoption');
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ code: 'ROUND.INVALID_TRANSITION', details: { from: 'voting', to: 'adoption', allowed: ['counting'] } });
    const noReason = await call(api.url, 'POST', `/rounds/${roundId}/phase-transitions`, { token: admin, body: { to: 'counting' } });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'ROUND.REASON_REQUIRED']);
    const stale = await call(api.url, 'POST', `/rounds/${roundId}/phase-transitions`, { token: admin, body: { to: 'counting', reason: 'r' }, headers: { 'if-match': '"1"' } });
    expect([stale.status, stale.body.code]).toEqual([412, 'REQUEST.PRECONDITION_FAILED']);
    expect(await eventCount(store)).toBe(before);

    expect((await advance(roundId, 'counting')).status).toBe(201);
    expect(await boxEvents(roundId)).toEqual(['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed', 'RoundKeyDestroyed']);
    // The result of a vote is counted here, never taken from the client.
    const asData = await call(api.url, 'POST', `/rounds/${roundId}/result`, {
      token: admin,
      body: { winners: [{ proposalId: planId, amountCents: 2_500_000, areaCode: 'WK036301' }], explanation: [{ proposalId: planId, selected: true, votes: 812, explanation: 'Most votes' }] },
    });
    expect([asData.status, asData.body.code]).toEqual([409, 'ROUND.RESULT_IS_COUNTED']);
    const result = await call(api.url, 'POST', `/rounds/${roundId}/result`, { token: admin, body: { reason: 'Voting period over' } });
    expect([result.status, result.body.events]).toEqual([201, ['ResultPublished']]);
    const counted = await call(api.url, 'GET', `/rounds/${roundId}`, { token: admin });
    expect(counted.body).toMatchObject({
      result: { basis: 'count', winners: [], reason: 'Voting period over', count: { ballots: 0, rule: 'greedy' }, explanation: [{ proposalId: planId, selected: false, votes: 0 }] },
    });
    expect((await advance(roundId, 'adoption')).status).toBe(201);
    const noDecision = await call(api.url, 'POST', `/rounds/${roundId}/result/adoption`, { token: admin, body: { reason: 'College follows the vote' } });
    expect([noDecision.status, noDecision.body.code]).toEqual([400, 'ROUND.DECISION_REQUIRED']);
    const adopted = await call(api.url, 'POST', `/rounds/${roundId}/result/adoption`, {
      token: admin,
      body: { reason: 'College follows the vote', decision: { body: 'college', number: 'CB-2026-100', date: '2026-07-01' } },
    });
    expect([adopted.status, adopted.body.events]).toEqual([201, ['ResultAdopted']]);
    expect((await store.readStream(budgetStream(budgetId))).at(-1)!.type).toBe('FrameVersionReleased');
    expect(await boxEvents(roundId)).toEqual(['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed', 'RoundKeyDestroyed', 'BallotBoxSealed']);
    const corrected = await call(api.url, 'POST', `/rounds/${roundId}/result/corrections`, {
      token: admin,
      body: {
        winners: [{ proposalId: 'p-2', amountCents: 1_000_000, areaCode: 'WK036302' }],
        explanation: [
          { proposalId: 'p-1', selected: false, explanation: 'Recount' },
          { proposalId: 'p-2', selected: true, explanation: 'Recount' },
        ],
        reason: 'Recount after a complaint',
        decision: { body: 'college', number: 'CB-2026-131', date: '2026-07-09' },
      },
    });
    expect([corrected.status, corrected.body.events]).toEqual([201, ['ResultCorrected']]);
    const released = await call(api.url, 'POST', `/budgets/${budgetId}/amendments`, { token: admin, body: { amountCents: 35_000_000, decision: { ...AMENDMENT_DECISION, number: 'CB-10' }, reason: 'Next year' } });
    expect(released.status).toBe(201);
    const final = await call(api.url, 'GET', `/rounds/${roundId}`, { token: await api.token('auditor') });
    expect(final.body).toMatchObject({ phase: 'adoption', frameVersion: 2, result: { corrections: 1, totalCents: 1_000_000, adoption: { reason: 'College follows the vote' } } });
  });

  it('cancelling a round in its vote closes it on a decision: the box closes and the frame is released; refusals append nothing', async () => {
    const budgetId = await aBudget();
    const roundId = await aRound(budgetId);
    for (const to of ['submission', 'support', 'feasibility']) expect((await advance(roundId, to)).status).toBe(201);
    await anAdmittedPlanIn(roundId, budgetId);
    expect((await advance(roundId, 'voting')).status).toBe(201);
    const cancel = (body: Record<string, unknown>, token = admin) => call(api.url, 'POST', `/rounds/${roundId}/cancellation`, { token, body });
    const decision = { body: 'college', number: 'CB-2026-77', date: '2026-02-01' };

    const before = await eventCount(store);
    const reviewer = await cancel({ reason: 'Storing', decision }, await api.token('reviewer'));
    expect(reviewer.status).toBe(403);
    const noDecision = await cancel({ reason: 'Storing bij het stemmen' });
    expect([noDecision.status, noDecision.body.code]).toEqual([400, 'ROUND.DECISION_REQUIRED']);
    const noReason = await cancel({ reason: '  ', decision });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'ROUND.REASON_REQUIRED']);
    expect(await eventCount(store)).toBe(before);

    const cancelled = await cancel({ reason: 'Storing bij het stemmen', decision });
    expect([cancelled.status, cancelled.body.events]).toEqual([201, ['RoundPhaseAdvanced', 'RoundCancelled']]);
    const recorded = (await store.readStream(roundStream(roundId))).filter((e) => e.type === 'RoundCancelled');
    expect(recorded.map((e) => e.data)).toEqual([{ roundId, from: 'voting', reason: 'Storing bij het stemmen', decision, at: NOW.toISOString() }]);
    expect(await boxEvents(roundId)).toEqual(['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed', 'RoundKeyDestroyed']);
    expect((await store.readStream(budgetStream(budgetId))).at(-1)!.type).toBe('FrameVersionReleased');
    const read = await call(api.url, 'GET', `/rounds/${roundId}`, { token: admin });
    expect(read.body).toMatchObject({ phase: 'closed' });

    const after = await eventCount(store);
    const again = await cancel({ reason: 'Nog eens', decision });
    expect([again.status, again.body.code]).toEqual([409, 'ROUND.NOT_CANCELLABLE']);
    expect(await eventCount(store)).toBe(after);
  });

  it('a round command writes its own stream only; when the ballot box write fails, the box\'s reactor retries and the box converges before the answer', async () => {
    const budgetId = await aBudget();
    const roundId = await aRound(budgetId);
    for (const to of ['submission', 'support', 'feasibility']) expect((await advance(roundId, to)).status).toBe(201);
    await anAdmittedPlanIn(roundId, budgetId);
    const phase = async () => (await call(api.url, 'GET', `/rounds/${roundId}`, { token: admin })).body.phase;

    failNextAppendTo = 'BallotBox-';
    const voting = await advance(roundId, 'voting');
    expect([voting.status, voting.body.events, voting.headers.get('reactions')]).toEqual([201, ['RoundPhaseAdvanced', 'RoundRulesFrozen'], 'complete']);
    expect([await phase(), await boxEvents(roundId)]).toEqual(['voting', ['BallotBoxPrepared', 'BallotBoxOpened']]);
    const retried = await advance(roundId, 'voting');
    expect([retried.status, retried.body.events]).toEqual([201, []]);
    expect(await boxEvents(roundId)).toEqual(['BallotBoxPrepared', 'BallotBoxOpened']);

    failNextAppendTo = 'BallotBox-';
    expect((await advance(roundId, 'counting')).headers.get('reactions')).toBe('complete');
    expect([await phase(), await boxEvents(roundId)]).toEqual(['counting', ['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed', 'RoundKeyDestroyed']]);

    expect((await call(api.url, 'POST', `/rounds/${roundId}/result`, { token: admin, body: {} })).status).toBe(201);
    expect((await advance(roundId, 'adoption')).status).toBe(201);
    const adoption = { reason: 'College follows the vote', decision: { body: 'college', number: 'CB-2026-200', date: '2026-07-01' } };
    failNextAppendTo = 'BallotBox-';
    const adopted = await call(api.url, 'POST', `/rounds/${roundId}/result/adoption`, { token: admin, body: adoption });
    expect([adopted.status, adopted.body.events, adopted.headers.get('reactions')]).toEqual([201, ['ResultAdopted'], 'complete']);
    expect(await boxEvents(roundId)).toEqual(['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed', 'RoundKeyDestroyed', 'BallotBoxSealed']);
    const again = await call(api.url, 'POST', `/rounds/${roundId}/result/adoption`, { token: admin, body: adoption });
    expect([again.status, again.body.events]).toEqual([201, []]);
    const other = await call(api.url, 'POST', `/rounds/${roundId}/result/adoption`, { token: admin, body: { ...adoption, reason: 'Another adoption' } });
    expect([other.status, other.body.code]).toEqual([409, 'ROUND.RESULT_ALREADY_ADOPTED']);
  });

  it('seals the round at each phase change with a digest an auditor recomputes from the store', async () => {
    const budgetId = await aBudget({ from: 'gemeentelijk-initiatievenfonds', amountCents: 1_000_000, decision: COUNCIL_DECISION });
    const roundId = await aRound(budgetId, { intakeDates: ['2026-03-01', '2026-09-01'] });
    await advance(roundId, 'intake');
    const events = await store.readStream(roundStream(roundId));
    const seal = events[events.length - 1]!;
    expect(seal.type).toBe('RoundSealed');
    expect(seal.data).toMatchObject({ roundId, phase: 'intake', streams: expect.any(Number), events: expect.any(Number) });
    const { upTo, digest } = seal.data as { upTo: string; digest: string };
    const [commit, prepare] = upTo.split('/').map(BigInt);
    expect((await computeRoundSeal(store, roundId, { upTo: { commit: commit!, prepare: prepare! } })).digest).toBe(digest);
    // The seal fixes the store-wide chain up to the same command: the link it names covers its upTo.
    const head = (seal.data as { storeChain: { link: number; upTo: string; digest: string } }).storeChain;
    const link = (await readStoreChain(store)).find((l) => l.data.link === head.link)!;
    expect(link.data).toMatchObject({ digest: head.digest, upTo: head.upTo });
    expect(comparePositions(parsePosition(head.upTo), { commit: commit!, prepare: prepare! })).toBeGreaterThanOrEqual(0);
    expect(await verifyStore(store, { roundId })).toMatchObject({ ok: true, seals: 1 });
    // (Other tests seed plans without hashes; the store-wide chain itself has nothing to report.)
    expect((await verifyStore(store, { expectHead: head.digest })).breaks.filter(isStoreChainBreak)).toEqual([]);
    expect((await verifyStore(store, { expectHead: 'f'.repeat(64) })).breaks.filter(isStoreChainBreak)).toEqual([expect.objectContaining({ problem: 'published-head-missing' })]);
  });

  it('a seal lost to a failed append is taken by the seal\'s reactor on its retry; a retried phase change seals nothing more', async () => {
    const budgetId = await aBudget({ from: 'gemeentelijk-initiatievenfonds', amountCents: 1_000_000, decision: COUNCIL_DECISION });
    const roundId = await aRound(budgetId, { intakeDates: ['2026-03-01', '2026-09-01'] });
    // The phase change is appended, then the store goes away before the seal.
    failNextAppendTo = roundStream(roundId);
    appendsBeforeFailure = 1;
    const changed = await advance(roundId, 'intake');
    const types = async () => (await store.readStream(roundStream(roundId))).map((e) => e.type);
    expect([changed.status, changed.headers.get('reactions'), changed.headers.get('etag')]).toEqual([201, 'complete', '"3"']);
    expect(await types()).toEqual(['RoundPlanned', 'RoundPhaseAdvanced', 'SubmissionOpened', 'RoundSealed']);
    const retried = await advance(roundId, 'intake');
    expect([retried.status, retried.body.events]).toEqual([201, []]);
    expect(await types()).toEqual(['RoundPlanned', 'RoundPhaseAdvanced', 'SubmissionOpened', 'RoundSealed']);
    expect(await verifyStore(store, { roundId })).toMatchObject({ ok: true, seals: 1 });
  });

  it('commitments: first come first served against an initiatievenfonds ceiling; ROUND.CEILING_EXCEEDED appends nothing', async () => {
    const budgetId = await aBudget({ from: 'gemeentelijk-initiatievenfonds', amountCents: 1_000_000, decision: COUNCIL_DECISION });
    const roundId = await aRound(budgetId, { intakeDates: ['2026-03-01', '2026-09-01'] });
    expect((await advance(roundId, 'intake')).body.events).toEqual(['RoundPhaseAdvanced', 'SubmissionOpened']);
    const first = await call(api.url, 'POST', `/rounds/${roundId}/commitments`, { token: admin, body: { proposalId: 'p-1', amountCents: 600_000 } });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"4"');
    const fits = await call(api.url, 'POST', `/rounds/${roundId}/commitments`, { token: admin, body: { proposalId: 'p-2', amountCents: 400_000 }, headers: { 'if-match': '"4"' } });
    expect(fits.status).toBe(201);
    const before = await eventCount(store);
    const over = await call(api.url, 'POST', `/rounds/${roundId}/commitments`, { token: admin, body: { proposalId: 'p-3', amountCents: 1 } });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'ROUND.CEILING_EXCEEDED', details: { ceilingCents: 1_000_000, committedCents: 1_000_000, requestedCents: 1 } });
    const stale = await call(api.url, 'POST', `/rounds/${roundId}/commitments`, { token: admin, body: { proposalId: 'p-3', amountCents: 1 }, headers: { 'if-match': '"4"' } });
    expect(stale.status).toBe(412);
    const invalid = await call(api.url, 'POST', `/rounds/${roundId}/commitments`, { token: admin, body: { proposalId: 'p-3', amountCents: -5 } });
    expect(invalid.status).toBe(400);
    expect((await call(api.url, 'POST', `/rounds/${roundId}/commitments`, { token: await api.token('reviewer'), body: { proposalId: 'p-3', amountCents: 1 } })).status).toBe(403);
    expect((await call(api.url, 'POST', `/rounds/${roundId}/commitments`, { body: { proposalId: 'p-3', amountCents: 1 } })).status).toBe(401);
    expect(await eventCount(store)).toBe(before);

    const release = await call(api.url, 'POST', `/rounds/${roundId}/releases`, { token: admin, body: { proposalId: 'p-1', amountCents: 100_000, reason: 'Realised for less' } });
    expect([release.status, release.body.events]).toEqual([201, ['FundsReleased']]);
    const read = await call(api.url, 'GET', `/rounds/${roundId}`, { token: admin });
    expect(read.body).toMatchObject({ committedCents: 900_000, remainingCents: 100_000, commitments: { 'p-1': { amountCents: 500_000, areaCode: null }, 'p-2': { amountCents: 400_000, areaCode: null } } });
    const events = await store.readStream(roundStream(roundId));
    expect(events.map((e) => e.type)).toEqual(['RoundPlanned', 'RoundPhaseAdvanced', 'SubmissionOpened', 'RoundSealed', 'FundsCommitted', 'FundsCommitted', 'FundsReleased']);
  });

  it('concurrent commitments never spend past the ceiling: the round stream\'s expected revision guards it', async () => {
    const budgetId = await aBudget({ from: 'gemeentelijk-initiatievenfonds', amountCents: 1_000_000, decision: COUNCIL_DECISION });
    const roundId = await aRound(budgetId, { intakeDates: ['2026-03-01'] });
    expect((await advance(roundId, 'intake')).status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(api.url, 'POST', `/rounds/${roundId}/commitments`, { token: admin, body: { proposalId: `p-${i}`, amountCents: 300_000 } })),
    );
    const accepted = answers.filter((a) => a.status === 201).length;
    expect(accepted).toBeGreaterThanOrEqual(1);
    expect(accepted).toBeLessThanOrEqual(3);
    for (const answer of answers.filter((a) => a.status !== 201)) expect(['ROUND.CEILING_EXCEEDED', 'STORE.CONCURRENT_WRITE']).toContain(answer.body.code);
    const committed = (await store.readStream(roundStream(roundId))).filter((e) => e.type === 'FundsCommitted');
    expect(committed).toHaveLength(accepted);
    expect(committed.reduce((sum, e) => sum + (e.data.amountCents as number), 0)).toBeLessThanOrEqual(1_000_000);
  });

  it('404 for another municipality\'s round on every endpoint', async () => {
    const foreignRound = await aRound(await aBudget(undefined, OTHER_TENANT), {}, OTHER_TENANT);
    const before = await eventCount(store);
    const attempts = [
      call(api.url, 'GET', `/rounds/${foreignRound}`, { token: admin }),
      call(api.url, 'POST', `/rounds/${foreignRound}/phase-transitions`, { token: admin, body: { to: 'submission', reason: 'r' } }),
      call(api.url, 'POST', `/rounds/${foreignRound}/commitments`, { token: admin, body: { proposalId: 'p-1', amountCents: 1 } }),
      call(api.url, 'POST', `/rounds/${foreignRound}/releases`, { token: admin, body: { proposalId: 'p-1', amountCents: 1, reason: 'r' } }),
      call(api.url, 'POST', `/rounds/${foreignRound}/result`, { token: admin, body: { winners: [], explanation: [] } }),
      call(api.url, 'POST', `/rounds/${foreignRound}/result/adoption`, { token: admin, body: { reason: 'r' } }),
      call(api.url, 'POST', `/rounds/${foreignRound}/result/corrections`, { token: admin, body: { winners: [], explanation: [], reason: 'r' } }),
    ];
    for (const answer of await Promise.all(attempts)) expect([answer.status, answer.body.code]).toEqual([404, 'ROUND.NOT_FOUND']);
    expect(await eventCount(store)).toBe(before);
  });
});
