import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from '@jest/globals';
import { budgetStream, readRound } from '@lib/budgeting';
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

describe('Pabulib greedy-custom (Poznań: greedy without skipping, topped up from a reserve)', () => {
  it.each(['Poland_Poznan_2026_13_-_Jezyce_Sw.Lazarz__small.pb', 'Poland_Poznan_2026_5_-_Grunwald_Polnoc_Grunwald_Poludnie_Stary_Grunwald__small.pb'])(
    'imports %s under greedy-reserve at 80%% and reproduces the official outcome',
    async (file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const source = readPabulib(text);
      const d = deps();
      const context = aContext();
      const { roundId, budgetId, result: published } = await importPabulib(d, text, context);
      const budget = (await d.store.readStream(budgetStream(budgetId))).map((e) => e.data as { frame: { tally: unknown } });
      expect(budget[0]!.frame.tally).toEqual({ rule: 'greedy-reserve', tieBreak: ['lowest-cost', 'most-votes'], reservePercent: 80 });
      expect(published.count).toMatchObject({ rule: 'greedy-reserve' });
      expect(published.winners.map((w) => w.proposalId).sort()).toEqual([...source.selectedInFile!].sort());
      const { result } = await countRound(d.store, roundId, context.tenant);
      expect(result.reserveUsed).toBe('0');
      expect(result.pots[0]!.reserve).toEqual({ percent: 80, used: '0' });
    },
  );

  const poznan = [
    'META', 'key;value', 'description;Poznań reserve case', 'country;Poland', 'unit;Poznań', 'instance;2026', 'num_projects;3', 'num_votes;6',
    'budget;100', 'vote_type;choose-1', 'rule;greedy-custom', 'currency;PLN',
    'PROJECTS', 'project_id;cost;votes;name;selected', 'a;50;3;A;1', 'b;60;2;B;2', 'c;10;1;C;0',
    'VOTES', 'voter_id;vote', '1;a', '2;a', '3;a', '4;b', '5;b', '6;c',
  ].join('\n');

  it('publishes a plan funded from the reserve with the budget\'s part, the reserve\'s part reported apart', async () => {
    const d = deps();
    const context = aContext();
    const { roundId, result: published } = await importPabulib(d, poznan, context);
    // b costs 60: the budget pays the 50 it had left, the reserve 10 (in cents: 5000 and 1000).
    expect(published.winners).toEqual([
      { proposalId: 'a', amountCents: 5000, areaCode: null },
      { proposalId: 'b', amountCents: 5000, areaCode: null },
    ]);
    expect(published.totalCents).toBe(10_000);
    expect(published.explanation.find((e) => e.proposalId === 'b')!.details).toMatchObject({ fromReserveCents: 1000 });
    expect(published.count!.pots[0]).toMatchObject({ reserve: { percent: 80, used: '10', plan: 'b' } });
    const { result } = await countRound(d.store, roundId, context.tenant);
    expect(result.reserveUsed).toBe('10');

    // Exported, the rule and its percentage travel in META and b is marked 2; imported again, the same outcome.
    const exported = await exportPabulib(d.store, roundId, context.tenant);
    expect(exported).toMatch(/^rule;greedy-reserve$/m);
    expect(exported).toMatch(/^reserve_percent;80$/m);
    expect(readPabulib(exported).reserveInFile).toEqual(['b']);
    const again = await importPabulib(d, exported, context);
    expect(again.result.winners).toEqual(published.winners);
    await expect(importPabulib(d, exported.replace(/^reserve_percent;80\n/m, ''), context)).rejects.toMatchObject({
      code: 'PABULIB.INVALID_FILE',
      message: 'The file\'s rule "greedy-reserve" needs a whole reserve percentage from 1 to 100 (META reserve_percent)',
    });
  });

  it('refuses greedy-custom of a unit whose rule is not known, naming the rule, and appends nothing', async () => {
    const d = deps();
    await expect(importPabulib(d, poznan.replace('unit;Poznań', 'unit;Gdańsk'), aContext())).rejects.toMatchObject({
      code: 'PABULIB.INVALID_FILE',
      message: 'The file\'s rule cannot be counted: the file declares rule "greedy-custom" for unit "Gdańsk", whose own rule is not known (known: Poznań)',
    });
    await expect(importPabulib(d, poznan.replace('rule;greedy-custom', 'rule;borda'), aContext())).rejects.toMatchObject({
      code: 'PABULIB.INVALID_FILE',
      message: 'The file\'s rule cannot be counted: the file declares rule "borda", which is not supported',
    });
    expect(await d.store.readAll({ maxCount: 10 })).toHaveLength(0);
  });

  it.each(['Poland_Gdynia_2020_Obluze__small.pb', 'Poland_Gdynia_2024_Kamienna_Gora__large.pb'])('imports %s with its META threshold beside greedy-no-skip and reproduces the official outcome', async (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const source = readPabulib(text);
    const d = deps();
    const { budgetId, result: published } = await importPabulib(d, text, aContext());
    const budget = (await d.store.readStream(budgetStream(budgetId))).map((e) => e.data as { frame: { tally: unknown } });
    expect(budget[0]!.frame.tally).toEqual({ rule: 'greedy-no-skip', tieBreak: ['lowest-cost', 'most-votes'], thresholdVotes: 50 });
    expect(published.winners.map((w) => w.proposalId).sort()).toEqual([...source.selectedInFile!].sort());
  });

  it('honours META min_project_score_threshold under a plain greedy rule, as the tally does', async () => {
    const d = deps();
    const context = aContext();
    const greedy = poznan.replace('rule;greedy-custom', 'rule;greedy').replace('currency;PLN', 'currency;PLN\nmin_project_score_threshold;2');
    const { budgetId, result: published } = await importPabulib(d, greedy, context);
    const budget = (await d.store.readStream(budgetStream(budgetId))).map((e) => e.data as { frame: { tally: unknown } });
    expect(budget[0]!.frame.tally).toEqual({ rule: 'greedy', tieBreak: ['lowest-cost', 'most-votes'], thresholdVotes: 2 });
    // c (10, one vote) would fit beside a, but falls below the threshold.
    expect(published.winners.map((w) => w.proposalId)).toEqual(['a']);
    expect(published.explanation.find((e) => e.proposalId === 'c')).toMatchObject({ selected: false, details: { reason: 'below-threshold' } });
  });
});
