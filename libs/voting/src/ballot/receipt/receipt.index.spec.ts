import { describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { AT, ROUND_ID } from '../../testing/voting.given.js';
import { ballotStream, type CastData } from '../ballot.events.js';
import { ReceiptIndex } from './receipt.index.js';

const cast = (ballotRef: string, extra: Partial<CastData>): CastData => ({
  roundId: ROUND_ID,
  ballotRef,
  channel: 'online',
  verification: 'voting-code',
  area: 'WK036301',
  content: { type: 'approval', choices: ['p-park'] },
  batchId: null,
  ...extra,
});

async function append(store: InMemoryEventStore, ballotRef: string, type: 'BallotCast' | 'BallotReplaced', data: CastData, tenant = 'GM0363'): Promise<void> {
  const at = type === 'BallotCast' ? { castAt: AT } : { replacedChannel: 'online', replacedAt: AT };
  await store.append(ballotStream(ROUND_ID, ballotRef), [{ id: `${ballotRef}-${type}-${data.channel}`, type, data: { ...data, ...at } as unknown as Record<string, unknown>, metadata: { actor: 'voter', role: 'voter', tenant } }], { expectedRevision: 'any' });
}

describe('ReceiptIndex', () => {
  it('finds a receipt\'s ballot from the ballot events alone: standing, replaced online or by paper, and keeps up with later events', async () => {
    const store = new InMemoryEventStore();
    const index = new ReceiptIndex();
    await append(store, 'a', 'BallotCast', cast('a', { receiptDigest: 'd-a1' }));
    await append(store, 'a', 'BallotReplaced', cast('a', { receiptDigest: 'd-a2' }));
    await append(store, 'b', 'BallotCast', cast('b', { receiptDigest: 'd-b1' }));
    await append(store, 'c', 'BallotCast', cast('c', { receiptDigest: 'd-c1' }), 'GM0599');

    expect(await index.find(store, ROUND_ID, 'GM0363', 'd-a1')).toEqual({ status: 'replaced', channel: 'online', replacedBy: 'online', stream: ballotStream(ROUND_ID, 'a'), revision: 0n });
    expect(await index.find(store, ROUND_ID, 'GM0363', 'd-a2')).toEqual({ status: 'counted', channel: 'online', replacedBy: null, stream: ballotStream(ROUND_ID, 'a'), revision: 1n });
    expect(await index.find(store, ROUND_ID, 'GM0363', 'd-b1')).toMatchObject({ status: 'counted' });
    // Another municipality's ballot, and a digest of no ballot: nothing.
    expect(await index.find(store, ROUND_ID, 'GM0363', 'd-c1')).toBeNull();
    expect(await index.find(store, ROUND_ID, 'GM0363', 'd-none')).toBeNull();

    // A paper ballot confirmed after the close replaces the online one under paper precedence.
    await append(store, 'b', 'BallotReplaced', cast('b', { channel: 'paper', verification: 'paper-code-checked', batchId: 'S1-1' }));
    expect(await index.find(store, ROUND_ID, 'GM0363', 'd-b1')).toEqual({ status: 'replaced', channel: 'online', replacedBy: 'paper', stream: ballotStream(ROUND_ID, 'b'), revision: 0n });
  });
});
