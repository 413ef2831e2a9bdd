import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresEventStore, type EventStore } from '@lib/event-store';
import { verifyStore } from '@lib/audit';
import { chainEvents, GENESIS_HASH } from '@lib/es';
import { FileRoundKeyVault, importPabulib } from '@lib/voting';
import { aBurgerbegrotingFrame, COUNCIL_DECISION } from '../../libs/budgeting/src/budget/testing/budget.given.js';
import { call } from '../../libs/budgeting/src/budget/testing/http.js';
import { anAdmittedPlan } from '../../libs/budgeting/src/proposal/testing/proposal.given.js';
import { type Fixture, startFixture, TENANT } from './support/fixture.js';
import { eventually } from './support/load.js';

const REACTORS = ['ballot-box', 'budget-freeze', 'round-seal'];
const adoption = { reason: 'College follows the vote', decision: { body: 'college', number: 'CB-2026-200', date: '2026-07-01' } };

/**
 * kill -9 of the api after a round's phase change is stored and before its reactors carried it into
 * the budget, the ballot box and the seal; the restarted api's reactors catch up from their checkpoints.
 */
describe('kill -9 of the api between a round\'s phase change and its reactions (child process, private PostgreSQL)', () => {
  let fixture: Fixture;
  let store: EventStore;
  let admin: string;

  beforeAll(async () => {
    fixture = await startFixture({ REACTOR_WAIT_MS: '500' });
    store = await createPostgresEventStore({ connectionString: fixture.cluster.url, poolSize: 2 });
    admin = await fixture.token('administrator');
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await fixture?.close();
  }, 60_000);

  const types = async (stream: string) => (await store.readStream(stream)).map((e) => e.type);
  const api = (method: string, path: string, body?: unknown) => call(fixture.api.url, method, path, { token: admin, body });
  const advance = (roundId: string, to: string) => api('POST', `/rounds/${roundId}/phase-transitions`, { to, reason: `Schedule: ${to}` });

  /** Holds the reactors' advisory locks from outside the api (waiting for a killed api's session to go), so they cannot act until released. */
  async function holdReactorLocks(): Promise<pg.Client> {
    const holder = new pg.Client({ connectionString: fixture.cluster.url });
    await holder.connect();
    for (const name of REACTORS) await holder.query('SELECT pg_advisory_lock(hashtext($1))', [`reactor:read_model:${name}`]);
    return holder;
  }

  it('budget, ballot box and seal converge after the restart, each exactly once; the retried phase change appends nothing', async () => {
    // A round in feasibility with one admitted plan, through the api.
    const budget = await api('POST', '/budgets', { ...aBurgerbegrotingFrame(), decision: COUNCIL_DECISION });
    const budgetId = budget.body.id as string;
    const planned = await api('POST', '/rounds', { budgetId, year: 2026, schedule: [] });
    const roundId = planned.body.id as string;
    for (const to of ['submission', 'support', 'feasibility']) expect((await advance(roundId, to)).headers.get('reactions')).toBe('complete');
    const proposalId = randomUUID();
    const plan = chainEvents(`Proposal-${proposalId}`, GENESIS_HASH, anAdmittedPlan().map((e) => ({
      id: randomUUID(),
      type: e.type,
      data: { ...(e.data as Record<string, unknown>), proposalId, ...(e.type === 'ProposalSubmitted' ? { roundId, budgetId } : {}) },
      metadata: { actor: 'staff-0', role: 'administrator', tenant: TENANT, $correlationId: 'given', $causationId: 'given' },
    })));
    await store.append(`Proposal-${proposalId}`, plan, { expectedRevision: 'no_stream' });
    const sealsBefore = (await types(`Round-${roundId}`)).filter((t) => t === 'RoundSealed').length;

    // The api restarts while the reactors' locks are held elsewhere: its reactors wait for them, as if the
    // api died right after the next command. The vote opens; the answer says the reactions are pending.
    expect(await fixture.api.kill9()).toEqual({ code: null, signal: 'SIGKILL' });
    const holder = await holdReactorLocks();
    await fixture.restartApi();
    const voting = await advance(roundId, 'voting');
    expect([voting.status, voting.body.events]).toEqual([201, ['RoundPhaseAdvanced', 'RoundRulesFrozen']]);
    const pending = /^pending; reactors="(.*)"$/.exec(voting.headers.get('reactions') ?? '');
    expect(pending?.[1]?.split(' ').sort()).toEqual(REACTORS);
    expect(await fixture.api.kill9()).toEqual({ code: null, signal: 'SIGKILL' });
    expect((await types(`Round-${roundId}`)).slice(-2)).toEqual(['RoundPhaseAdvanced', 'RoundRulesFrozen']);
    expect(await types(`BallotBox-${roundId}`)).toEqual([]);
    expect(await types(`Budget-${budgetId}`)).toEqual(['BudgetEstablished']);
    await holder.end();

    // Restarted, the reactors carry the phase change out from their checkpoints.
    await fixture.restartApi();
    await eventually('box open, budget frozen, round sealed', async () => ((await types(`BallotBox-${roundId}`)).includes('BallotBoxOpened') && (await types(`Round-${roundId}`)).at(-1) === 'RoundSealed' ? true : undefined), 60_000);
    await eventually('budget frozen', async () => ((await types(`Budget-${budgetId}`)).includes('FrameVersionFrozen') ? true : undefined), 60_000);
    expect(await types(`BallotBox-${roundId}`)).toEqual(['BallotBoxPrepared', 'BallotBoxOpened']);
    expect(await types(`Budget-${budgetId}`)).toEqual(['BudgetEstablished', 'FrameVersionFrozen']);
    expect((await types(`Round-${roundId}`)).slice(-3)).toEqual(['RoundPhaseAdvanced', 'RoundRulesFrozen', 'RoundSealed']);
    const [seal] = (await store.readStream(`Round-${roundId}`)).filter((e) => e.type === 'RoundSealed').slice(sealsBefore);
    expect(seal!.data).toMatchObject({ roundId, phase: 'voting' });

    // The box accepts what an open box accepts: voting codes for the roll.
    expect((await api('GET', `/rounds/${roundId}/ballot-box`)).body).toMatchObject({ phase: 'open' });

    // The client retries the phase change it never saw finish: nothing more, no second seal.
    const retried = await advance(roundId, 'voting');
    expect([retried.status, retried.body.events, retried.headers.get('reactions')]).toEqual([201, [], null]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await types(`Round-${roundId}`)).filter((t) => t === 'RoundSealed')).toHaveLength(sealsBefore + 1);
    expect(await types(`BallotBox-${roundId}`)).toEqual(['BallotBoxPrepared', 'BallotBoxOpened']);
    expect(await types(`Budget-${budgetId}`)).toEqual(['BudgetEstablished', 'FrameVersionFrozen']);
    const verified = await verifyStore(store, { roundId });
    expect([verified.breaks, verified.seals]).toEqual([[], sealsBefore + 1]);
  }, 240_000);

  it('an imported Pabulib round is sealed at every phase change and its round key destroyed at the close of voting; adopting it through the api seals its box', async () => {
    const vault = await FileRoundKeyVault.open(join(fixture.dataDir, 'round-keys'));
    const text = readFileSync(join(process.cwd(), 'test', 'fixtures', 'pabulib', 'Netherlands_Amsterdam_643.pb'), 'utf8');
    const context = { actor: 'pabulib-import', role: 'administrator', tenant: TENANT, correlationId: randomUUID(), now: new Date('2026-05-01T09:00:00.000Z') };
    const { roundId } = await importPabulib({ store, vault, now: () => context.now, newId: () => randomUUID() }, text, context);
    const seals = async () => (await store.readStream(`Round-${roundId}`)).filter((e) => e.type === 'RoundSealed').map((e) => (e.data as { phase: string }).phase);
    expect(await seals()).toEqual(['submission', 'support', 'feasibility', 'voting', 'counting']);
    expect(await vault.status(roundId)).toBe('destroyed');
    expect((await types(`BallotBox-${roundId}`)).slice(-2)).toEqual(['BallotBoxClosed', 'RoundKeyDestroyed']);

    expect((await advance(roundId, 'adoption')).headers.get('reactions')).toBe('complete');
    const adopted = await api('POST', `/rounds/${roundId}/result/adoption`, adoption);
    expect([adopted.status, adopted.headers.get('reactions')]).toEqual([201, 'complete']);
    expect(await seals()).toEqual(['submission', 'support', 'feasibility', 'voting', 'counting', 'adoption', 'adoption']);
    expect((await types(`BallotBox-${roundId}`)).at(-1)).toBe('BallotBoxSealed');
    expect(await vault.status(roundId)).toBe('destroyed');
    const verified = await verifyStore(store, { roundId });
    expect([verified.breaks, verified.seals]).toEqual([[], 7]);
  }, 240_000);
});
