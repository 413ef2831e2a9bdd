import { add, cmp, div, parseRational, rat, type Rational, ratToDecimal, ratToString, sub, toRational, ZERO } from './rational.js';
import { normalize, profileOf, TallyInputError, type NormalBallot, type PreparedProject, type Profile } from './profile.js';
import { DEFAULT_TIE_BREAK, makeTieBreaker, type TieBreaker } from './tie-break.js';
import { greedy } from './greedy.js';
import { isExhaustive, mesOutcome, runMes, runMesAdd1, type MesRun } from './mes.js';
import { phragmen } from './phragmen.js';
import { moneyFormat, type MoneyFormat, type Outcome } from './outcome.js';
import type { Completion, Election, Fairness, PotResult, ProjectReport, Reason, RuleName, TallyResult, TieBreakRecord, Unspent } from './types.js';

type Overshoot = { perVoter: Rational; cost: Rational };

/** All rule names the library counts. */
export const RULES: readonly RuleName[] = [
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
  'greedy-reserve',
  'equalshares',
  'equalshares/add1',
  'equalshares/add1u',
  'equalshares/add1-comparison',
  'phragmen',
];

interface PotPlan {
  key: string;
  budget: Rational;
  projects: PreparedProject[];
  ballots: NormalBallot[];
}

/** Counts an election: winners in selection order, exact money, explanation and fairness. */
export function tally(election: Election): TallyResult {
  if (!RULES.includes(election.rule)) throw new TallyInputError(`unknown rule "${election.rule}"`);
  const budget = toRational(election.budget);
  if (budget.n < 0n) throw new TallyInputError('budget must not be negative');
  if (election.rule === 'greedy-reserve') {
    const r = election.reserve;
    if (r === undefined) throw new TallyInputError('greedy-reserve needs reserve.percent');
    if (!Number.isFinite(r.percent) || r.percent <= 0 || r.percent > 100) throw new TallyInputError('reserve.percent must be above 0 and at most 100');
    if (r.amount !== undefined && toRational(r.amount).n < 0n) throw new TallyInputError('reserve.amount must not be negative');
  }
  const norm = normalize(election.projects, election.ballots, election.constraints);
  const full = profileOf(norm.projects, norm.ballots, norm.usesPoints);
  const fmt = moneyFormat(election.currency);
  const pots = planPots(election, budget, norm.projects, norm.ballots);

  const reports = new Map<number, { reason: Reason; pot: string; rank?: number; eff?: Rational }>();
  const winners: number[] = [];
  const potResults: PotResult[] = [];
  const tieBreaks: TieBreakRecord[] = [];
  let totalBudget = ZERO;
  let reserveUsed = ZERO;
  for (const pot of pots) {
    totalBudget = add(totalBudget, pot.budget);
    const profile = profileOf(pot.projects, pot.ballots, norm.usesPoints);
    const tb = makeTieBreaker(profile, election.tieBreak ?? DEFAULT_TIE_BREAK);
    const { outcome, extra } = countPot(election, profile, pot.budget, tb, fmt);
    const reserve = outcome.fromReserve?.amount ?? ZERO;
    reserveUsed = add(reserveUsed, reserve);
    let cost = ZERO;
    outcome.selected.forEach((p) => {
      cost = add(cost, profile.projects[p]!.cost);
      winners.push(pot.projects[p]!.index);
    });
    pot.projects.forEach((gp, lp) => {
      const rank = outcome.selected.indexOf(lp);
      reports.set(gp.index, {
        reason: outcome.reasons.get(lp) ?? { code: 'not-chosen', text: 'not chosen' },
        pot: pot.key,
        rank: rank === -1 ? undefined : winners.indexOf(gp.index) + 1,
        eff: outcome.effectiveVotes?.get(lp),
      });
    });
    for (const t of outcome.ties) {
      tieBreaks.push({
        pot: pot.key,
        step: t.step,
        contenders: t.contenders.map((p) => profile.projects[p]!.id),
        chosen: profile.projects[t.chosen]!.id,
        decidedBy: t.decidedBy,
      });
    }
    potResults.push({
      pot: pot.key,
      budget: ratToString(pot.budget),
      winners: outcome.selected.map((p) => profile.projects[p]!.id),
      cost: ratToString(cost),
      leftover: ratToString(sub(pot.budget, sub(cost, reserve))),
      ...extra,
    });
  }
  let cost = ZERO;
  for (const p of winners) cost = add(cost, norm.projects[p]!.cost);
  const projects: ProjectReport[] = norm.projects.map((p) => {
    const r = reports.get(p.index)!;
    return {
      id: p.id,
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.area !== undefined ? { area: p.area } : {}),
      ...(p.theme !== undefined ? { theme: p.theme } : {}),
      pot: r.pot,
      votes: full.votes[p.index]!,
      score: full.score[p.index]!,
      cost: ratToString(p.cost),
      selected: r.rank !== undefined,
      ...(r.rank !== undefined ? { rank: r.rank } : {}),
      ...(r.eff !== undefined ? { effectiveVotes: ratToString(r.eff) } : {}),
      reason: r.reason,
    };
  });
  const leftover = sub(totalBudget, sub(cost, reserveUsed));
  const completions = election.rule === 'equalshares' && leftover.n > 0n ? completionsOf(election, winners.map((p) => norm.projects[p]!.id), leftover, fmt) : undefined;
  return {
    rule: election.rule,
    winners: winners.map((p) => norm.projects[p]!.id),
    cost: ratToString(cost),
    leftover: ratToString(sub(totalBudget, sub(cost, reserveUsed))),
    budget: ratToString(totalBudget),
    ...(election.rule === 'greedy-reserve' ? { reserveUsed: ratToString(reserveUsed) } : {}),
    pots: potResults,
    projects,
    tieBreaks,
    fairness: fairness(full, new Set(winners)),
    ...(completions ? { completions } : {}),
  };
}

/** Plain Equal Shares left `left` unspent: the same election counted by each completion, compared with it. */
function completionsOf(election: Election, plain: readonly string[], left: Rational, fmt: MoneyFormat): Completion[] {
  return (['equalshares/add1', 'equalshares/add1u'] as const).map((rule) => {
    const r = tally({ ...election, rule });
    const added = r.winners.filter((id) => !plain.includes(id));
    const dropped = plain.filter((id) => !r.winners.includes(id));
    const change = [added.length > 0 ? `adds ${added.map((id) => `"${id}"`).join(', ')}` : 'adds no plan', ...(dropped.length > 0 ? [`drops ${dropped.map((id) => `"${id}"`).join(', ')}`] : [])].join(' and ');
    const text = `Equal Shares left ${fmt(left)} unspent; ${rule} ${change}, spending ${fmt(parseRational(r.cost))} and leaving ${fmt(parseRational(r.leftover))}`;
    return { rule, winners: r.winners, added, dropped, cost: r.cost, leftover: r.leftover, text };
  });
}

function planPots(election: Election, budget: Rational, projects: PreparedProject[], ballots: NormalBallot[]): PotPlan[] {
  const areas = election.areaBudgets ?? {};
  const themes = election.themeBudgets ?? {};
  const keyOf = (p: PreparedProject): string =>
    p.area !== undefined && Object.hasOwn(areas, p.area) ? `area:${p.area}` : p.theme !== undefined && Object.hasOwn(themes, p.theme) ? `theme:${p.theme}` : 'city';
  const plans: PotPlan[] = [{ key: 'city', budget, projects: [], ballots }];
  for (const [a, b] of Object.entries(areas).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const members = new Set(projects.filter((p) => keyOf(p) === `area:${a}`).map((p) => p.index));
    // Voters of an area: those who say they live there, else those who back one of its plans.
    const voters = ballots.filter((v) => (v.area !== undefined ? v.area === a : [...v.points.keys()].some((k) => members.has(k))));
    plans.push({ key: `area:${a}`, budget: toRational(b), projects: [], ballots: voters });
  }
  for (const [t, b] of Object.entries(themes).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    plans.push({ key: `theme:${t}`, budget: toRational(b), projects: [], ballots });
  }
  const byKey = new Map(plans.map((p) => [p.key, p]));
  for (const p of projects) byKey.get(keyOf(p))!.projects.push(p);
  return plans;
}

function countPot(
  election: Election,
  profile: Profile,
  budget: Rational,
  tb: TieBreaker,
  fmt: MoneyFormat,
): { outcome: Outcome; extra: Partial<PotResult> & { unspent: Unspent } } {
  // META's min_project_score_threshold (or the frame's threshold) binds under every rule.
  const metric = profile.usesPoints ? profile.score : profile.votes;
  const threshold = election.threshold;
  if (election.rule === 'greedy-threshold' && threshold === undefined) throw new TallyInputError('greedy-threshold needs a threshold');
  const below = (p: number): boolean => threshold !== undefined && metric[p]! < threshold;
  const blocked = Uint8Array.from(profile.projects, (p) => (p.infeasible || below(p.index) ? 1 : 0));
  const { outcome, extra, overshoot } = countRule(election, profile, budget, tb, fmt, blocked);
  if (threshold !== undefined) {
    const unit = profile.usesPoints ? 'points' : 'votes';
    for (const p of profile.projects) {
      if (!p.infeasible && below(p.index)) {
        outcome.reasons.set(p.index, { code: 'below-threshold', text: `below the threshold: ${metric[p.index]} ${unit}, ${threshold} needed` });
      }
    }
  }
  const unspent = unspentOf(election.rule, profile, budget, outcome, fmt, overshoot);
  if (election.rule === 'greedy-reserve') {
    const r = election.reserve!;
    const used = outcome.fromReserve;
    extra.reserve = {
      percent: r.percent,
      ...(r.amount !== undefined ? { amount: ratToString(toRational(r.amount)) } : {}),
      used: ratToString(used?.amount ?? ZERO),
      ...(used ? { plan: profile.projects[used.plan]!.id } : {}),
    };
  }
  return { outcome, extra: { ...extra, unspent } };
}

/** What the budget of a pot left unspent and why, from the outcome and each plan's reason. */
function unspentOf(rule: RuleName, profile: Profile, budget: Rational, outcome: Outcome, fmt: MoneyFormat, overshoot?: Overshoot): Unspent {
  const chosen = new Set(outcome.selected);
  let spent = ZERO;
  for (const p of outcome.selected) spent = add(spent, profile.projects[p]!.cost);
  if (outcome.fromReserve) spent = sub(spent, outcome.fromReserve.amount);
  const left = sub(budget, spent);
  const amount = ratToString(left);
  const reserveNote = outcome.fromReserve
    ? `; the reserve paid ${fmt(outcome.fromReserve.amount)} of "${profile.projects[outcome.fromReserve.plan]!.id}"`
    : '';
  if (left.n === 0n) return { amount, code: 'none', text: `the whole budget is spent${reserveNote}` };
  const out = profile.projects.filter((p) => !chosen.has(p.index) && !p.infeasible);
  if (out.length === 0) return { amount, code: 'all-funded', text: `${fmt(left)} left: every plan that can be carried out is funded` };
  const byCost = [...out].sort((a, b) => cmp(a.cost, b.cost) || a.index - b.index);
  const fitting = byCost.filter((p) => cmp(p.cost, left) <= 0);
  if (fitting.length === 0) {
    const c = byCost[0]!;
    return { amount, code: 'nothing-fits', text: `${fmt(left)} left: no plan left out fits in it; the cheapest, "${c.id}", costs ${fmt(c.cost)}${reserveNote}` };
  }
  const reasonOf = (p: PreparedProject): Reason => outcome.reasons.get(p.index) ?? { code: 'not-chosen', text: 'not chosen' };
  const eligible = fitting.filter((p) => reasonOf(p).code !== 'below-threshold');
  if (eligible.length === 0) {
    const x = fitting[0]!;
    return { amount, code: 'below-threshold', plan: x.id, text: `${fmt(left)} left: "${x.id}" (costs ${fmt(x.cost)}) would fit, but it is ${reasonOf(x).text}` };
  }
  const x = eligible[0]!;
  const why = reasonOf(x);
  const fits = `"${x.id}" (costs ${fmt(x.cost)}) would fit`;
  switch (why.code) {
    case 'no-support':
      return { amount, code: 'no-support', plan: x.id, text: `${fmt(left)} left: ${fits}, but nobody supports it` };
    case 'mes-unaffordable': {
      const more = overshoot
        ? `; one more add1 step (per-voter budget ${fmt(overshoot.perVoter)}) would cost ${fmt(overshoot.cost)}, more than the budget`
        : '';
      return {
        amount,
        code: 'equal-shares',
        plan: x.id,
        text: `${fmt(left)} left: Equal Shares funds a plan only from its supporters' equal shares; ${fits}, but its supporters had only ${why.supportersHad}${more}`,
      };
    }
    case 'stopped': {
      const at = out.find((p) => reasonOf(p).code === 'did-not-fit');
      const name = rule === 'phragmen' ? 'Phragmén' : rule;
      const stop = at ? `stops at "${at.id}" (costs ${fmt(at.cost)}), the first plan that did not fit` : 'stopped';
      return { amount, code: 'stopped', plan: x.id, text: `${fmt(left)} left: ${name} ${stop}, so ${fits} but is not reached${reserveNote}` };
    }
    default:
      return { amount, code: 'stopped', plan: x.id, text: `${fmt(left)} left: ${fits}, but: ${why.text}` };
  }
}

function countRule(
  election: Election,
  profile: Profile,
  budget: Rational,
  tb: TieBreaker,
  fmt: MoneyFormat,
  blocked: Uint8Array,
): { outcome: Outcome; extra: Partial<PotResult>; overshoot?: Overshoot } {
  const threshold = election.threshold;
  const add1 = () =>
    runMesAdd1(profile, budget, tb, blocked, {
      stopWhenExhaustive: election.add1?.stopWhenExhaustive ?? false,
      start: election.add1?.start ?? 'floor',
      step: toRational(election.add1?.step ?? 1n),
    });
  const mesExtra = (run: MesRun, runs: number): Partial<PotResult> => ({
    finalPerVoter: ratToString(run.b0),
    runs,
    ...((election.explainGroups ?? true) ? { groups: run.payments() } : {}),
  });
  switch (election.rule) {
    case 'greedy':
    case 'greedy-threshold':
      return { outcome: greedy(profile, budget, tb, { fmt, threshold }), extra: {} };
    case 'greedy-no-skip':
      return { outcome: greedy(profile, budget, tb, { fmt, noSkip: true, threshold }), extra: {} };
    case 'greedy-reserve': {
      const r = election.reserve!;
      const reserve = { share: div(parseRational(String(r.percent)), rat(100n)), percent: r.percent, ...(r.amount !== undefined ? { amount: toRational(r.amount) } : {}) };
      return { outcome: greedy(profile, budget, tb, { fmt, noSkip: true, threshold, reserve }), extra: {} };
    }
    case 'equalshares': {
      const n = BigInt(Math.max(1, profile.voters));
      const run = runMes(profile, div(budget, rat(n)), tb, blocked);
      return { outcome: mesOutcome(profile, run, fmt, blocked), extra: mesExtra(run, 1) };
    }
    case 'equalshares/add1': {
      const { run, runs, overshoot } = add1();
      return { outcome: mesOutcome(profile, run, fmt, blocked), extra: mesExtra(run, runs), overshoot };
    }
    case 'equalshares/add1u': {
      const { run, runs } = add1();
      const mes = mesOutcome(profile, run, fmt, blocked);
      const fill = greedy(profile, budget, tb, { fmt, preselected: run.selected, threshold });
      const reasons = new Map(fill.reasons);
      for (const p of run.selected) reasons.set(p, mes.reasons.get(p)!);
      for (const p of fill.selected.slice(run.selected.length)) {
        reasons.set(p, { code: 'selected', text: `selected after Equal Shares: ${fill.reasons.get(p)!.text}` });
      }
      return { outcome: { ...fill, reasons, ties: [...mes.ties, ...fill.ties], effectiveVotes: mes.effectiveVotes }, extra: mesExtra(run, runs) };
    }
    case 'equalshares/add1-comparison': {
      const { run, runs, overshoot } = add1();
      const mes = mesOutcome(profile, run, fmt, blocked);
      const gr = greedy(profile, budget, tb, { fmt, threshold });
      const comparison = compareOutcomes(profile, run.selected, gr.selected);
      const chosen = comparison.chosen === 'greedy' ? gr : mes;
      const note = comparison.chosen === 'greedy' ? 'greedy' : 'Equal Shares';
      const reasons = new Map<number, Reason>();
      for (const [p, r] of chosen.reasons) {
        reasons.set(p, { ...r, text: `${r.text} (comparison step: ${comparison.preferMes} voters prefer Equal Shares, ${comparison.preferGreedy} greedy; ${note} kept)` });
      }
      return { outcome: { ...chosen, reasons }, extra: { ...mesExtra(run, runs), comparison }, ...(comparison.chosen === 'mes' ? { overshoot } : {}) };
    }
    case 'phragmen':
      return { outcome: phragmen(profile, budget, tb, fmt, blocked), extra: {} };
  }
}

/** Comparison step: a voter prefers the outcome that funds more of the plans they back. */
export function compareOutcomes(profile: Profile, mes: readonly number[], greedySel: readonly number[]): NonNullable<PotResult['comparison']> {
  const m = new Set(mes);
  const g = new Set(greedySel);
  let preferMes = 0;
  let preferGreedy = 0;
  for (const grp of profile.groups) {
    let cm = 0;
    let cg = 0;
    for (const p of grp.supports) {
      if (m.has(p)) cm++;
      if (g.has(p)) cg++;
    }
    if (cm > cg) preferMes += grp.weight;
    else if (cg > cm) preferGreedy += grp.weight;
  }
  return { preferMes, preferGreedy, chosen: preferGreedy > preferMes ? 'greedy' : 'mes' };
}

function fairness(profile: Profile, winners: Set<number>): Fairness {
  let reached = 0;
  let funded = 0;
  for (const g of profile.groups) {
    let k = 0;
    for (const p of g.supports) if (winners.has(p)) k++;
    if (k > 0) reached += g.weight;
    funded += k * g.weight;
  }
  const n = BigInt(Math.max(1, profile.voters));
  const share = div(rat(BigInt(reached)), rat(n));
  const avg = div(rat(BigInt(funded)), rat(n));
  const money = (key: 'area' | 'theme'): Record<string, string> => {
    const sums = new Map<string, Rational>();
    for (const p of profile.projects) {
      const k = p[key];
      if (k === undefined) continue;
      sums.set(k, add(sums.get(k) ?? ZERO, winners.has(p.index) ? p.cost : ZERO));
    }
    return Object.fromEntries([...sums].map(([k, v]) => [k, ratToString(v)]));
  };
  return {
    voters: profile.voters,
    votersWithFundedPlan: reached,
    shareWithFundedPlan: ratToDecimal(share, 4),
    averageFundedPlansPerVoter: ratToDecimal(avg, 4),
    moneyPerArea: money('area'),
    moneyPerTheme: money('theme'),
  };
}

/** Whether a set of winners leaves no unfunded plan that would still fit. */
export function exhaustive(election: Election, winners: readonly string[]): boolean {
  const norm = normalize(election.projects, [], undefined);
  const profile = profileOf(norm.projects, [], false);
  const idx = new Map(profile.projects.map((p) => [p.id, p.index]));
  const blocked = Uint8Array.from(profile.projects, (p) => (p.infeasible ? 1 : 0));
  return isExhaustive(profile, toRational(election.budget), winners.map((w) => idx.get(w)!), blocked);
}

