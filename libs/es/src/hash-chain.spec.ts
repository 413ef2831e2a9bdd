import { describe, expect, it } from '@jest/globals';
import type { EventMetadata } from '@lib/event-store';
import { chainEvents, GENESIS_HASH, lastHash, verifyChain } from './hash-chain.js';

interface TestEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

const stream = 'Round-r1';
const recorded = () =>
  chainEvents<TestEvent>(stream, GENESIS_HASH, [
    { id: 'e0', type: 'RoundPlanned', data: { budgetId: 'b1' }, metadata: { actor: 'staff-1', tenant: 'GM0363' } },
    { id: 'e1', type: 'SubmissionOpened', data: { at: '2026-03-01' }, metadata: { actor: 'staff-1', tenant: 'GM0363' } },
    { id: 'e2', type: 'SubmissionClosed', data: { at: '2026-04-01' }, metadata: { actor: 'staff-2', tenant: 'GM0363', reason: 'deadline' } },
  ]).map((event, index) => ({ ...event, revision: BigInt(index) }));

describe('hash chain', () => {
  it('links each event to the previous hash, starting at the genesis hash', () => {
    const events = recorded();
    expect(events[0]!.metadata.previousHash).toBe(GENESIS_HASH);
    expect(events[1]!.metadata.previousHash).toBe(events[0]!.metadata.hash);
    expect(events[2]!.metadata.previousHash).toBe(events[1]!.metadata.hash);
    expect(lastHash(events)).toBe(events[2]!.metadata.hash);
    expect(verifyChain(stream, events)).toBeNull();
  });

  it('continues a chain across appends exactly as one append would', () => {
    const all = recorded();
    const [first, ...rest] = all;
    const continued = chainEvents(stream, lastHash([first!]), rest.map(({ id, type, data, metadata: { actor, tenant, reason } }): TestEvent => ({ id, type, data, metadata: { actor, tenant, ...(reason ? { reason } : {}) } })));
    expect(continued.map((e) => e.metadata.hash)).toEqual(rest.map((e) => e.metadata.hash));
  });

  it('names the event whose data was changed', () => {
    const events = recorded();
    events[1] = { ...events[1]!, data: { at: '2026-03-02' } };
    expect(verifyChain(stream, events)).toMatchObject({ revision: 1n, eventId: 'e1', problem: 'hash-mismatch' });
  });

  it('names the event whose metadata was changed', () => {
    const events = recorded();
    events[2] = { ...events[2]!, metadata: { ...events[2]!.metadata, actor: 'someone-else' } };
    expect(verifyChain(stream, events)).toMatchObject({ revision: 2n, eventId: 'e2', problem: 'hash-mismatch' });
  });

  it('finds a deleted event', () => {
    const events = recorded();
    events.splice(1, 1);
    expect(verifyChain(stream, events)).toMatchObject({ revision: 2n, eventId: 'e2', problem: 'revision-gap' });
  });

  it('finds two events swapped, even when their revisions are renumbered', () => {
    const events = recorded();
    const swapped = [events[0]!, { ...events[2]!, revision: 1n }, { ...events[1]!, revision: 2n }];
    expect(verifyChain(stream, swapped)).toMatchObject({ revision: 1n, eventId: 'e2', problem: 'previous-hash-mismatch' });
  });

  it('does not verify a chain copied into another stream', () => {
    expect(verifyChain('Round-r2', recorded())).toMatchObject({ revision: 0n, problem: 'hash-mismatch' });
  });
});
