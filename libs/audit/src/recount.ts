import { type PlanOutcome, type ResultCorrected, type ResultPublished, type RoundDecision, roundStream, type Winner } from '@lib/budgeting/events';
import type { EventStore, RecordedEvent } from '@lib/event-store';
import { parseRational, tally, type TallyResult } from '@lib/tally';
import { ballotBoxStream, type VotingFrame } from '@lib/voting/events';
import type { AuditDomain } from './audit-domain.js';

/** The result the round stream holds now: the latest `ResultPublished` or `ResultCorrected`. */
export interface PublishedResult {
  type: 'ResultPublished' | 'ResultCorrected';
  revision: bigint;
  position: string;
  at: string;
  /** 0 for the published result; n for the n-th correction. */
  correction: number;
  winners: Winner[];
  explanation: PlanOutcome[];
  totalCents: number;
  reason?: string;
  decision?: RoundDecision;
}

/** One plan: the recount next to the published result. */
export interface PlanComparison {
  planId: string;
  name?: string;
  costCents: number | null;
  recount: { selected: boolean; votes: number; explanation: string } | null;
  published: { selected: boolean; votes?: number; amountCents?: number; explanation?: string } | null;
  /** Empty when the plan matches. */
  differences: string[];
}

export interface RecountReport {
  roundId: string;
  tenant: string;
  match: boolean;
  rule: string;
  tieBreak: string[];
  frameVersion: number;
  ballots: number;
  /** `reserveUsed` (greedy-reserve): what the reserve beside the budget paid; `cost` includes it. */
  recount: { winners: string[]; cost: string; budget: string; reserveUsed?: string; currency: string; tieBreaks: TallyResult['tieBreaks'] };
  /** Null when the round has no published result yet (then `match` is false). */
  published: PublishedResult | null;
  plans: PlanComparison[];
  /** The plans that differ (empty on a match, and when nothing was published). */
  mismatched: string[];
}

/** Why a recount cannot run: no ballot box, or voting still open. */
/** Why a round cannot be recounted (yet): the proces-verbaal words it in its own language. */
export type RecountUnavailableReason = 'no-ballot-box' | 'being-prepared' | 'voting-open';

export class RecountUnavailableError extends Error {
  override readonly name = 'RecountUnavailableError';
  constructor(
    message: string,
    readonly reason: RecountUnavailableReason,
  ) {
    super(message);
  }
}

/** Every result on a round stream, in order: the published result, then each correction. */
export function resultsOf(events: readonly RecordedEvent[]): PublishedResult[] {
  return events
    .filter((e) => e.type === 'ResultPublished' || e.type === 'ResultCorrected')
    .map((e) => {
      const data = e.data as ResultPublished['data'] & Partial<ResultCorrected['data']>;
      return {
        type: e.type as PublishedResult['type'],
        revision: e.revision,
        position: `${e.position.commit}/${e.position.prepare}`,
        at: data.at,
        correction: e.type === 'ResultCorrected' ? Number(data.correction ?? 0) : 0,
        winners: data.winners,
        explanation: data.explanation,
        totalCents: data.totalCents,
        ...(data.reason !== undefined ? { reason: data.reason } : {}),
        ...(data.decision !== undefined ? { decision: data.decision } : {}),
      };
    });
}

/** The round's result as it stands now: the latest `ResultPublished` or `ResultCorrected` (a correction replaces the published one). */
export async function publishedResult(store: EventStore, roundId: string): Promise<PublishedResult | null> {
  const results = resultsOf(await store.readStream(roundStream(roundId)));
  return results[results.length - 1] ?? null;
}

/** The frozen frame the round voted under (the copy in its ballot box), the box's phase, and its municipality. */
export async function ballotBoxOf(store: EventStore, roundId: string, domain: Pick<AuditDomain, 'ballotBox'>): Promise<{ tenant: string; phase: string; frame: VotingFrame } | null> {
  const events = await store.readStream(ballotBoxStream(roundId));
  const tenant = events[0]?.metadata.tenant;
  if (typeof tenant !== 'string') return null;
  let state = domain.ballotBox.initialState();
  for (const event of events) state = domain.ballotBox.evolve(state, { type: event.type, data: event.data });
  if (state.phase === 'none') return null;
  return { tenant, phase: state.phase, frame: state.frame };
}

/**
 * Recounts a round from its raw ballot events with the rule of the frame frozen in its ballot box
 * (through the domain's own count, handed in as `domain`, so the audit counts exactly as the app
 * does) and compares the outcome with the published (or corrected) result, plan by plan.
 */
export async function recountRound(store: EventStore, roundId: string, domain: AuditDomain): Promise<RecountReport> {
  // 1. The frozen frame, from the ballot box.
  const box = await ballotBoxOf(store, roundId, domain);
  if (!box) throw new RecountUnavailableError(`Round ${roundId} has no ballot box: there is no vote to recount`, 'no-ballot-box');
  if (box.phase === 'prepared' || box.phase === 'open') throw new RecountUnavailableError(`Round ${roundId} is still ${box.phase === 'open' ? 'voting' : 'being prepared'}: a recount runs once voting closed`, box.phase === 'open' ? 'voting-open' : 'being-prepared');
  // 2. The standing ballots, from the ballot events alone, counted with the frame's rule.
  const { election, ballots } = await domain.electionOfRound(store, roundId, box.tenant, box.frame);
  const result = tally(election);
  // 3. The published result, and the comparison.
  // Without a published result the recount still stands on its own, but matches nothing.
  const published = await publishedResult(store, roundId);
  const plans = comparePlans(box.frame, result, published, reserveCentsOf(result, box.frame.countingUnitCents));
  const mismatched = plans.filter((p) => p.differences.length > 0).map((p) => p.planId);
  return {
    roundId,
    tenant: box.tenant,
    match: published !== null && mismatched.length === 0,
    rule: box.frame.tally.rule,
    tieBreak: [...box.frame.tally.tieBreak],
    frameVersion: box.frame.frameVersion,
    ballots,
    recount: {
      winners: result.winners,
      cost: result.cost,
      budget: result.budget,
      ...(result.reserveUsed !== undefined ? { reserveUsed: result.reserveUsed } : {}),
      currency: box.frame.currency,
      tieBreaks: result.tieBreaks,
    },
    published,
    plans,
    mismatched,
  };
}

/** greedy-reserve: the reserve's part of each plan it topped up, in cents, rounded up as the count publishes it. */
function reserveCentsOf(result: TallyResult, countingUnitCents: number): Map<string, number> {
  const paid = new Map<string, number>();
  for (const pot of result.pots) {
    if (pot.reserve?.plan === undefined) continue;
    const used = parseRational(pot.reserve.used);
    const cents = used.n * BigInt(countingUnitCents);
    paid.set(pot.reserve.plan, Number(cents / used.d + (cents % used.d === 0n ? 0n : 1n)));
  }
  return paid;
}

function comparePlans(frame: VotingFrame, result: TallyResult, published: PublishedResult | null, fromReserve: Map<string, number>): PlanComparison[] {
  const recounted = new Map(result.projects.map((p) => [p.id, p]));
  const winners = new Map((published?.winners ?? []).map((w) => [w.proposalId, w]));
  const explained = new Map((published?.explanation ?? []).map((e) => [e.proposalId, e]));
  const ids = [...new Set([...frame.plans.map((p) => p.planId), ...winners.keys(), ...explained.keys()])];
  const planOf = new Map(frame.plans.map((p) => [p.planId, p]));
  return ids.map((planId) => {
    const plan = planOf.get(planId);
    const counted = recounted.get(planId);
    const winner = winners.get(planId);
    const outcome = explained.get(planId);
    const differences: string[] = [];
    const publishedSelected = winner !== undefined;
    if (published) {
      if (!plan) differences.push('not a plan on the ballot');
      if (counted && counted.selected !== publishedSelected) differences.push(counted.selected ? 'selected by the recount, not in the published result' : 'in the published result, not selected by the recount');
      if (outcome && outcome.selected !== publishedSelected) differences.push(`the published explanation says ${outcome.selected ? 'selected' : 'not selected'}, the published winners say otherwise`);
      if (counted && outcome?.votes !== undefined && outcome.votes !== counted.votes) differences.push(`published ${outcome.votes} votes, recounted ${counted.votes}`);
      const budgetPart = plan ? plan.costCents - (fromReserve.get(planId) ?? 0) : 0;
      if (plan && winner && winner.amountCents !== budgetPart) {
        differences.push(
          fromReserve.has(planId)
            ? `published amount ${winner.amountCents} cents, the budget's part of the ballot's cost ${budgetPart} cents (the reserve paid ${fromReserve.get(planId)} of ${plan.costCents})`
            : `published amount ${winner.amountCents} cents, the ballot's cost ${plan.costCents} cents`,
        );
      }
    }
    return {
      planId,
      ...(plan?.name ? { name: plan.name } : {}),
      costCents: plan?.costCents ?? null,
      recount: counted ? { selected: counted.selected, votes: counted.votes, explanation: counted.reason.text } : null,
      published: published
        ? {
            selected: publishedSelected,
            ...(outcome?.votes !== undefined ? { votes: outcome.votes } : {}),
            ...(winner ? { amountCents: winner.amountCents } : {}),
            ...(outcome ? { explanation: outcome.explanation } : {}),
          }
        : null,
      differences,
    };
  });
}
