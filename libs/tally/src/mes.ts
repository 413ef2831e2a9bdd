import { add, cmp, div, floor, mulInt, rat, type Rational, sub, toNumber, ZERO } from './rational.js';
import type { Profile } from './profile.js';
import type { TieBreaker } from './tie-break.js';
import type { MoneyFormat, Outcome, TieEvent } from './outcome.js';
import type { GroupPayment, Reason } from './types.js';

/*
 * Method of Equal Shares with cost utilities.
 *
 * Speed comes from doubles, exactness from BigInt rationals: every decision is first screened
 * with doubles; whenever two doubles are within REL of each other (two candidates' effective
 * votes, a voter's budget and the price q, a project's cost and its supporters' money) the
 * decision is redone with exact rationals. Double errors here are below 1e-12 relative, so
 * outside that band the double decision equals the exact one. Exact prices are computed lazily
 * from the recorded rounds, so most runs never build a rational at all.
 */
const REL = 1e-9;

/** One Equal Shares run, with what is needed to explain it exactly. */
export interface MesRun {
  b0: Rational;
  selected: number[];
  cost: Rational;
  ties: TieEvent[];
  /** Exact price per voter (q) of the plan funded in a round. */
  price(round: number): Rational;
  roundOf: Int32Array;
  /** Exact money a voter of group g has after the run. */
  leftOf(g: number): Rational;
  /** Exact money the supporters of p have after the run. */
  supportersMoney(p: number): Rational;
  payments(fmt?: MoneyFormat): GroupPayment[];
}

interface Round {
  project: number;
  poor: Int32Array;
  wRich: number;
}

interface Prepared {
  w: Float64Array;
  totalW: Float64Array;
  /** Projects sharing at least one supporter with a project (itself included). */
  neighbours: Int32Array[];
}

const preparedCache = new WeakMap<Profile, Prepared>();

function prepare(profile: Profile): Prepared {
  const cached = preparedCache.get(profile);
  if (cached) return cached;
  const { groups, supporters, projects } = profile;
  const w = Float64Array.from(groups, (g) => g.weight);
  const totalW = new Float64Array(projects.length);
  const neighbours: Int32Array[] = [];
  const mark = new Uint8Array(projects.length);
  for (let p = 0; p < projects.length; p++) {
    mark.fill(0);
    let s = 0;
    for (const g of supporters[p]!) {
      s += w[g]!;
      for (const k of groups[g]!.supports) mark[k] = 1;
    }
    totalW[p] = s;
    const list: number[] = [];
    mark.forEach((m, k) => {
      if (m) list.push(k);
    });
    neighbours.push(Int32Array.from(list));
  }
  const prepared = { w, totalW, neighbours };
  preparedCache.set(profile, prepared);
  return prepared;
}

/** Runs Equal Shares once with per-voter budget b0; `blocked` plans never take part. */
export function runMes(profile: Profile, b0: Rational, tb: TieBreaker, blocked: Uint8Array): MesRun {
  const run = new EqualSharesRun(profile, b0, blocked);
  for (let r = 0; run.fundRound(r, tb); r++);
  return run.result();
}

type ExactPrice = { q: Rational; poor: number[]; rich: number[]; ambRich: number[]; wRich: number };

/** The state of one Equal Shares run: voters' money (doubles, with exact values derived on demand) and the rounds so far. */
class EqualSharesRun {
  private readonly groups: Profile['groups'];
  private readonly supporters: Profile['supporters'];
  private readonly projects: Profile['projects'];
  private readonly w: Float64Array;
  private readonly neighbours: Int32Array[];
  private readonly bud: Float64Array;
  private readonly depletedAt: Int32Array;
  readonly roundOf: Int32Array;
  private readonly rounds: Round[] = [];
  private readonly qMemo: (Rational | undefined)[] = [];
  private readonly out: Uint8Array;
  private readonly dirty: Uint8Array;
  private readonly ratio: Float64Array;
  private readonly qCache: Float64Array;
  // Per-run copies of the supporter lists, compacted as voters run out of money.
  private readonly live: Profile['supporters'][number][];
  private readonly liveLen: Int32Array;
  private readonly liveW: Float64Array;
  private readonly cands: number[] = [];
  readonly ties: TieEvent[] = [];
  readonly selected: number[] = [];
  cost = ZERO;

  constructor(
    profile: Profile,
    readonly b0: Rational,
    blocked: Uint8Array,
  ) {
    const { groups, supporters, projects } = profile;
    this.groups = groups;
    this.supporters = supporters;
    this.projects = projects;
    const G = groups.length;
    const P = projects.length;
    const { w, totalW, neighbours } = prepare(profile);
    this.w = w;
    this.neighbours = neighbours;
    this.bud = new Float64Array(G).fill(toNumber(b0));
    this.depletedAt = new Int32Array(G).fill(-1);
    this.roundOf = new Int32Array(P).fill(-1);
    this.out = Uint8Array.from(blocked);
    this.dirty = new Uint8Array(P).fill(1);
    this.ratio = new Float64Array(P);
    this.qCache = new Float64Array(P);
    this.live = supporters.map((s) => s.slice());
    this.liveLen = Int32Array.from(supporters, (s) => s.length);
    this.liveW = Float64Array.from(totalW);
    for (let p = 0; p < P; p++) {
      if (totalW[p] === 0) this.out[p] = 1;
      this.ratio[p] = totalW[p]!;
    }
    for (let p = 0; p < P; p++) if (!this.out[p]) this.cands.push(p);
  }

  private isDepletedBefore(g: number, r: number): boolean {
    return this.depletedAt[g] !== -1 && this.depletedAt[g]! < r;
  }

  /** Exact total money of the given groups before round r. */
  exactSum(list: ArrayLike<number>, r: number): Rational {
    const { w, groups, roundOf } = this;
    let weight = 0;
    const cnt = new Float64Array(this.rounds.length);
    for (let i = 0; i < list.length; i++) {
      const g = list[i]!;
      if (this.isDepletedBefore(g, r)) continue;
      const wg = w[g]!;
      weight += wg;
      for (const k of groups[g]!.supports) {
        const rk = roundOf[k]!;
        if (rk !== -1 && rk < r) cnt[rk]! += wg;
      }
    }
    let total = mulInt(this.b0, BigInt(weight));
    for (let k = 0; k < cnt.length; k++) if (cnt[k] !== 0) total = sub(total, mulInt(this.price(k), BigInt(cnt[k]!)));
    return total;
  }

  /** Exact money of one voter of group g before round r. */
  exactBefore(g: number, r: number): Rational {
    if (this.isDepletedBefore(g, r)) return ZERO;
    let b = this.b0;
    for (const k of this.groups[g]!.supports) {
      const rk = this.roundOf[k]!;
      if (rk !== -1 && rk < r) b = sub(b, this.price(rk));
    }
    return b;
  }

  /** Exact price per voter (q) of the plan funded in round r. */
  price(r: number): Rational {
    const memo = this.qMemo[r];
    if (memo) return memo;
    const round = this.rounds[r]!;
    const q = div(sub(this.projects[round.project]!.cost, this.exactSum(round.poor, r)), rat(BigInt(round.wRich)));
    this.qMemo[r] = q;
    return q;
  }

  /** Exact price of p at round r: poor are known by doubles, the ambiguous band is settled exactly. */
  private exactPrice(p: number, r: number, qF: number): ExactPrice {
    const { w, bud, depletedAt } = this;
    const tol = REL * qF;
    const poor: number[] = [];
    const amb: number[] = [];
    const rich: number[] = [];
    let wRich = 0;
    for (const g of this.supporters[p]!) {
      if (depletedAt[g] !== -1) continue;
      const b = bud[g]!;
      if (b < qF - tol) poor.push(g);
      else if (b > qF + tol) {
        rich.push(g);
        wRich += w[g]!;
      } else amb.push(g);
    }
    const ambBudget = amb.map((g) => this.exactBefore(g, r));
    let inAmbRich = amb.map(() => true);
    for (;;) {
      const poorNow = [...poor, ...amb.filter((_, i) => !inAmbRich[i])];
      let wR = wRich;
      amb.forEach((g, i) => {
        if (inAmbRich[i]) wR += w[g]!;
      });
      const q = div(sub(this.projects[p]!.cost, this.exactSum(poorNow, r)), rat(BigInt(wR)));
      const next = amb.map((_, i) => inAmbRich[i]! && cmp(ambBudget[i]!, q) >= 0);
      if (next.every((v, i) => v === inAmbRich[i])) {
        return { q, poor: poorNow, rich, ambRich: amb.filter((_, i) => inAmbRich[i]), wRich: wR };
      }
      inAmbRich = next;
    }
  }

  /** Screens p with doubles; marks it out for good when its supporters cannot pay. */
  private evaluate(p: number, r: number): void {
    const { w, bud, depletedAt } = this;
    this.dirty[p] = 0;
    const sup = this.live[p]!;
    const c = this.projects[p]!.costF;
    let len = 0;
    let sumB = 0;
    let wLive = 0;
    // First Newton pass fused with compaction; c / (weight before compaction) is still a lower bound.
    let q = c / this.liveW[p]!;
    let sPoor = 0;
    let wR = 0;
    for (let i = 0, n = this.liveLen[p]!; i < n; i++) {
      const g = sup[i]!;
      if (depletedAt[g] !== -1) continue;
      sup[len++] = g;
      const wg = w[g]!;
      const b = bud[g]!;
      sumB += wg * b;
      wLive += wg;
      if (b < q) sPoor += wg * b;
      else wR += wg;
    }
    this.liveLen[p] = len;
    this.liveW[p] = wLive;
    if (sumB < c * (1 - REL) || (sumB <= c * (1 + REL) && cmp(this.exactSum(this.supporters[p]!, r), this.projects[p]!.cost) < 0)) {
      this.out[p] = 1;
      return;
    }
    // Newton on the concave f(q) = sum min(b, q) from below: the poor set only grows, a few passes.
    let prevW = -1;
    for (let iter = 0; iter < 100000; iter++) {
      if (iter > 0) {
        sPoor = 0;
        wR = 0;
      }
      for (let i = 0; iter > 0 && i < len; i++) {
        const g = sup[i]!;
        const b = bud[g]!;
        if (b < q) sPoor += w[g]! * b;
        else wR += w[g]!;
      }
      if (wR === 0 || wR === prevW) break;
      prevW = wR;
      q = (c - sPoor) / wR;
    }
    this.qCache[p] = q;
    this.ratio[p] = c / q;
  }

  /** Round r: funds the plan with the most effective votes (c/q), ties settled exactly and then by `tb`; false when none can be funded. */
  fundRound(r: number, tb: TieBreaker): boolean {
    const { cands, ratio, out } = this;
    cands.sort((a, b) => ratio[b]! - ratio[a]!);
    let best = -Infinity;
    const seen: number[] = [];
    for (const p of cands) {
      if (out[p]) continue;
      if (ratio[p]! < best * (1 - REL)) break;
      if (this.dirty[p]) this.evaluate(p, r);
      if (out[p]) continue;
      seen.push(p);
      if (ratio[p]! > best) best = ratio[p]!;
    }
    for (let i = cands.length - 1; i >= 0; i--) if (out[cands[i]!]) cands.splice(i, 1);
    if (seen.length === 0) return false;
    const near = seen.filter((p) => ratio[p]! >= best * (1 - REL));
    let winner: number;
    let exact: ExactPrice | undefined;
    if (near.length === 1) {
      winner = near[0]!;
    } else {
      const priced = near.map((p) => ({ p, e: this.exactPrice(p, r, this.qCache[p]!) }));
      // Largest c/q first: compare c_a/q_a with c_b/q_b exactly.
      const eff = priced.map(({ p, e }) => div(this.projects[p]!.cost, e.q));
      let top = eff[0]!;
      for (const e of eff) if (cmp(e, top) > 0) top = e;
      const contenders = priced.filter((_, i) => cmp(eff[i]!, top) === 0).map((x) => x.p);
      const choice = tb.pick(contenders);
      winner = choice.winner;
      if (choice.decidedBy) this.ties.push({ step: `round ${r + 1}`, contenders, chosen: winner, decidedBy: choice.decidedBy });
      exact = priced.find((x) => x.p === winner)!.e;
    }
    this.apply(winner, r, exact);
    cands.splice(cands.indexOf(winner), 1);
    return true;
  }

  /** Funds j in round r: its supporters pay q each, or all they have; exactly when a voter's money is within the band of q. */
  private apply(j: number, r: number, known?: ExactPrice): void {
    const { w, bud, depletedAt } = this;
    const qF = this.qCache[j]!;
    const tol = REL * qF;
    let needExact = known !== undefined;
    if (!needExact) {
      for (const g of this.supporters[j]!) {
        if (depletedAt[g] !== -1) continue;
        const b = bud[g]!;
        if (b >= qF - tol && b <= qF + tol) {
          needExact = true;
          break;
        }
      }
    }
    let poor: ArrayLike<number>;
    let wRich: number;
    if (needExact) {
      const e = known ?? this.exactPrice(j, r, qF);
      poor = e.poor;
      wRich = e.wRich;
      this.qMemo[r] = e.q;
      const qx = e.q;
      const qd = toNumber(qx);
      for (const g of e.rich) bud[g] = bud[g]! - qd;
      for (const g of e.ambRich) {
        // A voter left with exactly nothing must be 0 for the doubles too.
        bud[g] = cmp(this.exactBefore(g, r), qx) === 0 ? 0 : Math.max(0, bud[g]! - qd);
      }
    } else {
      const poorList: number[] = [];
      wRich = 0;
      for (const g of this.supporters[j]!) {
        if (depletedAt[g] !== -1) continue;
        if (bud[g]! < qF) poorList.push(g);
        else {
          wRich += w[g]!;
          bud[g] = bud[g]! - qF;
        }
      }
      poor = poorList;
    }
    for (let i = 0; i < poor.length; i++) {
      const g = poor[i]!;
      depletedAt[g] = r;
      bud[g] = 0;
    }
    this.rounds.push({ project: j, poor: Int32Array.from(poor), wRich });
    this.roundOf[j] = r;
    this.selected.push(j);
    this.cost = add(this.cost, this.projects[j]!.cost);
    for (const k of this.neighbours[j]!) this.dirty[k] = 1;
  }

  /** What each group paid per voter for each funded plan, and what it has left. */
  private payments(fmt?: MoneyFormat): GroupPayment[] {
    const { groups, projects, roundOf, depletedAt } = this;
    const show = fmt ?? ((x: Rational) => (x.d === 1n ? x.n.toString() : `${x.n}/${x.d}`));
    return groups.map((grp, g) => {
      const paid: Record<string, string> = {};
      const funded = [...grp.supports].filter((k) => roundOf[k] !== -1).sort((a, b) => roundOf[a]! - roundOf[b]!);
      for (const k of funded) {
        const rk = roundOf[k]!;
        const d = depletedAt[g]!;
        const amount = d === -1 || rk < d ? this.price(rk) : rk === d ? this.exactBefore(g, rk) : ZERO;
        paid[projects[k]!.id] = show(amount);
      }
      return {
        supports: [...grp.supports].map((k) => projects[k]!.id),
        voters: grp.weight,
        paidPerVoter: paid,
        leftPerVoter: show(this.exactBefore(g, END_OF_RUN)),
      };
    });
  }

  result(): MesRun {
    return {
      b0: this.b0,
      selected: this.selected,
      cost: this.cost,
      ties: this.ties,
      price: (r) => this.price(r),
      roundOf: this.roundOf,
      leftOf: (g) => this.exactBefore(g, END_OF_RUN),
      supportersMoney: (p) => this.exactSum(this.supporters[p]!, END_OF_RUN),
      payments: (fmt) => this.payments(fmt),
    };
  }
}

/** A round after every round of a run: the exact values "before" it are those after the run. */
const END_OF_RUN = Number.MAX_SAFE_INTEGER;

/** Options of the add1 completion. */
export interface CompletionOptions {
  stopWhenExhaustive: boolean;
  start: 'floor' | 'exact';
  step: Rational;
}

/** Equal Shares completed by add1: raise the per-voter budget step by step while the outcome fits. */
export function runMesAdd1(
  profile: Profile,
  budget: Rational,
  tb: TieBreaker,
  blocked: Uint8Array,
  opts: CompletionOptions,
): { run: MesRun; runs: number; overshoot?: { perVoter: Rational; cost: Rational } } {
  const n = BigInt(profile.voters);
  const perVoter = div(budget, rat(n === 0n ? 1n : n));
  let b = opts.start === 'floor' ? rat(floor(perVoter)) : perVoter;
  let last = runMes(profile, b, tb, blocked);
  let runs = 1;
  let reachable = 0;
  for (const p of profile.projects) if (!blocked[p.index] && profile.supporters[p.index]!.length > 0) reachable++;
  for (;;) {
    if (opts.stopWhenExhaustive && isExhaustive(profile, budget, last.selected, blocked)) break;
    if (last.selected.length >= reachable) break;
    const nb = add(b, opts.step);
    const next = runMes(profile, nb, tb, blocked);
    runs++;
    if (cmp(next.cost, budget) > 0) return { run: last, runs, overshoot: { perVoter: nb, cost: next.cost } };
    last = next;
    b = nb;
  }
  return { run: last, runs };
}

/** No plan left out could still be paid from what is left. */
export function isExhaustive(profile: Profile, budget: Rational, selected: readonly number[], blocked: Uint8Array): boolean {
  let spent = ZERO;
  const chosen = new Set(selected);
  for (const p of selected) spent = add(spent, profile.projects[p]!.cost);
  const left = sub(budget, spent);
  return profile.projects.every((p) => chosen.has(p.index) || blocked[p.index] || cmp(p.cost, left) > 0);
}

/** Explanation and outcome of an Equal Shares run. */
export function mesOutcome(profile: Profile, run: MesRun, fmt: MoneyFormat, blocked: Uint8Array): Outcome {
  const reasons = new Map<number, Reason>();
  const effectiveVotes = new Map<number, Rational>();
  for (const p of profile.projects) {
    const r = run.roundOf[p.index]!;
    if (r !== -1) {
      const q = run.price(r);
      effectiveVotes.set(p.index, div(p.cost, q));
      reasons.set(p.index, { code: 'selected', text: `selected in round ${r + 1}: each supporter paid up to ${fmt(q)}` });
    } else if (p.infeasible) {
      reasons.set(p.index, { code: 'not-feasible', text: 'cannot be carried out (cost marked 999999999)' });
    } else if (blocked[p.index]) {
      reasons.set(p.index, { code: 'not-chosen', text: 'excluded from this count' });
    } else if (profile.supporters[p.index]!.length === 0) {
      reasons.set(p.index, { code: 'no-support', text: 'nobody supports it' });
    } else {
      const had = run.supportersMoney(p.index);
      reasons.set(p.index, {
        code: 'mes-unaffordable',
        supportersHad: fmt(had),
        cost: fmt(p.cost),
        text: `MES: its supporters had ${fmt(had)} left, it costs ${fmt(p.cost)}`,
      });
    }
  }
  return { selected: run.selected, reasons, ties: run.ties, effectiveVotes };
}
