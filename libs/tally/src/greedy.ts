import { add, cmp, mul, sub, type Rational, ZERO } from './rational.js';
import type { Profile } from './profile.js';
import type { TieBreaker } from './tie-break.js';
import type { MoneyFormat, Outcome } from './outcome.js';
import type { Reason } from './types.js';

/** Options of the greedy family. */
export interface GreedyOptions {
  noSkip?: boolean;
  threshold?: number;
  /** Projects already funded (add1u fills after Equal Shares); they keep their place. */
  preselected?: readonly number[];
  /** With noSkip: the plan it stops at is funded from a reserve when `share` of its cost is left (and `amount`, if set, covers the rest). */
  reserve?: { share: Rational; amount?: Rational; percent: number };
  fmt: MoneyFormat;
}

/** Greedy by votes, or by score when ballots carry points. */
export function greedy(profile: Profile, budget: Rational, tb: TieBreaker, opts: GreedyOptions): Outcome {
  const metric = profile.usesPoints ? profile.score : profile.votes;
  const unit = profile.usesPoints ? 'points' : 'votes';
  const reasons = new Map<number, Reason>();
  const pre = new Set(opts.preselected ?? []);
  const selected = [...(opts.preselected ?? [])];
  let spent = ZERO;
  for (const p of selected) spent = add(spent, profile.projects[p]!.cost);
  const order: number[] = [];
  for (const p of profile.projects) {
    if (pre.has(p.index)) continue;
    if (p.infeasible) {
      reasons.set(p.index, { code: 'not-feasible', text: 'cannot be carried out (cost marked 999999999)' });
    } else if (opts.threshold !== undefined && metric[p.index]! < opts.threshold) {
      reasons.set(p.index, { code: 'below-threshold', text: `below the threshold: ${metric[p.index]} ${unit}, ${opts.threshold} needed` });
    } else {
      order.push(p.index);
    }
  }
  order.sort((a, b) => metric[b]! - metric[a]! || tb.compare(a, b));
  const ties: Outcome['ties'] = [];
  let stoppedAt: number | undefined;
  let fromReserve: Outcome['fromReserve'];
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && metric[order[j]!] === metric[order[i]!]) j++;
    const group = order.slice(i, j);
    if (stoppedAt === undefined) noteTie(profile, sub(budget, spent), group, tb, opts.noSkip ?? false, ties);
    for (const p of group) {
      const cost = profile.projects[p]!.cost;
      const left = sub(budget, spent);
      if (stoppedAt !== undefined) {
        const what = fromReserve?.plan === stoppedAt ? 'the plan topped up from the reserve' : 'the first plan that did not fit';
        reasons.set(p, { code: 'stopped', text: `${opts.reserve ? 'greedy-reserve' : 'greedy-no-skip'} stopped at "${profile.projects[stoppedAt]!.id}", ${what}` });
      } else if (cmp(cost, left) <= 0) {
        spent = add(spent, cost);
        selected.push(p);
        reasons.set(p, { code: 'selected', text: `selected: ${metric[p]} ${unit}, fitted with ${opts.fmt(left)} left` });
      } else if (opts.noSkip && opts.reserve && reserveCovers(opts.reserve, cost, left)) {
        const paid = sub(cost, left);
        fromReserve = { plan: p, amount: paid };
        spent = add(spent, left);
        selected.push(p);
        reasons.set(p, {
          code: 'selected',
          text: `selected from the reserve: ${metric[p]} ${unit}, ${opts.fmt(left)} left covers at least ${opts.reserve.percent}% of its cost ${opts.fmt(cost)}; the reserve paid ${opts.fmt(paid)}`,
        });
        stoppedAt = p;
      } else {
        const short = opts.noSkip && opts.reserve ? `; under ${opts.reserve.percent}% of its cost is left${opts.reserve.amount !== undefined ? ' or the reserve cannot pay the rest' : ''}, so the reserve does not top it up` : '';
        reasons.set(p, { code: 'did-not-fit', left: opts.fmt(left), cost: opts.fmt(cost), text: `did not fit: ${opts.fmt(left)} left, costs ${opts.fmt(cost)}${short}` });
        if (opts.noSkip) stoppedAt = p;
      }
    }
    i = j;
  }
  return { selected, reasons, ties, ...(fromReserve ? { fromReserve } : {}) };
}

function reserveCovers(reserve: NonNullable<GreedyOptions['reserve']>, cost: Rational, left: Rational): boolean {
  if (cmp(left, mul(reserve.share, cost)) < 0) return false;
  return reserve.amount === undefined || cmp(sub(cost, left), reserve.amount) <= 0;
}

/** Records a tie only when the order inside an equal-score group can change who is funded. */
function noteTie(profile: Profile, left: Rational, group: number[], tb: TieBreaker, noSkip: boolean, ties: Outcome['ties']): void {
  if (group.length < 2) return;
  const fitting = group.filter((p) => cmp(profile.projects[p]!.cost, left) <= 0);
  if (fitting.length === 0) return;
  let sum = ZERO;
  for (const p of fitting) sum = add(sum, profile.projects[p]!.cost);
  // Everything that fits is funded in any order, unless no-skip may stop at a plan placed first.
  if (cmp(sum, left) <= 0 && (!noSkip || fitting.length === group.length)) return;
  ties.push({ step: 'greedy order', contenders: [...group], chosen: group[0]!, decidedBy: tb.decidingKey(group[0]!, group[1]!) });
}
