import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exhaustive, lotRank, readPabulib, RULES, tally, TallyInputError, type Ballot, type Election } from './index.js';

const approval = (...choices: string[]): Ballot => ({ type: 'approval', choices });
const plans = (costs: Record<string, bigint>) => Object.entries(costs).map(([id, cost]) => ({ id, cost }));

describe('ballot types', () => {
  it('enforces minimum and maximum length and the ballot cost cap on approval ballots', () => {
    const e: Election = { budget: 10n, projects: plans({ a: 4n, b: 5n, c: 6n }), ballots: [approval('a', 'b')], rule: 'greedy' };
    expect(() => tally({ ...e, constraints: { minLength: 3 } })).toThrow('at least 3 required');
    expect(() => tally({ ...e, constraints: { maxLength: 1 } })).toThrow('at most 1 allowed');
    expect(() => tally({ ...e, constraints: { maxSumCost: 8n } })).toThrow('cost cap');
    expect(tally({ ...e, constraints: { maxSumCost: 9n } }).winners).toEqual(['a', 'b']);
  });

  it('rejects a choose-1 ballot naming two plans and an unknown plan, citing the ballot', () => {
    const e: Election = { budget: 10n, projects: plans({ a: 4n }), ballots: [{ type: 'choose-1', choices: ['a', 'a'] }], rule: 'greedy' };
    expect(() => tally(e)).toThrow(TallyInputError);
    expect(() => tally({ ...e, ballots: [approval('a'), approval('zz')] })).toThrow('ballot 2: unknown project "zz"');
  });

  it('counts cumulative points as score, and greedy orders by score', () => {
    // a has more supporters (votes), b more points: greedy by score funds b first.
    const ballots: Ballot[] = [
      { type: 'cumulative', points: { a: 1, b: 4 } },
      { type: 'cumulative', points: { a: 1 } },
    ];
    const r = tally({ budget: 5n, projects: plans({ a: 5n, b: 5n }), ballots, rule: 'greedy', constraints: { maxSumPoints: 5 } });
    expect(r.projects.map((p) => [p.id, p.votes, p.score])).toEqual([['a', 2, 2], ['b', 1, 4]]);
    expect(r.winners).toEqual(['b']);
    expect(() => tally({ budget: 5n, projects: plans({ a: 5n, b: 5n }), ballots, rule: 'greedy', constraints: { maxSumPoints: 4 } })).toThrow('at most 4 allowed');
  });

  it('gives ordinal ballots Borda points by default and explicit points when given', () => {
    const projects = plans({ a: 1n, b: 1n, c: 1n });
    const borda = tally({ budget: 1n, projects, ballots: [{ type: 'ordinal', ranking: ['c', 'a', 'b'] }], rule: 'greedy', constraints: { maxLength: 3 } });
    expect(borda.projects.map((p) => p.score)).toEqual([2, 1, 3]);
    const given = tally({ budget: 1n, projects, ballots: [{ type: 'ordinal', ranking: ['c', 'a'], points: [5, 4] }], rule: 'greedy' });
    expect(given.projects.map((p) => p.score)).toEqual([4, 0, 5]);
  });

  it('scores scoring ballots and treats 0 points as no support for Equal Shares', () => {
    const ballots: Ballot[] = [{ type: 'scoring', points: { a: 0, b: 3 } }, { type: 'scoring', points: { a: 0, b: 1 } }];
    const r = tally({ budget: 10n, projects: plans({ a: 1n, b: 4n }), ballots, rule: 'equalshares' });
    expect(r.winners).toEqual(['b']);
    expect(r.projects[0]!.reason.code).toBe('no-support');
  });
});

describe('greedy family and explanations', () => {
  const projects = plans({ a: 6n, b: 5n, c: 3n });
  const ballots = [approval('a', 'b', 'c'), approval('a', 'b'), approval('a')];

  it('greedy skips what does not fit and says why; no-skip stops there', () => {
    const g = tally({ budget: 10n, projects, ballots, rule: 'greedy', currency: 'EUR' });
    expect(g.winners).toEqual(['a', 'c']);
    expect(g.leftover).toBe('1');
    expect(g.projects[1]!.reason).toEqual({ code: 'did-not-fit', left: '€4', cost: '€5', text: 'did not fit: €4 left, costs €5' });
    const n = tally({ budget: 10n, projects, ballots, rule: 'greedy-no-skip' });
    expect(n.winners).toEqual(['a']);
    expect(n.projects[2]!.reason.code).toBe('stopped');
  });

  it('greedy-threshold leaves out plans below the threshold', () => {
    const r = tally({ budget: 100n, projects, ballots, rule: 'greedy-threshold', threshold: 2 });
    expect(r.winners).toEqual(['a', 'b']);
    expect(r.projects[2]!.reason.text).toBe('below the threshold: 1 votes, 2 needed');
  });

  it('a threshold binds under every rule: a plan below it is never funded', () => {
    // c is cheap and fits everywhere, but only one voter backs it; the threshold is 2 votes.
    const e: Election = { budget: 20n, projects: plans({ a: 6n, c: 1n, b: 5n }), ballots: [approval('a', 'b'), approval('a', 'b', 'c'), approval('a')], rule: 'greedy', threshold: 2 };
    for (const rule of RULES) {
      const r = tally({ ...e, rule, reserve: { percent: 80 } });
      expect(r.winners).not.toContain('c');
      expect(r.projects[1]!.reason).toEqual({ code: 'below-threshold', text: 'below the threshold: 1 votes, 2 needed' });
      if (rule !== 'greedy-threshold') expect(tally({ ...e, rule, reserve: { percent: 80 }, threshold: undefined }).winners).toContain('c');
    }
  });

  it('reports fairness: voters reached and funded plans per voter', () => {
    const r = tally({ budget: 10n, projects, ballots: [...ballots, approval('b')], rule: 'greedy' });
    expect(r.fairness.votersWithFundedPlan).toBe(3);
    expect(r.fairness.shareWithFundedPlan).toBe('0.7500');
    // Funded a and c: voters back 2, 1, 1, 0 of them.
    expect(r.fairness.averageFundedPlansPerVoter).toBe('1.0000');
  });
});

describe('tie-breaks', () => {
  // x and y tie on votes; only one fits.
  const base: Election = { budget: 5n, projects: plans({ x: 5n, y: 4n }), ballots: [approval('x'), approval('y')], rule: 'greedy' };

  it('lowest cost decides first and the result says so', () => {
    const r = tally({ ...base, tieBreak: { order: ['lowest-cost', 'most-votes', 'lot'], seed: 's' } });
    expect(r.winners).toEqual(['y']);
    expect(r.tieBreaks).toEqual([{ pot: 'city', step: 'greedy order', contenders: ['y', 'x'], chosen: 'y', decidedBy: 'lowest-cost' }]);
  });

  it('a lot from the published seed decides equal plans, reproducibly', () => {
    const e: Election = { ...base, projects: plans({ x: 5n, y: 5n }), tieBreak: { order: ['lowest-cost', 'most-votes', 'lot'], seed: '2026-05-01 draw' } };
    const r = tally(e);
    const expectedWinner = lotRank('2026-05-01 draw', 'x') < lotRank('2026-05-01 draw', 'y') ? 'x' : 'y';
    expect(r.winners).toEqual([expectedWinner]);
    expect(r.tieBreaks[0]!.decidedBy).toBe('lot');
    expect(tally(e)).toEqual(r);
  });

  it('refuses to draw a lot without a published seed', () => {
    expect(() => tally({ ...base, projects: plans({ x: 5n, y: 5n }), tieBreak: { order: ['lot'] } })).toThrow('no lot seed');
  });

  it('records no tie when the order among equals cannot change the outcome', () => {
    const r = tally({ ...base, budget: 9n, tieBreak: { order: ['lot'] } });
    expect(r.winners.sort()).toEqual(['x', 'y']);
    expect(r.tieBreaks).toEqual([]);
  });
});

describe('Equal Shares', () => {
  it('explains payments per voter group and why a plan was not affordable', () => {
    // 4 voters, 3 each. a (6) by all four: 1.50 each. b (5) by two who have 1.50 left each: 3 < 5.
    const r = tally({ budget: 12n, projects: plans({ a: 6n, b: 5n }), ballots: [approval('a', 'b'), approval('a', 'b'), approval('a'), approval('a')], rule: 'equalshares', currency: 'EUR' });
    expect(r.winners).toEqual(['a']);
    expect(r.projects[1]!.reason).toEqual({ code: 'mes-unaffordable', supportersHad: '€3', cost: '€5', text: 'MES: its supporters had €3 left, it costs €5' });
    expect(r.pots[0]!.groups).toEqual([
      { supports: ['a', 'b'], voters: 2, paidPerVoter: { a: '3/2' }, leftPerVoter: '3/2' },
      { supports: ['a'], voters: 2, paidPerVoter: { a: '3/2' }, leftPerVoter: '3/2' },
    ]);
    expect(r.projects[0]!.effectiveVotes).toBe('4');
  });

  it('handles fractional costs exactly', () => {
    const r = tally({ budget: 10n, projects: [{ id: 'a', cost: { n: 10n, d: 3n } }, { id: 'b', cost: { n: 20n, d: 3n } }], ballots: [approval('a', 'b'), approval('b')], rule: 'equalshares/add1' });
    expect(r.winners.sort()).toEqual(['a', 'b']);
    expect(r.cost).toBe('10');
    expect(r.leftover).toBe('0');
  });

  it('add1u fills the leftover greedily after Equal Shares until nothing fits', () => {
    const { election } = readPabulib(readFileSync(join(process.cwd(), 'test', 'fixtures', 'pabulib', 'Netherlands_Assen_2024.pb'), 'utf8'));
    const plain = tally({ ...election, rule: 'equalshares/add1' });
    const filled = tally({ ...election, rule: 'equalshares/add1u' });
    expect(filled.winners.slice(0, plain.winners.length)).toEqual(plain.winners);
    expect(filled.winners.length).toBeGreaterThan(plain.winners.length);
    expect(exhaustive(election, filled.winners)).toBe(true);
    expect(exhaustive(election, plain.winners)).toBe(false);
  });

  it('the comparison step keeps Equal Shares unless strictly more voters prefer greedy', () => {
    const r = tally({ budget: 10n, projects: plans({ a: 4n, c: 5n }), ballots: [approval('a'), approval('a'), approval('c')], rule: 'equalshares/add1-comparison' });
    const cmp = r.pots[0]!.comparison!;
    expect(cmp.preferMes + cmp.preferGreedy).toBeLessThanOrEqual(3);
    expect(cmp.chosen).toBe(cmp.preferGreedy > cmp.preferMes ? 'greedy' : 'mes');
  });

  it('starts add1 at exactly B/n when asked', () => {
    const e: Election = { budget: 10n, projects: plans({ a: 4n }), ballots: [approval('a'), approval('a'), approval('a')], rule: 'equalshares/add1', add1: { start: 'exact' } };
    // 10/3 per voter already pays a; one step more (13/3) still fits the budget, then all plans are in.
    expect(tally(e).pots[0]!.finalPerVoter).toBe('10/3');
  });
});

describe('per-area and per-theme budgets', () => {
  it('counts each area on its own, the rest city-wide, and reports money per area and theme', () => {
    const projects = [
      { id: 'n1', cost: 5n, area: 'north', theme: 'green' },
      { id: 'n2', cost: 5n, area: 'north', theme: 'play' },
      { id: 's1', cost: 5n, area: 'south', theme: 'green' },
      { id: 'c1', cost: 8n, theme: 'play' },
      { id: 'c2', cost: 8n, theme: 'green' },
    ];
    const ballots: Ballot[] = [
      { type: 'approval', choices: ['n1', 'n2', 'c1'], area: 'north' },
      { type: 'approval', choices: ['n1', 'c2'], area: 'north' },
      { type: 'approval', choices: ['s1', 'c1'], area: 'south' },
    ];
    const r = tally({ budget: 8n, areaBudgets: { north: 5n, south: 5n }, projects, ballots, rule: 'greedy' });
    expect(r.pots.map((p) => [p.pot, p.winners])).toEqual([
      ['city', ['c1']],
      ['area:north', ['n1']],
      ['area:south', ['s1']],
    ]);
    expect(r.budget).toBe('18');
    expect(r.fairness.moneyPerArea).toEqual({ north: '5', south: '5' });
    expect(r.fairness.moneyPerTheme).toEqual({ green: '10', play: '8' });
  });

  it('counts a theme with its own budget apart from the city-wide part', () => {
    const projects = [
      { id: 'g', cost: 5n, theme: 'green' },
      { id: 'h', cost: 5n, theme: 'green' },
      { id: 'o', cost: 5n },
    ];
    const r = tally({ budget: 5n, themeBudgets: { green: 5n }, projects, ballots: [approval('g', 'h', 'o'), approval('g')], rule: 'equalshares/add1' });
    expect(r.pots.map((p) => [p.pot, p.winners])).toEqual([
      ['city', ['o']],
      ['theme:green', ['g']],
    ]);
  });
});

describe('reserve top-up (greedy-reserve)', () => {
  // Votes: a 3, b 2, c 1. Greedy without skipping funds a (50 of 100) and stops at b (60).
  const e: Election = {
    budget: 100n,
    projects: plans({ a: 50n, b: 60n, c: 10n }),
    ballots: [approval('a', 'b', 'c'), approval('a', 'b'), approval('a')],
    rule: 'greedy-reserve',
    reserve: { percent: 80 },
    currency: 'PLN',
  };

  it('funds the plan it stops at from the reserve when the budget left covers the declared share, and stops there', () => {
    // 50 left covers 83% of b's 60: the reserve pays 10; c, though it would have fitted, is not reached.
    const r = tally(e);
    expect(r.winners).toEqual(['a', 'b']);
    expect(r.cost).toBe('110');
    expect(r.reserveUsed).toBe('10');
    expect(r.leftover).toBe('0');
    expect(r.budget).toBe('100');
    expect(r.pots[0]!.reserve).toEqual({ percent: 80, used: '10', plan: 'b' });
    expect(r.projects[1]!.reason).toEqual({
      code: 'selected',
      text: 'selected from the reserve: 2 votes, 50 PLN left covers at least 80% of its cost 60 PLN; the reserve paid 10 PLN',
    });
    expect(r.projects[2]!.reason.text).toBe('greedy-reserve stopped at "b", the plan topped up from the reserve');
    expect(r.pots[0]!.unspent).toEqual({ amount: '0', code: 'none', text: 'the whole budget is spent; the reserve paid 10 PLN of "b"' });
  });

  it('does not top up below the declared share, nor beyond the reserve it has, and says so', () => {
    for (const reserve of [{ percent: 90 }, { percent: 80, amount: 9n }]) {
      const r = tally({ ...e, reserve });
      expect(r.winners).toEqual(['a']);
      expect(r.reserveUsed).toBe('0');
      expect(r.leftover).toBe('50');
      expect(r.projects[1]!.reason.code).toBe('did-not-fit');
      expect(r.projects[1]!.reason.text).toContain('so the reserve does not top it up');
      expect(r.pots[0]!.unspent).toEqual({
        amount: '50',
        code: 'stopped',
        plan: 'c',
        text: '50 PLN left: greedy-reserve stops at "b" (costs 60 PLN), the first plan that did not fit, so "c" (costs 10 PLN) would fit but is not reached',
      });
    }
    expect(tally({ ...e, reserve: { percent: 80, amount: 10n } }).pots[0]!.reserve).toEqual({ percent: 80, amount: '10', used: '10', plan: 'b' });
  });

  it('refuses to count without a declared share, or with a share outside (0, 100]', () => {
    expect(() => tally({ ...e, reserve: undefined })).toThrow('greedy-reserve needs reserve.percent');
    expect(() => tally({ ...e, reserve: { percent: 0 } })).toThrow('reserve.percent must be above 0 and at most 100');
    expect(() => tally({ ...e, reserve: { percent: 101 } })).toThrow('reserve.percent must be above 0 and at most 100');
  });
});

describe('what the budget left unspent, and why', () => {
  const projects = plans({ a: 6n, b: 5n, c: 3n });
  const ballots = [approval('a', 'b', 'c'), approval('a', 'b'), approval('a')];
  const unspent = (e: Partial<Election>) => tally({ budget: 10n, projects, ballots, rule: 'greedy', currency: 'EUR', ...e }).pots[0]!.unspent;

  it('greedy: nothing left out fits in what is left', () => {
    expect(unspent({})).toEqual({ amount: '1', code: 'nothing-fits', text: '€1 left: no plan left out fits in it; the cheapest, "b", costs €5' });
    expect(unspent({ budget: 9n })).toEqual({ amount: '0', code: 'none', text: 'the whole budget is spent' });
    expect(unspent({ budget: 20n })).toEqual({ amount: '6', code: 'all-funded', text: '€6 left: every plan that can be carried out is funded' });
  });

  it('greedy-no-skip and Phragmén: a plan that would fit is not reached after the stop', () => {
    expect(unspent({ rule: 'greedy-no-skip' })).toEqual({
      amount: '4',
      code: 'stopped',
      plan: 'c',
      text: '€4 left: greedy-no-skip stops at "b" (costs €5), the first plan that did not fit, so "c" (costs €3) would fit but is not reached',
    });
    // Phragmén picks a (6 over 3 voters), then b (loads 2 + 2 + 5 over 2 = 4.5 before c's 5), which does not fit in 3.
    expect(unspent({ rule: 'phragmen', budget: 9n })).toEqual({
      amount: '3',
      code: 'stopped',
      plan: 'c',
      text: '€3 left: Phragmén stops at "b" (costs €5), the first plan that did not fit, so "c" (costs €3) would fit but is not reached',
    });
  });

  it('a threshold: the plan that would fit is below it', () => {
    expect(unspent({ budget: 20n, rule: 'greedy-threshold', threshold: 2 })).toEqual({
      amount: '9',
      code: 'below-threshold',
      plan: 'c',
      text: '€9 left: "c" (costs €3) would fit, but it is below the threshold: 1 votes, 2 needed',
    });
  });

  it('Equal Shares: the supporters of a plan that would fit cannot pay it; add1 says what one more step would cost', () => {
    // 4 voters, 3 each. a (6) by all four: 1.50 each. b (5) by two who have 1.50 left each: 3 < 5.
    const mes = { budget: 12n, projects: plans({ a: 6n, b: 5n }), ballots: [approval('a', 'b'), approval('a', 'b'), approval('a'), approval('a')] };
    expect(unspent({ ...mes, rule: 'equalshares' })).toEqual({
      amount: '6',
      code: 'equal-shares',
      plan: 'b',
      text: "€6 left: Equal Shares funds a plan only from its supporters' equal shares; \"b\" (costs €5) would fit, but its supporters had only €3",
    });
    // add1 with 9 over 4 voters and c (2) backed by one of a's voters: at 3 per voter only a (1.50 each) is
    // funded and c's voter keeps 1.50; at 4 per voter a, b and c are funded for 13, more than 9.
    const add1 = unspent({ budget: 9n, projects: plans({ a: 6n, b: 5n, c: 2n }), ballots: [approval('a', 'b'), approval('a', 'b'), approval('a', 'c'), approval('a')], rule: 'equalshares/add1' });
    expect(add1).toEqual({
      amount: '3',
      code: 'equal-shares',
      plan: 'c',
      text: "€3 left: Equal Shares funds a plan only from its supporters' equal shares; \"c\" (costs €2) would fit, but its supporters had only €1.50; one more add1 step (per-voter budget €4) would cost €13, more than the budget",
    });
  });

  it('plain Equal Shares states the completions that would spend what it left', () => {
    // 4 voters, 3 each: a (6) is funded, b (5) not, €6 is left. At 4 per voter add1 funds a and b (11 of 12).
    const mes = { budget: 12n, projects: plans({ a: 6n, b: 5n, c: 4n }), ballots: [approval('a', 'b'), approval('a', 'b'), approval('a', 'c'), approval('a')], currency: 'EUR' };
    const plain = tally({ ...mes, rule: 'equalshares' });
    const add1 = tally({ ...mes, rule: 'equalshares/add1' });
    const add1u = tally({ ...mes, rule: 'equalshares/add1u' });
    expect([plain.winners, plain.leftover]).toEqual([['a'], '6']);
    expect(plain.completions).toEqual([
      {
        rule: 'equalshares/add1',
        winners: add1.winners,
        added: add1.winners.filter((id) => id !== 'a'),
        dropped: [],
        cost: add1.cost,
        leftover: add1.leftover,
        text: expect.stringMatching(/^Equal Shares left €6 unspent; equalshares\/add1 adds "b", spending €11 and leaving €1$/),
      },
      { rule: 'equalshares/add1u', winners: add1u.winners, added: add1u.winners.filter((id) => id !== 'a'), dropped: [], cost: add1u.cost, leftover: add1u.leftover, text: expect.any(String) },
    ]);
    expect(add1.winners).toEqual(['a', 'b']);
    expect(add1.completions).toBeUndefined();
    expect(tally({ ...mes, rule: 'greedy' }).completions).toBeUndefined();
    // Nothing left: nothing to complete.
    expect(tally({ ...mes, budget: 6n, projects: plans({ a: 6n }), ballots: [approval('a')], rule: 'equalshares' }).completions).toBeUndefined();
  });

  it('Equal Shares: a plan that would fit has no supporter', () => {
    const r = tally({ budget: 10n, projects: plans({ a: 6n, z: 2n }), ballots: [approval('a')], rule: 'equalshares' });
    expect(r.pots[0]!.unspent).toEqual({ amount: '4', code: 'no-support', plan: 'z', text: '4 left: "z" (costs 2) would fit, but nobody supports it' });
  });
});
