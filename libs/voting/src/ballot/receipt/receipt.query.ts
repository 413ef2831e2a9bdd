import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PlanOutcome } from '@lib/budgeting';
import { toDomainEvent } from '@lib/es';
import { parseRational, rat, ratToString, tally } from '@lib/tally';
import { standingBallots, electionOf } from '../../count/count-round.js';
import { ballotBoxState, roundOf, tenantOfRound, VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { VotingFrame } from '../../voting-frame.js';
import { type BallotContent, plansOf } from '../ballot.content.js';
import type { BallotEvent, Channel } from '../ballot.events.js';
import { ReceiptBallotReplacedError, ReceiptMalformedError, ReceiptNotFoundError, ReceiptResultNotAdoptedError, ReceiptVotingOpenError } from './receipt.errors.js';
import { type ReceiptFinding, ReceiptIndex } from './receipt.index.js';
import { RECEIPT_PATTERN, receiptDigestOf } from './receipt.js';

/** What a receipt says after the close: whether its ballot counts, never what is on it. */
export interface ReceiptCheck {
  roundId: string;
  status: 'counted' | 'replaced';
  channel: Channel;
  replacedBy: Channel | null;
  /** How far the round's result is: `pending` (not published), `published`, `adopted` (then "my result" answers). */
  result: 'pending' | 'published' | 'adopted';
}

/** Why a plan on the voter's ballot won or did not: the count's stable reason code and its English text. */
export interface MyPlanResult {
  planId: string;
  title: string;
  costCents: number;
  area: string | null;
  theme: string | null;
  selected: boolean;
  /** The count's reason (`selected`, `did-not-fit`, `below-threshold`, `stopped`, `mes-unaffordable`, `no-support`, `not-feasible`). */
  reason: { code: string; message: string };
  votes: number | null;
  /** Equal Shares: what this ballot paid towards the plan, exactly, in the counting unit; null under other rules or when not funded. */
  yourShare: string | null;
}

/** "My result": the plans on the ballot with the receipt, each with whether it won and why. */
export interface MyResult {
  roundId: string;
  rule: string;
  countingUnitCents: number;
  currency: string;
  /** How many of the plans on this ballot won. */
  won: number;
  plans: MyPlanResult[];
  /** Equal Shares: what this ballot kept of its equal share at the end of the count; null under other rules. */
  yourShareLeft: string | null;
}

interface ReceiptContext {
  tenant: string;
  finding: ReceiptFinding;
  frame: VotingFrame;
  round: Awaited<ReturnType<typeof roundOf>>;
}

/**
 * A receipt after the close: 400 RECEIPT.MALFORMED, 404 when the round has no box, 409
 * RECEIPT.VOTING_OPEN before the close, 404 RECEIPT.NOT_FOUND for a receipt of no ballot here.
 */
async function lookUp(deps: VotingDeps, index: ReceiptIndex, roundId: string, receipt: string): Promise<ReceiptContext> {
  if (!RECEIPT_PATTERN.test(receipt)) throw new ReceiptMalformedError('A receipt is the 43 characters given when the ballot was cast');
  const tenant = await tenantOfRound(deps.store, roundId);
  const box = await ballotBoxState(deps, roundId, tenant);
  if (box.phase !== 'closed' && box.phase !== 'sealed') throw new ReceiptVotingOpenError('Receipts are checked once voting has closed', { phase: box.phase });
  const finding = await index.find(deps.store, roundId, tenant, receiptDigestOf(receipt));
  if (!finding) throw new ReceiptNotFoundError('No ballot of this round has this receipt');
  return { tenant, finding, frame: box.frame, round: await roundOf(deps.store, roundId, tenant, deps.streams) };
}

export async function checkReceipt(deps: VotingDeps, index: ReceiptIndex, roundId: string, receipt: string): Promise<ReceiptCheck> {
  const { finding, round } = await lookUp(deps, index, roundId, receipt);
  const result = round?.result ? (round.result.adoption ? 'adopted' : 'published') : 'pending';
  return { roundId, status: finding.status, channel: finding.channel, replacedBy: finding.replacedBy, result };
}

/**
 * After adoption: per plan on the ballot, the adopted result's outcome (corrections included) and,
 * under Equal Shares, what this ballot paid, from a recount with the voter groups (@lib/tally's
 * per-voter explanation; kept per round, as a sealed box's ballots no longer change).
 */
export async function myResult(deps: VotingDeps, index: ReceiptIndex, shares: EqualShares, roundId: string, receipt: string): Promise<MyResult> {
  const { tenant, finding, frame, round } = await lookUp(deps, index, roundId, receipt);
  if (!round?.result?.adoption) throw new ReceiptResultNotAdoptedError('Your result is shown once the result is adopted');
  if (finding.status === 'replaced') throw new ReceiptBallotReplacedError('This ballot was replaced by a later one; the later ballot was counted', { replacedBy: finding.replacedBy });
  const [event] = await deps.store.readStream(finding.stream, { fromRevision: finding.revision, maxCount: 1 });
  const content = (toDomainEvent(event!) as BallotEvent & { data: { content: BallotContent } }).data.content;
  const outcomes = new Map<string, PlanOutcome>(round.result.explanation.map((o) => [o.proposalId, o]));
  const plans = new Map(frame.plans.map((p) => [p.planId, p]));
  const paid = frame.tally.rule.startsWith('equalshares') ? await shares.of(deps, roundId, tenant, frame, content) : null;
  const mine = plansOf(content).map((planId): MyPlanResult => {
    const plan = plans.get(planId);
    const outcome = outcomes.get(planId);
    const reason = typeof outcome?.details?.reason === 'string' ? outcome.details.reason : outcome?.selected ? 'selected' : 'not-selected';
    return {
      planId,
      title: plan?.name ?? planId,
      costCents: plan?.costCents ?? 0,
      area: plan?.area ?? null,
      theme: plan?.theme ?? null,
      selected: outcome?.selected ?? false,
      reason: { code: reason, message: outcome?.explanation ?? 'Not in the count' },
      votes: outcome?.votes ?? null,
      yourShare: paid?.paidPerVoter[planId] ?? null,
    };
  });
  return {
    roundId,
    rule: frame.tally.rule,
    countingUnitCents: frame.countingUnitCents,
    currency: frame.currency,
    won: mine.filter((p) => p.selected).length,
    plans: mine,
    yourShareLeft: paid?.leftPerVoter ?? null,
  };
}

interface PotGroups {
  /** The plans counted in this pot. */
  plans: Set<string>;
  /** Support set (sorted ids) → what each voter of that group paid per plan and kept. */
  groups: Map<string, { paidPerVoter: Record<string, string>; leftPerVoter: string }>;
}

/** Equal Shares payments per group of identical support sets, from one recount per round and process. */
export class EqualShares {
  private readonly counts = new Map<string, Promise<PotGroups[]>>();

  async of(deps: VotingDeps, roundId: string, tenant: string, frame: VotingFrame, content: BallotContent): Promise<{ paidPerVoter: Record<string, string>; leftPerVoter: string } | null> {
    const key = `${tenant}\0${roundId}`;
    let pots = this.counts.get(key);
    if (!pots) {
      pots = standingBallots(deps.store, roundId, tenant).then((ballots) => {
        const result = tally({ ...electionOf(frame, ballots), explainGroups: true });
        return result.pots.map((pot) => ({
          plans: new Set(result.projects.filter((p) => p.pot === pot.pot).map((p) => p.id)),
          groups: new Map((pot.groups ?? []).map((g) => [supportKey(g.supports), { paidPerVoter: g.paidPerVoter, leftPerVoter: g.leftPerVoter }])),
        }));
      });
      pots.catch(() => this.counts.delete(key));
      this.counts.set(key, pots);
    }
    // A ballot backing plans of several area pots is one voter in each of them: add up what it paid and kept there.
    const backed = plansOf(content);
    const mine = [];
    for (const pot of await pots) {
      const inPot = backed.filter((id) => pot.plans.has(id));
      const group = inPot.length > 0 ? pot.groups.get(supportKey(inPot)) : undefined;
      if (group) mine.push(group);
    }
    if (mine.length === 0) return null;
    const left = mine.map((g) => parseRational(g.leftPerVoter)).reduce((a, b) => rat(a.n * b.d + b.n * a.d, a.d * b.d));
    return { paidPerVoter: Object.assign({}, ...mine.map((g) => g.paidPerVoter)) as Record<string, string>, leftPerVoter: ratToString(left) };
  }
}

function supportKey(plans: readonly string[]): string {
  return [...plans].sort().join('\0');
}

export class GetReceipt extends Query<ReceiptCheck> {
  constructor(
    readonly roundId: string,
    readonly receipt: string,
  ) {
    super();
  }
}

export class GetMyResult extends Query<MyResult> {
  constructor(
    readonly roundId: string,
    readonly receipt: string,
  ) {
    super();
  }
}

@QueryHandler(GetReceipt)
export class GetReceiptHandler implements IQueryHandler<GetReceipt, ReceiptCheck> {
  constructor(
    @Inject(VOTING_DEPS) private readonly deps: VotingDeps,
    private readonly index: ReceiptIndex,
  ) {}

  execute({ roundId, receipt }: GetReceipt): Promise<ReceiptCheck> {
    return checkReceipt(this.deps, this.index, roundId, receipt);
  }
}

@QueryHandler(GetMyResult)
export class GetMyResultHandler implements IQueryHandler<GetMyResult, MyResult> {
  constructor(
    @Inject(VOTING_DEPS) private readonly deps: VotingDeps,
    private readonly index: ReceiptIndex,
    private readonly shares: EqualShares,
  ) {}

  execute({ roundId, receipt }: GetMyResult): Promise<MyResult> {
    return myResult(this.deps, this.index, this.shares, roundId, receipt);
  }
}
