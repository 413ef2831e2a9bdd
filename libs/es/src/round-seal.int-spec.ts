import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type EventStore, InMemoryEventStore, type NewEvent, type Position, type RoundStreamTips } from '@lib/event-store';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../../test/support/sql-store.js';
import { chainEvents, GENESIS_HASH, lastHash } from './hash-chain.js';
import { computeRoundSeal, scanRoundSeal } from './round-seal.js';

let n = 0;
const id = () => `40000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

/** Appends chained events, as `handleCommand` would. */
async function append(store: EventStore, stream: string, events: { type: string; data: Record<string, unknown> }[]): Promise<Position> {
  const before = await store.readStream(stream, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
  const chained = chainEvents(stream, before.length > 0 ? lastHash(before) : GENESIS_HASH, events.map((e) => ({ id: id(), ...e, metadata: { actor: 'staff-7', tenant: 'GM0363' } })));
  return (await store.append(stream, chained as NewEvent[])).position;
}

/** Another round's ballots: `count` streams of one event each, in appends of 50. */
async function ballotsOf(store: EventStore, roundId: string, count: number, from = 0): Promise<void> {
  for (let i = from; i < from + count; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, from + count - i) }, (_, j) => append(store, `Ballot-${roundId}_${i + j}`, [{ type: 'BallotCast', data: { roundId, choices: ['p9'] } }])));
  }
}

/**
 * Round r1 as the seal must see it: its own stream, a plan named by data only (whose later events
 * carry no roundId but belong with it), a budget that joins the round later (its earlier events
 * included), a ballot box and ballots; beside it streams that only look related (a round id that is
 * a number, another round whose id starts the same, a deleted stream).
 */
async function givenRoundR1(store: EventStore): Promise<{ middle: Position }> {
  await append(store, 'Budget-b1', [{ type: 'BudgetEstablished', data: { budgetId: 'b1' } }]);
  await append(store, 'Round-r1', [{ type: 'RoundPlanned', data: { roundId: 'r1', budgetId: 'b1' } }]);
  await append(store, 'Proposal-x', [{ type: 'ProposalSubmitted', data: { roundId: 'r1', title: 'Speeltuin' } }]);
  await append(store, 'Proposal-x', [{ type: 'ProposalAmended', data: { version: 2 } }]);
  await append(store, 'Proposal-y', [{ type: 'ProposalSubmitted', data: { roundId: 'r10' } }]);
  await append(store, 'Proposal-z', [{ type: 'ProposalSubmitted', data: { roundId: 1, other: 'r1' } }]);
  const middle = await append(store, 'Budget-b1', [{ type: 'BudgetAmended', data: { budgetId: 'b1', amountCents: 5 } }]);
  await append(store, 'Budget-b1', [{ type: 'FrameFrozenForRound', data: { budgetId: 'b1', roundId: 'r1' } }]);
  await append(store, 'BallotBox-r1', [
    { type: 'BallotBoxPrepared', data: { roundId: 'r1' } },
    { type: 'BallotBoxOpened', data: { roundId: 'r1' } },
  ]);
  await append(store, 'Ballot-r1_1', [{ type: 'BallotCast', data: { roundId: 'r1', choices: ['p1'] } }]);
  await append(store, 'Ballot-r1_1', [{ type: 'BallotReplaced', data: { choices: ['p2'] } }]);
  await append(store, 'Ballot-r1_2', [{ type: 'BallotCast', data: { roundId: 'r1', choices: ['p1'] } }]);
  await append(store, 'Participant-r1_gone', [{ type: 'ParticipantRegistered', data: { roundId: 'r1' } }]);
  await store.deleteStream('Participant-r1_gone');
  return { middle };
}

describe.each([
  ['in memory', async () => ({ store: new InMemoryEventStore() as EventStore, cleanup: async () => undefined, settled: async () => undefined })],
  ['SQL (PostgreSQL with DATABASE_URL, PGlite otherwise)', async (): Promise<Pick<TestSqlStore, 'store' | 'cleanup' | 'settled'>> => openTestSqlStore()],
])('a round seal on the %s store', (_, open) => {
  let db: Awaited<ReturnType<typeof open>>;
  let middle: Position;
  let end: Position;
  beforeAll(async () => {
    db = await open();
    ({ middle } = await givenRoundR1(db.store));
    await ballotsOf(db.store, 'r2', 100);
    end = await append(db.store, 'Round-r1', [{ type: 'RoundPhaseAdvanced', data: { roundId: 'r1', to: 'counting' } }]);
    await db.settled();
  });
  afterAll(async () => {
    await db.cleanup();
    await closeSharedPglite();
  });

  it('finds the same streams and events as a scan of $all, and so the same digest', async () => {
    expect(db.store.roundStreamTips).toBeDefined();
    const scanned = await scanRoundSeal(db.store, 'r1', { upTo: end });
    expect(scanned).toMatchObject({ streams: 7, events: 13 });
    expect(await computeRoundSeal(db.store, 'r1', { upTo: end })).toEqual(scanned);
    // Up to a position in the middle (the budget has not joined yet), and up to the head of $all.
    expect(await computeRoundSeal(db.store, 'r1', { upTo: middle })).toEqual(await scanRoundSeal(db.store, 'r1', { upTo: middle }));
    expect((await computeRoundSeal(db.store, 'r1', { upTo: middle })).streams).toBe(2);
    expect(await computeRoundSeal(db.store, 'r1')).toEqual(await scanRoundSeal(db.store, 'r1'));
    expect(await computeRoundSeal(db.store, 'r10')).toEqual(await scanRoundSeal(db.store, 'r10'));
    expect(await computeRoundSeal(db.store, 'nothing')).toEqual(await scanRoundSeal(db.store, 'nothing'));
  });

  it("reads only the round's streams: no read of $all or of a stream, however large the other round grows", async () => {
    const readAll = jest.spyOn(db.store, 'readAll');
    const readStream = jest.spyOn(db.store, 'readStream');
    try {
      const before = await computeRoundSeal(db.store, 'r1', { upTo: end });
      await ballotsOf(db.store, 'r2', 400, 100);
      readAll.mockClear();
      readStream.mockClear();
      const tips = jest.spyOn(db.store as Required<Pick<EventStore, 'roundStreamTips'>>, 'roundStreamTips');
      const after = await computeRoundSeal(db.store, 'r1', { upTo: end });
      expect(after).toEqual(before);
      expect(readAll).not.toHaveBeenCalled();
      expect(readStream).not.toHaveBeenCalled();
      expect(tips).toHaveBeenCalledTimes(1);
      // What it answered holds only the round's streams: none of the other round's 500.
      const answer = (await (tips.mock.results[0]!.value as Promise<RoundStreamTips>)).streams;
      expect(answer.map((s) => s.streamName).sort()).toEqual(['Ballot-r1_1', 'Ballot-r1_2', 'BallotBox-r1', 'Budget-b1', 'Participant-r1_gone', 'Proposal-x', 'Round-r1']);
      tips.mockRestore();
    } finally {
      readAll.mockRestore();
      readStream.mockRestore();
    }
  });
});
