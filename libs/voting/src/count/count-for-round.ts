import type { CountedResult, ExistingRound, PlanOutcome, ResultCount, Winner } from '@lib/budgeting';
import type { EventStore } from '@lib/event-store';
import { countRound } from './count-round.js';

/**
 * The count of a round's standing ballots with the rule frozen in its ballot box, in the round's terms:
 * winners with their cost in cents (and area when the round spends per area), one explanation per plan,
 * and how it was counted (rule, tie-break, ties decided, fairness, pots) for the published result.
 */
export async function countForRound(store: EventStore, round: ExistingRound, tenant: string): Promise<CountedResult> {
  const { result, ballots, frame } = await countRound(store, round.roundId, tenant);
  const plans = new Map(frame.plans.map((p) => [p.planId, p]));
  const perArea = round.frame.areaCeilings.length > 0;
  const winners: Winner[] = result.winners.map((id) => ({ proposalId: id, amountCents: plans.get(id)!.costCents, areaCode: perArea ? (plans.get(id)!.area ?? null) : null }));
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
  };
  return { winners, explanation, count };
}
