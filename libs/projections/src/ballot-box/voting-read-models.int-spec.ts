import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { liveCountProjection } from '../live-count/live-count.projection.js';
import { resultProjection } from '../results/result.projection.js';
import { turnoutFigures } from '../public-page/public-round.view.js';
import { given, type GivenEvent, openTestReadModels, project, type TestReadModels } from '../testing/read-models.given.js';
import { ballotBoxProjection } from './ballot-box.projection.js';

const R = 'r-vote';
/** A round's box and roll, as the events a vote writes. */
function aRound(round: string) {
  const box = (type: string, data: object): GivenEvent => ({ stream: `BallotBox-${round}`, type, data: { roundId: round, ...data } });
  const participant = (ref: string, area: string, ageBand: string, source = 'municipality-file', ineligibility: string | null = null): GivenEvent => ({
    stream: `Participant-${round}_${ref}`,
    type: 'ParticipantRegistered',
    data: { roundId: round, participantRef: ref, rootRef: ref, area, ageBand, eligible: ineligibility === null, ineligibility, source, registeredAt: '2026-04-20T10:00:00.000Z' },
  });
  const prepared = box('BallotBoxPrepared', {
    frame: { budgetId: 'b-1', frameVersion: 1, ballot: { type: 'approval' }, tally: { rule: 'greedy' }, budgetCents: 5_000_000, plans: [{ planId: 'p-1', costCents: 3_000_000, name: 'Speeltuin' }, { planId: 'p-2', costCents: 2_500_000 }] },
    preparedAt: '2026-04-15T10:00:00.000Z',
  });
  return { box, participant, prepared };
}
const { box, participant, prepared } = aRound(R);
const cast = (ref: string, area: string, channel: string, choices: string[], ageBand?: string): GivenEvent => ({
  stream: `Ballot-${R}_${ref}`,
  type: 'BallotCast',
  data: { roundId: R, ballotRef: ref, channel, verification: 'voting-code', area, ...(ageBand ? { ageBand } : {}), content: { type: 'approval', choices }, batchId: null, castAt: '2026-05-02T10:00:00.000Z' },
});

describe('ballot box, turnout, live count and results read models', () => {
  // One store and one read-model database for the describe: each test writes rounds of its own.
  const store = new InMemoryEventStore({ pollIntervalMs: 10 });
  let rm: TestReadModels;
  const rowsOfRound = async (table: string, round: string, orderBy = '1') =>
    (await rm.db.read((m) => m.query<{ row: Record<string, unknown> }[]>(`SELECT to_jsonb(t) AS row FROM ${rm.db.schema}."${table}" t WHERE round_id = $1 ORDER BY ${orderBy}`, [round]))).map((r) => r.row);
  beforeAll(async () => {
    rm = await openTestReadModels();
  });
  afterAll(async () => {
    await rm.cleanup();
  });

  it('given a vote with a replaced ballot and a published result, then counts, turnout and the explained result', async () => {
    await given(store, [
      prepared,
      participant('a', 'BU01', '18-64'),
      participant('b', 'BU01', '65+'),
      participant('c', 'BU02', '18-64'),
      participant('c2', 'BU02', '18-64', 'reissue'),
      box('BallotBoxOpened', { reason: 'Planning', openedAt: '2026-05-01T08:00:00.000Z' }),
      cast('x', 'BU01', 'online', ['p-1', 'p-2'], '65+'),
      cast('y', 'BU02', 'online', ['p-2']),
      {
        stream: `Ballot-${R}_x`,
        type: 'BallotReplaced',
        data: { roundId: R, ballotRef: 'x', channel: 'paper', verification: 'paper-code-checked', area: 'BU01', content: { type: 'approval', choices: ['p-1'] }, batchId: 'S1-1', replacedChannel: 'online', replacedAt: '2026-05-03T10:00:00.000Z' },
      },
      box('BallotBoxClosed', { reason: 'Einde', closedAt: '2026-05-15T18:00:00.000Z' }),
      {
        stream: `Round-${R}`,
        type: 'ResultPublished',
        data: {
          roundId: R,
          frameVersion: 1,
          winners: [{ proposalId: 'p-1', amountCents: 3_000_000, areaCode: null }],
          explanation: [
            { proposalId: 'p-1', selected: true, explanation: 'Meeste stemmen en past in het budget', votes: 1 },
            { proposalId: 'p-2', selected: false, explanation: 'Past niet meer in het budget', votes: 1 },
          ],
          totalCents: 3_000_000,
          at: '2026-05-16T10:00:00.000Z',
        },
      },
    ]);

    await project(store, rm.db, [ballotBoxProjection, liveCountProjection, resultProjection]);

    expect(await rowsOfRound('ballot_box', R)).toEqual([
      expect.objectContaining({ round_id: R, tenant: 'GM0363', phase: 'closed', registered: 3, eligible: 3, ballot_type: 'approval', tally_rule: 'greedy', budget_cents: 5_000_000 }),
    ]);
    expect(await rowsOfRound('turnout_ballots', R, 'area, channel')).toEqual([
      { round_id: R, area: 'BU01', channel: 'online', tenant: 'GM0363', ballots: 0 },
      { round_id: R, area: 'BU01', channel: 'paper', tenant: 'GM0363', ballots: 1 },
      { round_id: R, area: 'BU02', channel: 'online', tenant: 'GM0363', ballots: 1 },
    ]);
    // Per age band: the replaced ballot keeps its band; a ballot cast before the band was recorded counts as unknown.
    expect(await rowsOfRound('turnout_ballots_age', R, 'age_band')).toEqual([
      { round_id: R, age_band: '65+', tenant: 'GM0363', ballots: 1 },
      { round_id: R, age_band: 'unknown', tenant: 'GM0363', ballots: 1 },
    ]);
    expect(await rowsOfRound('turnout_roll', R, 'area, age_band')).toEqual([
      { round_id: R, area: 'BU01', age_band: '18-64', tenant: 'GM0363', eligible: 1 },
      { round_id: R, area: 'BU01', age_band: '65+', tenant: 'GM0363', eligible: 1 },
      { round_id: R, area: 'BU02', age_band: '18-64', tenant: 'GM0363', eligible: 1 },
    ]);
    expect(await rowsOfRound('live_count', R, 'plan_id')).toEqual([
      { round_id: R, plan_id: 'p-1', tenant: 'GM0363', ballots: 1, points: 1 },
      { round_id: R, plan_id: 'p-2', tenant: 'GM0363', ballots: 1, points: 1 },
    ]);
    expect(await rowsOfRound('result_plan', R, 'proposal_id')).toEqual([
      { round_id: R, proposal_id: 'p-1', tenant: 'GM0363', correction: 0, selected: true, amount_cents: 3_000_000, area_code: null, votes: 1, explanation: 'Meeste stemmen en past in het budget', details: null, published_at: '2026-05-16T10:00:00+00:00' },
      { round_id: R, proposal_id: 'p-2', tenant: 'GM0363', correction: 0, selected: false, amount_cents: null, area_code: null, votes: 1, explanation: 'Past niet meer in het budget', details: null, published_at: '2026-05-16T10:00:00+00:00' },
    ]);
  });

  it('given the registrations of the roll, then the box counts each code once, a re-issued code not again, and an ineligible one as registered only', async () => {
    const round = aRound('r-roll');
    await given(store, [
      round.prepared,
      round.participant('a', 'BU01', '18-64'),
      round.participant('b', 'BU01', '12-15', 'municipality-file', 'age'),
      round.participant('c', 'BU02', '18-64', 'generated'),
      round.box('BallotBoxOpened', { reason: 'Planning', openedAt: '2026-05-01T08:00:00.000Z' }),
      round.participant('c2', 'BU02', '18-64', 'reissue'),
      round.participant('d', 'BU02', '65+', 'oidc'),
    ]);
    await project(store, rm.db, [ballotBoxProjection, liveCountProjection, resultProjection]);
    expect(await rowsOfRound('ballot_box', 'r-roll')).toEqual([expect.objectContaining({ phase: 'open', registered: 4, eligible: 3 })]);
    expect(await rowsOfRound('turnout_roll', 'r-roll', 'area, age_band')).toEqual([
      { round_id: 'r-roll', area: 'BU01', age_band: '18-64', tenant: 'GM0363', eligible: 1 },
      { round_id: 'r-roll', area: 'BU02', age_band: '18-64', tenant: 'GM0363', eligible: 1 },
      { round_id: 'r-roll', area: 'BU02', age_band: '65+', tenant: 'GM0363', eligible: 1 },
    ]);
  });

  it('given sign-ins and the destruction of the round key, then the box counts the sign-ins (no one\'s in particular) and says when the key went', async () => {
    const round = aRound('r-signins');
    const signedIn = (ref: string, channel: string, at: string): GivenEvent => ({ stream: `Participant-r-signins_${ref}`, type: 'VoterSignedIn', data: { roundId: 'r-signins', participantRef: ref, channel, signedInAt: at } });
    await given(store, [
      round.prepared,
      round.participant('a', 'BU01', '18-64'),
      round.participant('b', 'BU01', '18-64', 'oidc'),
      round.box('BallotBoxOpened', { reason: 'Planning', openedAt: '2026-05-01T08:00:00.000Z' }),
      signedIn('a', 'code', '2026-05-01T09:00:00.000Z'),
      signedIn('a', 'code', '2026-05-02T21:30:00.000Z'),
      signedIn('b', 'oidc', '2026-05-03T10:00:00.000Z'),
      round.box('BallotBoxClosed', { reason: 'Planning', closedAt: '2026-05-14T17:00:00.000Z' }),
      round.box('RoundKeyDestroyed', { reason: 'voting-closed', destroyedAt: '2026-05-14T17:00:00.000Z' }),
    ]);
    await project(store, rm.db, [ballotBoxProjection, liveCountProjection, resultProjection]);
    expect(await rowsOfRound('ballot_box', 'r-signins')).toEqual([expect.objectContaining({ phase: 'closed', sign_ins: 3, key_destroyed_at: '2026-05-14T17:00:00+00:00' })]);
  });

  it('given an older store that holds VoterRollExtended beside the same registrations, then the roll is counted once, from the registrations', async () => {
    const round = aRound('r-old');
    await given(store, [
      round.prepared,
      round.participant('a', 'BU01', '18-64'),
      round.participant('b', 'BU01', '12-15', 'municipality-file', 'age'),
      round.participant('c', 'BU02', '18-64'),
      round.box('VoterRollExtended', { source: 'municipality-file', registered: 3, eligible: 2, extendedAt: '2026-04-21T10:00:00.000Z' }),
      round.participant('c2', 'BU02', '18-64', 'reissue'),
      round.participant('d', 'BU02', '65+', 'oidc'),
      round.box('VoterRollExtended', { source: 'oidc', registered: 1, eligible: 1, extendedAt: '2026-04-22T10:00:00.000Z' }),
    ]);
    await project(store, rm.db, [ballotBoxProjection, liveCountProjection, resultProjection]);
    expect(await rowsOfRound('ballot_box', 'r-old')).toEqual([expect.objectContaining({ phase: 'prepared', registered: 4, eligible: 3, updated_at: '2026-04-20T10:00:00+00:00' })]);
  });

  it('computes the representativeness index per area against the CBS population: share of voters over share of residents', () => {
    const figures = turnoutFigures(
      [
        { area: 'BU01', channel: 'online', ballots: 30 },
        { area: 'BU02', channel: 'online', ballots: 10 },
      ],
      [],
      [
        { area_code: 'BU01', age_band: 'total', population: 500, source: 'CBS 2024' },
        { area_code: 'BU02', age_band: 'total', population: 500, source: 'CBS 2024' },
        { area_code: 'BU01', age_band: '15-24', population: 100, source: 'CBS 2024' },
      ],
      1000,
    );
    expect(figures.byArea).toEqual([
      { group: 'BU01', ballots: 30, population: 500, index: 1.5 },
      { group: 'BU02', ballots: 10, population: 500, index: 0.5 },
    ]);
    expect(figures.byAgeBand).toEqual([{ group: '15-24', ballots: null, population: 100, index: null }]);
    expect(figures.populationSource).toBe('CBS 2024');
  });

  it('computes turnout per age band against the population, and withholds groups under 10 ballots when published', () => {
    const ballots = [
      { area: 'BU01', channel: 'online', ballots: 40 },
      { area: 'BU02', channel: 'online', ballots: 4 },
    ];
    const population = [
      { area_code: 'BU01', age_band: 'total', population: 800, source: 'CBS 2024' },
      { area_code: 'BU02', age_band: 'total', population: 200, source: 'CBS 2024' },
      { area_code: 'BU01', age_band: '25-44', population: 600, source: 'CBS 2024' },
      { area_code: 'BU01', age_band: '65+', population: 400, source: 'CBS 2024' },
    ];
    const ages = [
      { age_band: '25-44', ballots: 11 },
      { age_band: '65+', ballots: 33 },
    ];
    const staff = turnoutFigures(ballots, [], population, 1000, ages);
    expect(staff.byAgeBand).toEqual([
      { group: '25-44', ballots: 11, population: 600, index: 11 / 44 / 0.6 },
      { group: '65+', ballots: 33, population: 400, index: 33 / 44 / 0.4 },
    ]);
    const published = turnoutFigures(ballots, [], population, 1000, [...ages, { age_band: '12-17', ballots: 3 }], { suppressBelow: 10 });
    expect(published.byAgeBand).toEqual([
      { group: '12-17', ballots: null, population: 0, index: null, suppressed: true },
      { group: '25-44', ballots: 11, population: 600, index: 11 / 47 / 0.6 },
      { group: '65+', ballots: 33, population: 400, index: 33 / 47 / 0.4 },
    ]);
    expect(published.byArea).toEqual([
      { group: 'BU01', ballots: 40, population: 800, index: 40 / 44 / 0.8 },
      { group: 'BU02', ballots: null, population: 200, index: null, suppressed: true },
    ]);
  });
});
