import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { startTestApi, TENANT, type TestApi } from '../../../../../test/support/test-api.js';
import { importPabulib } from '../../pabulib/pabulib-import.js';
import { InMemoryRoundKeyVault } from '../../round-key/round-key.vault.js';
import { aContext } from '../../testing/voting.given.js';

/** Poznań's rule on a small election: a (50) is funded, b (60) is reached with 50 left, 83% of its cost. */
const POZNAN = [
  'META', 'key;value', 'description;Poznań reserve case', 'country;Poland', 'unit;Poznań', 'instance;2026', 'num_projects;3', 'num_votes;6',
  'budget;100', 'vote_type;choose-1', 'rule;greedy-custom', 'currency;PLN',
  'PROJECTS', 'project_id;cost;votes;name;selected', 'a;50;3;A;1', 'b;60;2;B;2', 'c;10;1;C;0',
  'VOTES', 'voter_id;vote', '1;a', '2;a', '3;a', '4;b', '5;b', '6;c',
].join('\n');

/** Plain Equal Shares on a small election: a (6) is funded from four voters' shares of 3; b (5) is not, 6 is left. */
const EQUAL_SHARES = [
  'META', 'key;value', 'description;Equal Shares leaves money', 'country;Netherlands', 'unit;Oost', 'instance;2026', 'num_projects;3', 'num_votes;4',
  'budget;12', 'vote_type;approval', 'rule;equalshares', 'currency;EUR',
  'PROJECTS', 'project_id;cost;votes;name;selected', 'a;6;4;A;1', 'b;5;2;B;0', 'c;4;1;C;0',
  'VOTES', 'voter_id;vote', '1;a,b', '2;a,b', '3;a,c', '4;a',
].join('\n');

/** The api on a store holding `pabulib` imported as a round: opened before the tests of the describe that calls it, closed after. */
function anImportedElection(pabulib: string): { readonly api: TestApi; readonly roundId: string } {
  const election = {} as { api: TestApi; roundId: string };
  let store: InMemoryEventStore;
  beforeAll(async () => {
    store = new InMemoryEventStore();
    election.api = await startTestApi(store);
    const deps = { store, vault: new InMemoryRoundKeyVault(), now: () => new Date('2026-05-01T09:00:00.000Z'), newId: () => randomUUID() };
    ({ roundId: election.roundId } = await importPabulib(deps, pabulib, aContext({ tenant: TENANT })));
  });
  afterAll(async () => {
    await election.api.close();
    await store.close();
  });
  return election;
}

describe('GET /rounds/{id}/count under plain Equal Shares (real HTTP)', () => {
  const election = anImportedElection(EQUAL_SHARES);

  it('states the unspent amount and what the add1 completions would select to spend it, in the count and in the published result', async () => {
    const auditor = { authorization: `Bearer ${await election.api.token('auditor')}` };
    const response = await fetch(`${election.api.url}/rounds/${election.roundId}/count`, { headers: auditor });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ rule: 'equalshares', winners: ['a'], budget: '12', cost: '6', leftover: '6' });
    expect(body.unspent).toEqual([{ pot: 'city', amount: '6', code: 'equal-shares', plan: 'c', text: expect.stringContaining('6 left') }]);
    const completions = body.completions as { rule: string; winners: string[]; added: string[]; leftover: string; text: string }[];
    expect(completions.map((c) => c.rule)).toEqual(['equalshares/add1', 'equalshares/add1u']);
    expect(completions[0]).toMatchObject({ winners: ['a', 'b'], added: ['b'], dropped: [], cost: '11', leftover: '1' });
    expect(completions[0]!.text).toMatch(/^Equal Shares left €6 unspent; equalshares\/add1 adds "b", spending €11 and leaving €1$/);
    const round = (await (await fetch(`${election.api.url}/rounds/${election.roundId}`, { headers: auditor })).json()) as { result: { count: { leftover: string; completions: unknown } } };
    expect(round.result.count.leftover).toBe('6');
    expect(round.result.count.completions).toEqual(completions);
  });
});

describe('GET /rounds/{id}/count under greedy-reserve (real HTTP)', () => {
  const election = anImportedElection(POZNAN);

  it('answers the plan funded from the reserve, with what the reserve paid apart from the budget', async () => {
    const response = await fetch(`${election.api.url}/rounds/${election.roundId}/count`, { headers: { authorization: `Bearer ${await election.api.token('auditor')}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      ballots: 6,
      rule: 'greedy-reserve',
      winners: ['a', 'b'],
      budget: '100',
      cost: '110',
      leftover: '0',
      reserve: { percent: 80, used: '10', plans: ['b'] },
    });
    expect((body.reserve as Record<string, unknown>).amount).toBeUndefined();
    expect((body.projects as { id: string; selected: boolean; reason: { code: string } }[]).find((p) => p.id === 'c')).toMatchObject({ selected: false, reason: { code: 'stopped' } });
  });
});
