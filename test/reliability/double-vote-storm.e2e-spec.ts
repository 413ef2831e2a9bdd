import { Agent } from 'node:http';
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { ballotRequest } from './support/ballot-workload.js';
import { ballotStreams, type Fixture, openVoting, startFixture } from './support/fixture.js';
import { send } from './support/load.js';

/** 1,000 ballots at once with one voting code (one voter token): exactly one stands. */
describe('double-vote storm (api child process, private PostgreSQL)', () => {
  let fixture: Fixture;

  beforeAll(async () => {
    fixture = await startFixture();
  }, 120_000);
  afterAll(async () => {
    await fixture?.close();
  }, 60_000);

  it('1,000 concurrent ballots with one code: one 201, every other answer 409 BALLOT.ALREADY_CAST, one BallotCast stored', async () => {
    const { round, tokens } = await openVoting(fixture, 2);
    const agent = new Agent({ keepAlive: true, maxSockets: 256 });
    const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => send(fixture.api.url, ballotRequest(round, tokens[0]!, i), agent, 120_000)));
    agent.destroy();

    const tally = new Map<string, number>();
    for (const a of answers) tally.set(`${a.status} ${String(a.body?.code ?? '')}`, (tally.get(`${a.status} ${String(a.body?.code ?? '')}`) ?? 0) + 1);
    expect(Object.fromEntries(tally)).toEqual({ '201 ': 1, '409 BALLOT.ALREADY_CAST': 999 });
    const streams = await ballotStreams(fixture.sql, round.roundId);
    expect(streams.map((s) => s.types)).toEqual([['BallotCast']]);
  }, 180_000);
});
