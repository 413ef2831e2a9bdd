import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { type ExistingRound, roundDecider } from '@lib/budgeting';
import { type EventStore, InMemoryEventStore } from '@lib/event-store';
import { aRoundIn, ROUND_ID } from '../../../../budgeting/src/round/testing/round.given.js';
import { InMemoryRoundKeyVault } from '../../round-key/round-key.vault.js';
import { aContext, anOpenBox } from '../../testing/voting.given.js';
import type { VotingDeps } from '../../voting.deps.js';
import { ballotBoxStream } from '../ballot-box.events.js';
import { followRound } from './follow-round.js';

const TENANT = 'GM0363';
const box = ballotBoxStream(ROUND_ID);

/** The round after voting (counting), and a store with its box still open. */
async function anOpenBoxBehindItsRound(): Promise<{ store: InMemoryEventStore; round: ExistingRound }> {
  const store = new InMemoryEventStore();
  const events = anOpenBox().map((event) => ({ id: randomUUID(), type: event.type, data: { ...event.data, roundId: ROUND_ID }, metadata: { tenant: TENANT } }));
  await store.append(box, events);
  const round = aRoundIn('counting').reduce(roundDecider.evolve, roundDecider.initialState()) as ExistingRound;
  return { store, round };
}

const depsOver = (store: EventStore): VotingDeps => ({ store, vault: new InMemoryRoundKeyVault(), now: () => new Date(), newId: () => randomUUID() });

describe('followRound (the box follows its round)', () => {
  it('closes an open box once its round has left voting, destroying the round key first (the frame has no correction window)', async () => {
    const { store, round } = await anOpenBoxBehindItsRound();
    const deps = depsOver(store);
    await deps.vault.keyFor(round.roundId);
    expect((await followRound(deps, round, aContext({ tenant: TENANT }), 'apply')).map((e) => e.type)).toEqual(['BallotBoxClosed', 'RoundKeyDestroyed']);
    expect((await store.readStream(box)).map((e) => e.type)).toEqual(['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed', 'RoundKeyDestroyed']);
    expect(await deps.vault.status(round.roundId)).toBe('destroyed');
  });

  it('finds nothing to do when another follower closed the box between its read and its append', async () => {
    const { store, round } = await anOpenBoxBehindItsRound();
    // The second read of the box is the append's own (read, fold, decide, append): another process closes the box just before it.
    let reads = 0;
    const racing = new Proxy(store, {
      get(target, property) {
        if (property === 'readStream') {
          return async (stream: string, options?: never) => {
            if (stream === box && ++reads === 2) {
              await target.append(box, [{ id: randomUUID(), type: 'BallotBoxClosed', data: { roundId: ROUND_ID, reason: 'Closed by the other process', closedAt: '2026-05-01T09:00:00.000Z' }, metadata: { tenant: TENANT } }]);
            }
            return target.readStream(stream, options);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    expect(await followRound(depsOver(racing), round, aContext({ tenant: TENANT }), 'apply')).toEqual([]);
    expect(reads).toBeGreaterThanOrEqual(2);
    expect((await store.readStream(box)).map((e) => e.type)).toEqual(['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed']);
  });
});
