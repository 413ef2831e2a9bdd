import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from '@jest/globals';
import { readRound } from '@lib/budgeting';
import { InMemoryEventStore } from '@lib/event-store';
import { readPabulib } from '@lib/tally';
import { countRound, standingBallots } from '../count/count-round.js';
import { InMemoryRoundKeyVault } from '../round-key/round-key.vault.js';
import { aContext } from '../testing/voting.given.js';
import type { VotingDeps } from '../voting.deps.js';
import { exportPabulib } from './pabulib-export.js';
import { importPabulib } from './pabulib-import.js';

const dir = join(process.cwd(), 'test', 'fixtures', 'pabulib');
const expected = JSON.parse(readFileSync(join(dir, 'EXPECTED.json'), 'utf8')) as { file: string; declared_rule: string; expected: Record<string, { winners: string[] }> }[];
const KEY_OF_RULE: Record<string, string> = { greedy: 'greedy', 'equalshares/add1-comparison': 'mes_add1_comparison' };

function deps(): VotingDeps {
  return { store: new InMemoryEventStore(), vault: new InMemoryRoundKeyVault(), now: () => new Date('2026-05-01T09:00:00.000Z'), newId: () => randomUUID() };
}

const canonical = (ballots: { content: unknown }[]): string[] => ballots.map((b) => JSON.stringify(b.content)).sort();

describe.each(['Netherlands_Amsterdam_588.pb', 'Poland_Wieliczka_2023_Green_Budget.pb'])('Pabulib %s', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const want = expected.find((e) => e.file === file)!;

  it('imports through the commands, counts the city\'s winners, and round-trips through export', async () => {
    const d = deps();
    const context = aContext();
    const started = Date.now();
    const { roundId, ballots, result: published } = await importPabulib(d, text, context);
    const seconds = (Date.now() - started) / 1000;
    const source = readPabulib(text);
    expect(ballots).toBe(source.election.ballots.length);
    // Kept fast: the round's commands add a handful of appends and one count to the ballots.
    expect(seconds).toBeLessThan(45);

    // A real round: planned, moved to voting and counting, the result published by counting the ballots.
    const round = (await readRound(d.store, roundId, context.tenant)).state;
    expect(round.history.map((h) => h.to)).toEqual(['submission', 'support', 'feasibility', 'voting', 'counting']);
    expect(round.result).toMatchObject({ basis: 'count', count: { ballots: source.election.ballots.length, rule: want.declared_rule } });
    expect(published.winners.map((w) => w.proposalId).sort()).toEqual([...want.expected[KEY_OF_RULE[want.declared_rule]!]!.winners].sort());
    expect(published.explanation).toHaveLength(source.election.projects.length);

    // Every ballot is its own stream, cast through the ballot decider.
    const stored = await standingBallots(d.store, roundId, context.tenant);
    expect(stored).toHaveLength(source.election.ballots.length);

    const { result } = await countRound(d.store, roundId, context.tenant);
    expect([...result.winners].sort()).toEqual([...want.expected[KEY_OF_RULE[want.declared_rule]!]!.winners].sort());

    // Export, then import the export as a new round: the same ballots, the same winners.
    const exported = await exportPabulib(d.store, roundId, context.tenant);
    expect(exported).not.toMatch(/[0-9a-f]{64}/);
    const again = await importPabulib(d, exported, context);
    const restored = await standingBallots(d.store, again.roundId, context.tenant);
    expect(canonical(restored)).toEqual(canonical(stored));
    const recount = await countRound(d.store, again.roundId, context.tenant);
    expect(recount.result.winners).toEqual(result.winners);
  });
});
