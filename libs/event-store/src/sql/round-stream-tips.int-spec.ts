import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { NewEvent, Position } from '../event-store.port.js';
import { comparePositions } from '../position.js';
import { sqlTestDatabases, storePerTest } from '../testing/sql-test-stores.js';

const ballot = (roundId: string, n: number): NewEvent => ({ id: randomUUID(), type: 'BallotCast', data: { roundId, n }, metadata: { tenant: 't' } });
const other = (n: number): NewEvent => ({ id: randomUUID(), type: 'Other', data: { n }, metadata: { tenant: 't' } });

describe.each(sqlTestDatabases('round_tips'))("a round's streams and their tips (%s)", (_name, database) => {
  const open = storePerTest(database);

  it("answers each of the round's streams with its count and its last event up to the bound, with appends to it in several transactions", async () => {
    const { store } = await open();
    const roundId = randomUUID();
    // Streams written in several transactions, interleaved with the rest of the store.
    for (let pass = 0; pass < 3; pass++) {
      for (let i = 0; i < 20; i++) if (i % 3 >= pass) await store.append(`Ballot-${i}`, pass === 1 ? [ballot(roundId, pass), ballot(roundId, pass)] : [ballot(roundId, pass)]);
      await store.append(`Other-${pass}`, [other(pass), other(pass + 1)]);
    }
    const middle = (await store.readStream('Ballot-2'))[0]!.position;
    await store.append('Ballot-2', [ballot(roundId, 9)]);

    const byName = <T extends { streamName: string }>(rows: T[]) => [...rows].sort((a, b) => a.streamName.localeCompare(b.streamName));
    // Each stream read on its own, cut at the bound.
    const expected = async (upTo?: Position) =>
      byName(
        (
          await Promise.all(
            Array.from({ length: 20 }, async (_, i) => {
              const events = (await store.readStream(`Ballot-${i}`)).filter((e) => upTo === undefined || comparePositions(e.position, upTo) <= 0);
              const last = events.at(-1);
              return last ? [{ streamName: `Ballot-${i}`, events: events.length, revision: last.revision, position: last.position }] : [];
            }),
          )
        ).flat(),
      );
    const tips = async (upTo?: Position) =>
      byName((await store.roundStreamTips(roundId, upTo ? { upTo } : {})).streams.map((tip) => ({ streamName: tip.streamName, events: tip.events, revision: tip.revision, position: tip.position })));
    expect(await tips()).toEqual(await expected());
    // Bounded at Ballot-2's first event: every stream as it stood then.
    const bounded = await tips(middle);
    expect(bounded).toEqual(await expected(middle));
    expect(bounded.find((row) => row.streamName === 'Ballot-2')).toMatchObject({ events: 1, revision: 0n });
  });
});
