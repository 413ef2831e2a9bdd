import { add, cmp, div, mulInt, rat, type Rational, sub, toNumber, ZERO } from './rational.js';
import type { Profile } from './profile.js';
import type { TieBreaker } from './tie-break.js';
import type { MoneyFormat, Outcome, TieEvent } from './outcome.js';
import type { Reason } from './types.js';

const REL = 1e-9;

/** Sequential Phragmén: pick the plan that least raises its supporters' maximal load; stop at the first that does not fit. */
export function phragmen(profile: Profile, budget: Rational, tb: TieBreaker, fmt: MoneyFormat, blocked?: Uint8Array): Outcome {
  const { groups, supporters, projects, votes } = profile;
  // A group's load is always the load t of the last chosen plan it supports, so keep that round.
  const lastRound = new Int32Array(groups.length).fill(-1);
  const loadF = new Float64Array(groups.length);
  const t: Rational[] = [];
  const reasons = new Map<number, Reason>();
  const ties: TieEvent[] = [];
  const selected: number[] = [];
  const taken = new Uint8Array(projects.length);
  let spent = ZERO;

  const exactValue = (p: number): Rational => {
    const cnt = new Float64Array(t.length);
    for (const g of supporters[p]!) if (lastRound[g] !== -1) cnt[lastRound[g]!]! += groups[g]!.weight;
    let sum = projects[p]!.cost;
    cnt.forEach((c, k) => {
      if (c !== 0) sum = add(sum, mulInt(t[k]!, BigInt(c)));
    });
    return div(sum, rat(BigInt(votes[p]!)));
  };

  for (const p of projects) {
    if (p.infeasible) {
      taken[p.index] = 1;
      reasons.set(p.index, { code: 'not-feasible', text: 'cannot be carried out (cost marked 999999999)' });
    } else if (blocked?.[p.index]) {
      taken[p.index] = 1;
      reasons.set(p.index, { code: 'not-chosen', text: 'excluded from this count' });
    } else if (votes[p.index] === 0) {
      taken[p.index] = 1;
      reasons.set(p.index, { code: 'no-support', text: 'nobody supports it' });
    }
  }
  for (let r = 0; ; r++) {
    const value = new Float64Array(projects.length).fill(Infinity);
    let best = Infinity;
    for (const p of projects) {
      if (taken[p.index]) continue;
      let s = p.costF;
      for (const g of supporters[p.index]!) s += groups[g]!.weight * loadF[g]!;
      value[p.index] = s / votes[p.index]!;
      if (value[p.index]! < best) best = value[p.index]!;
    }
    if (best === Infinity) break;
    const near = projects.filter((p) => !taken[p.index] && value[p.index]! <= best * (1 + REL)).map((p) => p.index);
    let winner = near[0]!;
    let tr: Rational;
    if (near.length === 1) {
      tr = exactValue(winner);
    } else {
      const ex = near.map(exactValue);
      let top = ex[0]!;
      for (const e of ex) if (cmp(e, top) < 0) top = e;
      const contenders = near.filter((_, i) => cmp(ex[i]!, top) === 0);
      const choice = tb.pick(contenders);
      winner = choice.winner;
      if (choice.decidedBy) ties.push({ step: `round ${r + 1}`, contenders, chosen: winner, decidedBy: choice.decidedBy });
      tr = top;
    }
    const cost = projects[winner]!.cost;
    const left = sub(budget, spent);
    if (cmp(cost, left) > 0) {
      reasons.set(winner, { code: 'did-not-fit', left: fmt(left), cost: fmt(cost), text: `Phragmén stopped: its pick did not fit, ${fmt(left)} left, costs ${fmt(cost)}` });
      break;
    }
    spent = add(spent, cost);
    taken[winner] = 1;
    selected.push(winner);
    t.push(tr);
    reasons.set(winner, { code: 'selected', text: `selected in round ${r + 1}: supporters' load rose to ${fmt(tr)}` });
    const tf = toNumber(tr);
    for (const g of supporters[winner]!) {
      lastRound[g] = r;
      loadF[g] = tf;
    }
  }
  for (const p of projects) {
    if (!reasons.has(p.index)) reasons.set(p.index, { code: 'stopped', text: 'Phragmén stopped before reaching it' });
  }
  return { selected, reasons, ties };
}
