import { describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { computeRoundSeal } from './round-seal.js';

// Known answer: a published seal is this digest (sha256 over the RFC 8785 JSON of the sorted
// [stream, revision, last hash] triples of the round's streams). If it changes, no seal the
// council already published can be checked again: change the code, never the vector. The digests
// were computed independently (Python's json with sorted keys and sha256).
const hash = (c: string) => c.repeat(64);
const event = (n: number, type: string, data: Record<string, unknown>, eventHash: string) => ({
  id: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type,
  data,
  metadata: { actor: 'staff-7', tenant: 'GM0363', hash: eventHash },
});

async function givenTwoRounds() {
  const store = new InMemoryEventStore();
  await store.append('Round-r1', [event(1, 'RoundPlanned', { roundId: 'r1' }, hash('a')), event(2, 'PhaseAdvanced', { roundId: 'r1', to: 'voting' }, hash('b'))]);
  await store.append('Round-r2', [event(3, 'RoundPlanned', { roundId: 'r2' }, hash('c'))]);
  await store.append('BallotBox-r1', [event(4, 'BallotBoxPrepared', { roundId: 'r1' }, hash('d'))]);
  await store.append('Ballot-r1-v1', [event(5, 'BallotCast', { roundId: 'r1', choices: ['p1'] }, hash('e'))]);
  await store.append('Ballot-r1-v1', [event(6, 'BallotReplaced', { choices: ['p2'] }, hash('f'))]);
  return store;
}

describe('round seal known-answer vector', () => {
  it('digests the sorted (stream, revision, last hash) triples of the round\'s streams', async () => {
    const seal = await computeRoundSeal(await givenTwoRounds(), 'r1');
    expect(seal).toEqual({ digest: '9fde26946d41bd3e554606e94000fb25065a066e774ec17a49fdf60d76b52351', upTo: seal.upTo, streams: 3, events: 5 });
  });
});
