import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { add, cmp, div, mul, rat, type Rational, sub, ZERO } from './rational.js';
import { tally, exhaustive, RULES, type Election, type RuleName } from './index.js';
import { buildProfile } from './profile.js';
import { runMes } from './mes.js';
import { makeTieBreaker } from './tie-break.js';

/** Small elections with many ties: few distinct costs, few voters. */
const electionArb = fc
  .record({
    costs: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
    budget: fc.integer({ min: 0, max: 40 }),
    rows: fc.array(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
  })
  .map(({ costs, budget, rows }): Election => ({
    budget: BigInt(budget),
    projects: costs.map((c, i) => ({ id: `p${i}`, cost: BigInt(c) })),
    ballots: rows.map((row) => ({ type: 'approval' as const, choices: costs.map((_, i) => `p${i}`).filter((_, i) => row[i]) })),
    rule: 'equalshares',
    tieBreak: { order: ['lowest-cost', 'most-votes', 'input-order'] },
  }));

const shuffled = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const costOf = (e: Election, winners: readonly string[]): Rational =>
  winners.reduce((acc, id) => add(acc, rat(e.projects.find((p) => p.id === id)!.cost as bigint)), ZERO);

/** Textbook Equal Shares in plain rationals, voter by voter, for comparison with the fast engine. */
function referenceMes(e: Election, b0: Rational): string[] {
  const costs = e.projects.map((p) => rat(p.cost as bigint));
  const approvals = e.ballots.map((b) => new Set((b as { choices: readonly string[] }).choices.map((id) => Number(id.slice(1)))));
  const votes = costs.map((_, p) => approvals.filter((a) => a.has(p)).length);
  const budgets = approvals.map(() => b0);
  const chosen: number[] = [];
  for (;;) {
    let best: { p: number; q: Rational; eff: Rational } | undefined;
    costs.forEach((c, p) => {
      if (chosen.includes(p)) return;
      const sup = approvals.map((a, i) => (a.has(p) ? i : -1)).filter((i) => i >= 0);
      if (sup.length === 0) return;
      const total = sup.reduce((acc, i) => add(acc, budgets[i]!), ZERO);
      if (cmp(total, c) < 0) return;
      const asc = [...sup].sort((x, y) => cmp(budgets[x]!, budgets[y]!));
      let rem = c;
      let k = asc.length;
      let q = ZERO;
      for (const i of asc) {
        if (cmp(mul(budgets[i]!, rat(BigInt(k))), rem) < 0) {
          rem = sub(rem, budgets[i]!);
          k--;
        } else {
          q = div(rem, rat(BigInt(k)));
          break;
        }
      }
      const eff = div(c, q);
      const better =
        !best ||
        cmp(eff, best.eff) > 0 ||
        (cmp(eff, best.eff) === 0 && (cmp(c, costs[best.p]!) < 0 || (cmp(c, costs[best.p]!) === 0 && votes[p]! > votes[best.p]!)));
      if (better) best = { p, q, eff };
    });
    if (!best) return chosen.map((p) => `p${p}`);
    const { p, q } = best;
    chosen.push(p);
    approvals.forEach((a, i) => {
      if (a.has(p)) budgets[i] = cmp(budgets[i]!, q) < 0 ? ZERO : sub(budgets[i]!, q);
    });
  }
}

describe('properties on random small elections', () => {
  it('no rule ever spends more than the budget', () => {
    // greedy-reserve may add a reserve beside the budget; its own property follows.
    fc.assert(
      fc.property(electionArb, fc.constantFrom(...RULES.filter((r) => r !== 'greedy-reserve')), (e, rule) => {
        const r = tally({ ...e, rule, threshold: 1 });
        expect(cmp(costOf(e, r.winners), rat(e.budget as bigint))).toBeLessThanOrEqual(0);
        expect(add(rat(BigInt(r.cost)), rat(BigInt(r.leftover)))).toEqual(rat(e.budget as bigint));
      }),
      { numRuns: 300 },
    );
  });

  it('greedy-reserve is greedy-no-skip plus at most the plan it stopped at, topped up by at most the allowed share', () => {
    fc.assert(
      fc.property(electionArb, fc.integer({ min: 1, max: 100 }), (e, percent) => {
        const noSkip = tally({ ...e, rule: 'greedy-no-skip' });
        const r = tally({ ...e, rule: 'greedy-reserve', reserve: { percent } });
        expect(r.winners.slice(0, noSkip.winners.length)).toEqual(noSkip.winners);
        expect(r.winners.length - noSkip.winners.length).toBeLessThanOrEqual(1);
        const used = rat(BigInt(r.reserveUsed!));
        const fromBudget = sub(costOf(e, r.winners), used);
        expect(cmp(fromBudget, rat(e.budget as bigint))).toBeLessThanOrEqual(0);
        expect(add(fromBudget, rat(BigInt(r.leftover)))).toEqual(rat(e.budget as bigint));
        if (r.winners.length > noSkip.winners.length) {
          // The topped-up plan takes the whole rest of the budget, and the reserve pays at most (100 - percent)% of it.
          const last = costOf(e, [r.winners.at(-1)!]);
          expect(r.leftover).toBe('0');
          expect(cmp(mul(used, rat(100n)), mul(last, rat(BigInt(100 - percent))))).toBeLessThanOrEqual(0);
        } else {
          expect(r.reserveUsed).toBe('0');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('greedy is exhaustive: nothing left out would still fit', () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const r = tally({ ...e, rule: 'greedy' });
        expect(exhaustive(e, r.winners)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('Equal Shares never funds a plan nobody supports', () => {
    fc.assert(
      fc.property(electionArb, fc.constantFrom<RuleName>('equalshares', 'equalshares/add1'), (e, rule) => {
        const r = tally({ ...e, rule });
        for (const id of r.winners) expect(r.projects.find((p) => p.id === id)!.votes).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('shuffling the ballots never changes a result', () => {
    fc.assert(
      fc.property(electionArb, fc.constantFrom(...RULES), fc.integer(), (e, rule, seed) => {
        const a = tally({ ...e, rule, threshold: 2, reserve: { percent: 80 } });
        const b = tally({ ...e, rule, threshold: 2, reserve: { percent: 80 }, ballots: shuffled(e.ballots, seed) });
        expect(b.winners).toEqual(a.winners);
        expect(b.projects).toEqual(a.projects);
      }),
      { numRuns: 300 },
    );
  });

  it('the fast Equal Shares engine selects exactly what textbook rational arithmetic selects, in order', () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const r = tally({ ...e, rule: 'equalshares' });
        const b0 = div(rat(e.budget as bigint), rat(BigInt(e.ballots.length)));
        expect(r.winners).toEqual(referenceMes(e, b0));
      }),
      { numRuns: 500 },
    );
  });

  it('with whole per-voter budgets (many exact equalities of budget and price) it still agrees exactly', () => {
    fc.assert(
      fc.property(electionArb, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), (e, b, den) => {
        const profile = buildProfile(e.projects, e.ballots);
        const tb = makeTieBreaker(profile, e.tieBreak);
        const b0 = rat(BigInt(b), BigInt(den));
        const run = runMes(profile, b0, tb, new Uint8Array(profile.projects.length));
        expect(run.selected.map((p) => profile.projects[p]!.id)).toEqual(referenceMes(e, b0));
        for (let g = 0; g < profile.groups.length; g++) expect(cmp(run.leftOf(g), ZERO)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('Equal Shares payments add up exactly to each funded cost', () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const r = tally({ ...e, rule: 'equalshares/add1' });
        const group = r.pots[0]!.groups!;
        for (const id of r.winners) {
          const paid = group.reduce((acc, g) => {
            const x = g.paidPerVoter[id];
            if (x === undefined) return acc;
            const [n, d] = x.split('/');
            return add(acc, mul(rat(BigInt(n!), BigInt(d ?? '1')), rat(BigInt(g.voters))));
          }, ZERO);
          expect(paid).toEqual(rat(e.projects.find((p) => p.id === id)!.cost as bigint));
        }
      }),
      { numRuns: 200 },
    );
  });
});
