import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { type AppProcess, spawnApp } from './support/app-process.js';
import { ballotStreams, type Fixture, openVoting, startFixture } from './support/fixture.js';
import { eventually, startLoad } from './support/load.js';
import { VoterQueue } from './support/voters.js';

const VOTERS = 300;

/** kill -9 of the api and of the projector while voters cast ballots; both restarted. */
describe('kill -9 of api and projector mid-load (child processes, private PostgreSQL)', () => {
  let fixture: Fixture;
  let projector: AppProcess | undefined;

  const startProjector = async () => {
    projector = spawnApp('projector', { ...fixture.env, LOG_LEVEL: 'warn' });
    await projector.waitFor('projector (server mode) running');
    return projector;
  };

  beforeAll(async () => {
    fixture = await startFixture();
  }, 120_000);
  afterAll(async () => {
    await projector?.kill9();
    await fixture?.close();
  }, 60_000);

  it('every acknowledged ballot is stored exactly once, no refused one is, and the read models converge to a recount', async () => {
    const { round, tokens } = await openVoting(fixture, VOTERS);
    await startProjector();
    const invalid = new Set([7, 77, 177, 277]);
    const voters = new VoterQueue(round, tokens, invalid);
    const load = startLoad({ baseUrl: () => fixture.api.url, clients: 8, next: voters.next, onOutcome: voters.onOutcome, pauseAfterErrorMs: 50 });

    await load.reached(60);
    expect(await fixture.api.kill9()).toEqual({ code: null, signal: 'SIGKILL' });
    await fixture.restartApi();
    await load.reached(150);
    expect(await projector!.kill9()).toEqual({ code: null, signal: 'SIGKILL' });
    await startProjector();
    await load.reached(200);
    expect(await fixture.api.kill9()).toEqual({ code: null, signal: 'SIGKILL' });
    await fixture.restartApi();
    await load.done;

    // What the voters were told.
    expect(voters.voters.filter((v) => v.final === undefined)).toEqual([]);
    expect(voters.unexplainedAlreadyCast()).toEqual([]);
    expect(voters.voters.filter((v) => v.final === 'refused').map((v) => v.index).sort((a, b) => a - b)).toEqual([...invalid].sort((a, b) => a - b));
    const acknowledged = voters.voters.filter((v) => v.final === 'acknowledged' || v.final === 'already-cast');
    expect(acknowledged).toHaveLength(VOTERS - invalid.size);

    // The store: exactly one BallotCast per acknowledged voter, none for the refused ones.
    const streams = await ballotStreams(fixture.sql, round.roundId);
    expect(streams).toHaveLength(acknowledged.length);
    expect(streams.filter((s) => s.types.join() !== 'BallotCast' || s.revisions.join() !== '0')).toEqual([]);
    const recount = new Map<string, number>();
    for (const s of streams) recount.set(s.choice, (recount.get(s.choice) ?? 0) + 1);

    // The read model (live count per plan) converges to the recount from the store.
    const projected = await eventually(
      'live count equal to the recount',
      async () => {
        const { rows } = await fixture.sql.query<{ plan_id: string; ballots: number }>('SELECT plan_id, ballots::int AS ballots FROM read_model.live_count WHERE round_id = $1', [round.roundId]);
        const counts = new Map(rows.map((r) => [r.plan_id, r.ballots]));
        return [...recount].every(([plan, n]) => counts.get(plan) === n) && rows.length === recount.size ? counts : undefined;
      },
      60_000,
    );
    expect(Object.fromEntries(projected)).toEqual(Object.fromEntries(recount));

    // SIGTERM stops the projector at a checkpoint: it exits 0 and its checkpoint is not marked failed.
    expect(await projector!.terminate(30_000)).toEqual({ code: 0, signal: null });
    const { rows } = await fixture.sql.query<{ failed: number }>("SELECT count(*)::int AS failed FROM read_model.projection_checkpoint WHERE status = 'failed'");
    expect(rows[0]!.failed).toBe(0);
  }, 240_000);
});
