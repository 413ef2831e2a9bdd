import { describe, expect, it } from '@jest/globals';
import type { EventMetadata } from '@lib/event-store';
import { chainEvents, eventHash, GENESIS_HASH } from './hash-chain.js';

// Known answers: every stored chain was written with this canonicalisation (RFC 8785 JSON of
// stream, type, data and metadata with the previous hash, sha256 in lowercase hex). If one of
// these digests changes, every stored chain stops verifying: change the code, never the vector.
// The digests were computed independently (Python's json with sorted keys and sha256).
const metadata: EventMetadata = { $correlationId: 'c-1', $causationId: 'c-1', actor: 'staff-7', role: 'administrator', tenant: 'GM0363' };

describe('hash chain known-answer vectors', () => {
  it('hashes one event over its stream, type, data, metadata and the genesis hash', () => {
    const data = { roundId: 'r1', budgetId: 'b1', title: 'Wijkbudget Noord 2027', amountCents: 12_500_000, areas: ['noord', 'oost'], note: 'één € & "quote"' };
    expect(eventHash('Round-r1', 'RoundPlanned', data, metadata, GENESIS_HASH)).toBe('9e5379cf5b81e8cd21199fa0a9e04abfbae5576b1fe097f305f57e8fae01c348');
  });

  it('ignores a recorded hash in the metadata and key order in data and metadata', () => {
    const data = { note: 'één € & "quote"', areas: ['noord', 'oost'], amountCents: 12_500_000, title: 'Wijkbudget Noord 2027', budgetId: 'b1', roundId: 'r1' };
    const reordered = { tenant: 'GM0363', role: 'administrator', actor: 'staff-7', $causationId: 'c-1', $correlationId: 'c-1', hash: 'f'.repeat(64) };
    expect(eventHash('Round-r1', 'RoundPlanned', data, reordered, GENESIS_HASH)).toBe('9e5379cf5b81e8cd21199fa0a9e04abfbae5576b1fe097f305f57e8fae01c348');
  });

  it('chains three events, each over the previous hash', () => {
    const chained = chainEvents<{ id: string; type: string; data: unknown; metadata: EventMetadata }>('Round-r1', GENESIS_HASH, [
      { id: '10000000-0000-4000-8000-000000000001', type: 'RoundPlanned', data: { roundId: 'r1', budgetId: 'b1' }, metadata },
      { id: '10000000-0000-4000-8000-000000000002', type: 'PhaseAdvanced', data: { roundId: 'r1', to: 'voting', at: '2027-03-01T09:00:00.000Z' }, metadata },
      { id: '10000000-0000-4000-8000-000000000003', type: 'ResultPublished', data: { roundId: 'r1', winners: [{ proposalId: 'p1', votes: 42, costCents: 500_000 }], exactScore: 0.5 }, metadata: { ...metadata, reason: 'telling 12 maart' } },
    ]);
    expect(chained.map((event) => [event.metadata.previousHash, event.metadata.hash])).toEqual([
      [GENESIS_HASH, '7f7781851589cf3ca29546e23a4086cce3e0a2f28987d88bc8c9ff7b0ad61178'],
      ['7f7781851589cf3ca29546e23a4086cce3e0a2f28987d88bc8c9ff7b0ad61178', 'a5993391be878719e397d4e8a78f4680d976a51a12c01ad075b8621b07c1e846'],
      ['a5993391be878719e397d4e8a78f4680d976a51a12c01ad075b8621b07c1e846', 'f19b742a9021f74fadf00977dceebc4eeae4424a125c6e7d069c3207fc6373e3'],
    ]);
  });
});
