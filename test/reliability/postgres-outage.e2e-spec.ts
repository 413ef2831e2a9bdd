import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { ballotStreams, type Fixture, openVoting, startFixture } from './support/fixture.js';
import { eventually, send, startLoad } from './support/load.js';
import { VoterQueue } from './support/voters.js';

const VOTERS = 240;

/**
 * PostgreSQL stops (immediate: a crash) while voters cast ballots against the api, and comes back.
 * A private cluster: the machine's shared server is never stopped.
 */
describe('PostgreSQL outage mid-load (api child process, private cluster)', () => {
  let fixture: Fixture;

  beforeAll(async () => {
    fixture = await startFixture();
  }, 120_000);
  afterAll(async () => {
    await fixture?.close();
  }, 60_000);

  it('503 problem details with Retry-After while it is down, no partial or double ballots, normal service after', async () => {
    const { round, tokens } = await openVoting(fixture, VOTERS);
    const invalid = new Set([3, 50, 100, 150, 200]);
    const voters = new VoterQueue(round, tokens, invalid);
    const load = startLoad({ baseUrl: () => fixture.api.url, clients: 8, next: voters.next, onOutcome: voters.onOutcome, pauseAfterErrorMs: 100 });

    await load.reached(40);
    await fixture.cluster.stop('immediate');
    const downFrom = load.outcomes.length;
    await eventually('ten answers while PostgreSQL is down', async () => (load.outcomes.length - downFrom >= 10 ? true : undefined), 60_000, 50);
    const whileDown = load.outcomes.slice(downFrom + 8); // the first few may have been in flight before the stop
    await fixture.cluster.start();
    const outcomes = await load.done;

    // While down: clear problem details, never a 500 (the api's log says why, when there is one).
    const internal = outcomes.filter((o) => o.status >= 500 && o.status !== 503);
    if (internal.length > 0) {
      const causes = fixture.api
        .output()
        .split('\n')
        .filter((line) => line.includes('"level":50') && !line.includes('EventStoreUnavailableError'))
        .map((line) => line.slice(0, 3000));
      throw new Error(`${internal.length} answer(s) ${internal.map((o) => o.status).join(', ')} during the outage; the api logged:\n${causes.join('\n')}`);
    }
    expect(whileDown.length).toBeGreaterThan(0);
    for (const outcome of whileDown) {
      expect({ status: outcome.status, code: outcome.body?.code, type: outcome.headers['content-type'], retryAfter: outcome.headers['retry-after'] }).toEqual({
        status: 503,
        code: 'STORE.UNAVAILABLE',
        type: expect.stringMatching(/^application\/problem\+json/),
        retryAfter: expect.stringMatching(/^\d+$/),
      });
    }

    // Every voter ended: acknowledged, or told it had already voted after an unanswered/503 attempt
    // (that attempt was recorded after all), or refused for its invalid ballot.
    expect(voters.voters.filter((v) => v.final === undefined)).toEqual([]);
    expect(voters.unexplainedAlreadyCast()).toEqual([]);
    expect(voters.voters.filter((v) => v.final === 'refused').map((v) => v.index).sort((a, b) => a - b)).toEqual([...invalid].sort((a, b) => a - b));

    // The store: one ballot stream per valid voter, each exactly one BallotCast at revision 0.
    const streams = await ballotStreams(fixture.sql, round.roundId);
    expect(streams).toHaveLength(VOTERS - invalid.size);
    expect(streams.filter((s) => s.types.join() !== 'BallotCast' || s.revisions.join() !== '0')).toEqual([]);
    // No other trace of a half-done append: every stream row has its events.
    const { rows } = await fixture.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM event_store.streams s WHERE s.stream_id LIKE $1 AND NOT EXISTS (SELECT 1 FROM event_store.events e WHERE e.stream_id = s.stream_id)`,
      [`Ballot-${round.roundId}_%`],
    );
    expect(rows[0]!.n).toBe(0);

    // Normal service: the api answers as before.
    const ready = await send(fixture.api.url, { method: 'GET', path: '/health/ready' });
    expect(ready.status).toBe(200);
  }, 180_000);
});
