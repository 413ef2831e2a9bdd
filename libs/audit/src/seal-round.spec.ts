import { describe, expect, it } from '@jest/globals';
import { type CommandContext, computeRoundSeal, type Decider, handleCommand } from '@lib/es';
import { InMemoryEventStore } from '@lib/event-store';
import { checkPublishedSeal, currentSeal, roundSeals, sealRound, sealVerificationInstructions } from './seal-round.js';
import { verifyStore } from './verify-store.js';

type Fact = { type: string; data: Record<string, unknown> };
const recorder: Decider<Fact[], null, Fact> = { initialState: () => null, evolve: () => null, decide: (facts) => facts };
const context: CommandContext = { actor: 'staff-7', role: 'administrator', tenant: 'GM0363', correlationId: 'c-1', now: new Date('2026-04-01T09:00:00Z') };
let n = 0;
const newId = () => `20000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

async function givenARound() {
  const store = new InMemoryEventStore();
  const record = (stream: string, facts: Fact[]) => handleCommand(store, stream, recorder, facts, context, { newId });
  const seal = async (phase: string, at: string) => {
    const sealed = await sealRound(store, 'r1', { at, phase });
    await record('Round-r1', [{ type: sealed.type, data: { ...sealed.data } }]);
    return sealed;
  };
  await record('Round-r1', [{ type: 'RoundPlanned', data: { roundId: 'r1' } }]);
  await record('BallotBox-r1', [{ type: 'BallotBoxPrepared', data: { roundId: 'r1' } }]);
  await record('Round-r2', [{ type: 'RoundPlanned', data: { roundId: 'r2' } }]);
  return { store, record, seal };
}

describe('sealing a round', () => {
  it('returns the RoundSealed event to append: the digest over the round\'s streams so far, when and at which phase', async () => {
    const { store } = await givenARound();
    const sealed = await sealRound(store, 'r1', { at: '2026-05-01T08:00:00.000Z', phase: 'voting' });
    const expected = await computeRoundSeal(store, 'r1');
    expect(sealed).toEqual({
      type: 'RoundSealed',
      data: { roundId: 'r1', digest: expected.digest, upTo: expected.upTo, streams: 2, events: 2, sealedAt: '2026-05-01T08:00:00.000Z', phase: 'voting' },
    });
    expect(sealed.data.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has no current seal before the first, then the latest; every seal verifies', async () => {
    const { store, seal, record } = await givenARound();
    expect(await currentSeal(store, 'r1')).toBeNull();
    const first = await seal('voting', '2026-05-01T08:00:00.000Z');
    await record('Ballot-r1_abc', [{ type: 'BallotCast', data: { roundId: 'r1' } }]);
    const second = await seal('counting', '2026-05-08T08:00:00.000Z');
    expect(first.data.digest).not.toBe(second.data.digest);
    expect(await currentSeal(store, 'r1')).toMatchObject({ digest: second.data.digest, phase: 'counting', sealedAt: '2026-05-08T08:00:00.000Z', revision: 2n, streams: 3 });
    expect((await roundSeals(store, 'r1')).map((s) => s.phase)).toEqual(['voting', 'counting']);
    expect(await verifyStore(store, { roundId: 'r1' })).toMatchObject({ ok: true, seals: 2 });
  });

  it('accepts a published digest of the latest or an earlier seal, and refuses any other', async () => {
    const { store, seal } = await givenARound();
    const first = await seal('voting', '2026-05-01T08:00:00.000Z');
    const second = await seal('counting', '2026-05-08T08:00:00.000Z');
    expect(await checkPublishedSeal(store, 'r1', second.data.digest.toUpperCase())).toMatchObject({ ok: true, latest: true, recomputed: second.data.digest });
    expect(await checkPublishedSeal(store, 'r1', first.data.digest)).toMatchObject({ ok: true, latest: false, latestSeal: { digest: second.data.digest } });
    const other = await checkPublishedSeal(store, 'r1', 'f'.repeat(64));
    expect(other).toMatchObject({ ok: false, matched: null, recomputed: null });
    expect(other.problem).toBe(`none of the round's 2 seal(s) has the published digest; the latest seal (2026-05-08T08:00:00.000Z) has ${second.data.digest}`);
    expect(await checkPublishedSeal(store, 'r2', 'f'.repeat(64))).toMatchObject({ ok: false, problem: 'round r2 has no seal' });
  });

  it('explains how to check a seal with the exact commands', () => {
    const text = sealVerificationInstructions('r1', { digest: 'ab'.repeat(32), upTo: '12/12' });
    expect(text).toContain(`Seal of round r1: sha256 ${'ab'.repeat(32)}, over every event of the round up to position 12/12.`);
    expect(text).toContain(`  npm run --silent audit -- verify --round r1 --expect-seal ${'ab'.repeat(32)}\n`);
    expect(text).toContain('  npm run --silent audit -- recount --round r1\n');
    expect(text).toContain('  npm run --silent audit -- history --round r1\n');
    // A seal that fixed the store-wide chain's head: the same command checks both.
    const head = { link: 3, upTo: '12/12', digest: 'cd'.repeat(32) };
    const chained = sealVerificationInstructions('r1', { digest: 'ab'.repeat(32), upTo: '12/12', storeChain: head });
    expect(chained).toContain(`Head of the store-wide chain it fixed: link 3, sha256 ${'cd'.repeat(32)}, up to position 12/12.`);
    expect(chained).toContain(`  npm run --silent audit -- verify --round r1 --expect-seal ${'ab'.repeat(32)} --expect-head ${'cd'.repeat(32)}\n`);
  });
});
