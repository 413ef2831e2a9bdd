import type { CountedResult, ExistingRound, PlanOutcome, ResultCount, Winner } from '@lib/budgeting';
import type { EventStore } from '@lib/event-store';
import { parseRational, type TallyResult } from '@lib/tally';
import { countRound } from './count-round.js';

/**
 * greedy-reserve: what the reserve beside the budget paid per plan, in cents (rounded up, so the
 * budget's part never exceeds what the count left for it). The budget pays the rest of the plan.
 */
export function reserveCentsPerPlan(result: TallyResult, countingUnitCents: number): Map<string, number> {
  const paid = new Map<string, number>();
  for (const pot of result.pots) {
    if (pot.reserve?.plan === undefined) continue;
    const used = parseRational(pot.reserve.used);
    const cents = used.n * BigInt(countingUnitCents);
    paid.set(pot.reserve.plan, Number(cents / used.d + (cents % used.d === 0n ? 0n : 1n)));
  }
  return paid;
}

/**
 * The count of a round's standing ballots with the rule frozen in its ballot box, in the round's terms:
 * winners with their cost in cents (and area when the round spends per area; under greedy-reserve a plan
 * topped up from the reserve with the budget's part only, the reserve's in its details), one explanation per plan,
 * and how it was counted (rule, tie-break, ties decided, fairness, pots) for the published result.
 */
export async function countForRound(store: EventStore, round: ExistingRound, tenant: string): Promise<CountedResult> {
  const { result, ballots, frame } = await countRound(store, round.roundId, tenant);
  const plans = new Map(frame.plans.map((p) => [p.planId, p]));
  const perArea = round.frame.areaCeilings.length > 0;
  // A plan topped up from the reserve commits only the budget's part; the reserve's part is reported apart.
  const fromReserve = reserveCentsPerPlan(result, frame.countingUnitCents);
  const winners: Winner[] = result.winners.map((id) => ({
    proposalId: id,
    amountCents: plans.get(id)!.costCents - (fromReserve.get(id) ?? 0),
    areaCode: perArea ? (plans.get(id)!.area ?? null) : null,
  }));
  const explanation: PlanOutcome[] = result.projects.map((p) => ({
    proposalId: p.id,
    selected: p.selected,
    explanation: p.reason.text,
    votes: p.votes,
    details: {
      reason: p.reason.code,
      score: p.score,
      cost: p.cost,
      pot: p.pot,
      ...(p.rank === undefined ? {} : { rank: p.rank }),
      ...(p.effectiveVotes === undefined ? {} : { effectiveVotes: p.effectiveVotes }),
      ...(fromReserve.has(p.id) ? { fromReserveCents: fromReserve.get(p.id)! } : {}),
    },
  }));
  const count: ResultCount = {
    ballots,
    rule: result.rule,
    tieBreak: [...frame.tally.tieBreak, 'project-id'],
    seed: frame.tally.seed ?? null,
    countingUnitCents: frame.countingUnitCents,
    currency: frame.currency,
    budget: result.budget,
    cost: result.cost,
    leftover: result.leftover,
    fairness: { ...result.fairness },
    tieBreaks: result.tieBreaks.map((t) => ({ ...t, contenders: [...t.contenders] })),
    // Without the per-group payments: they can be recomputed, and a city's would make the event huge.
    pots: result.pots.map(({ groups: _groups, ...pot }) => ({ ...pot })),
    ...(result.completions ? { completions: result.completions.map((c) => ({ ...c })) } : {}),
  };
  return { winners, explanation, count };
}
