import { type CommandContext, domainError, handleCommand, type HandleCommandResult, reactNow } from '@lib/es';
import {
  AdvancePhase,
  appendedEvents,
  type BallotRules,
  budgetFreezeReaction,
  type BudgetCommand,
  type BudgetFrame,
  budgetDecider,
  budgetStream,
  planNewRound,
  publishResultCommand,
  readRound,
  type ResultPublished,
  type RoundBallotBox,
  type RoundCommandDeps,
  type RoundPhase,
  roundSealReaction,
  roundStream,
  runRoundCommand,
  TALLY_RULES,
  type TallyRule,
  type TallyRules,
} from '@lib/budgeting';
import { type Ballot, type Election, type Money, PabulibError, parseRational, readPabulib } from '@lib/tally';
import { followRound, votingFrameOfRound } from '../ballot-box/follow-round/follow-round.js';
import { followRoundReaction } from '../ballot-box/follow-round/follow-round.reactor.js';
import { prepareBallotBoxWithFrame } from '../ballot-box/prepare-ballot-box/prepare-ballot-box.use-case.js';
import { countForRound } from '../count/count-for-round.js';
import type { BallotContent } from '../ballot/ballot.content.js';
import { castBallotFor } from '../ballot/cast-ballot/cast-ballot.use-case.js';
import { registerParticipants } from '../participant/register-participant/register-participant.use-case.js';
import { generateCode } from '../round-key/pseudonym.js';
import { inBatches, loadBallotBox, type VotingDeps } from '../voting.deps.js';
import type { BallotPlan } from '../voting-frame.js';

export class PabulibImportError extends domainError('PABULIB.INVALID_FILE', 'invalid') {}

const CENTS_PER_UNIT = 100n;

function toCents(value: Money, what: string): number {
  const r = typeof value === 'bigint' ? { n: value, d: 1n } : value;
  const scaled = r.n * CENTS_PER_UNIT;
  if (scaled % r.d !== 0n) throw new PabulibImportError(`${what} has more than two decimals`, { what });
  return Number(scaled / r.d);
}

const metaCents = (meta: Record<string, string>, key: string): number | undefined => (meta[key] ? toCents(parseRational(meta[key]), `META ${key}`) : undefined);
const metaInt = (meta: Record<string, string>, key: string): number | undefined => (meta[key] ? Number(meta[key]) : undefined);

function contentOf(ballot: Ballot): BallotContent {
  switch (ballot.type) {
    case 'approval':
    case 'choose-1':
      return { type: ballot.type, choices: [...ballot.choices] };
    case 'cumulative':
    case 'scoring':
      return { type: ballot.type, points: { ...ballot.points } };
    case 'ordinal':
      return { type: 'ordinal', ranking: [...ballot.ranking] };
  }
}

/**
 * The frame's tally rule for a file, from the rule the reader resolved: `greedy-custom` of a unit
 * whose rule is known becomes that rule (Poznań: greedy-reserve with its percentage); a rule the
 * frame cannot count is refused by name. META's min_project_score_threshold applies under every
 * rule, as the tally applies it.
 */
export function tallyOfPabulib(election: Pick<Election, 'rule' | 'reserve' | 'threshold'>, declaredRule: string, unsupportedRule?: string): TallyRules {
  if (unsupportedRule !== undefined) throw new PabulibImportError(`The file's rule cannot be counted: ${unsupportedRule}`, { rule: declaredRule });
  if (!(TALLY_RULES as readonly string[]).includes(election.rule)) {
    throw new PabulibImportError(`The file's rule "${declaredRule}" is not a rule a budget frame can count (${TALLY_RULES.join(', ')})`, { rule: declaredRule });
  }
  const tally: TallyRules = { rule: election.rule as TallyRule, tieBreak: ['lowest-cost', 'most-votes'] };
  const threshold = election.threshold;
  if (threshold !== undefined && (!Number.isSafeInteger(threshold) || threshold < 0)) {
    throw new PabulibImportError(`META min_project_score_threshold must be a whole number ≥ 0, not ${threshold}`, { rule: declaredRule });
  }
  if (threshold !== undefined && threshold > 0) tally.thresholdVotes = threshold;
  else if (tally.rule === 'greedy-threshold') tally.thresholdVotes = 1;
  if (tally.rule === 'greedy-reserve') {
    const percent = election.reserve?.percent;
    if (percent === undefined || !Number.isInteger(percent) || percent < 1 || percent > 100) {
      throw new PabulibImportError(`The file's rule "${declaredRule}" needs a whole reserve percentage from 1 to 100 (META reserve_percent)`, { rule: declaredRule });
    }
    tally.reservePercent = percent;
    if (election.reserve?.amount !== undefined) tally.reserveCents = toCents(election.reserve.amount, 'the reserve');
  }
  return tally;
}

/** The frame a Pabulib file implies: its ballot constraints, rule and budget, in cents; the whole municipality, every age. */
export function frameOfPabulib(meta: Record<string, string>, voteType: BallotRules['type'], ballots: readonly Ballot[], budgetCents: number, tally: TallyRules): BudgetFrame {
  const ballot: BallotRules = { type: voteType };
  if (voteType !== 'choose-1') {
    const min = metaInt(meta, 'min_length');
    const max = metaInt(meta, 'max_length');
    if (min !== undefined) ballot.minPlans = min;
    if (max !== undefined && voteType !== 'ordinal') ballot.maxPlans = max;
  }
  const cap = metaCents(meta, 'max_sum_cost');
  if (voteType === 'approval' && cap !== undefined) ballot.costCapCents = cap;
  if (voteType === 'cumulative' || voteType === 'scoring') {
    const points = metaInt(meta, voteType === 'cumulative' ? 'max_sum_points' : 'max_points');
    const observed = Math.max(
      1,
      ...ballots.map((b) => (b.type === 'cumulative' || b.type === 'scoring' ? (voteType === 'cumulative' ? Object.values(b.points).reduce((s, p) => s + p, 0) : Math.max(0, ...Object.values(b.points))) : 0)),
    );
    // Files without the limit get the largest a voter used: every recorded ballot stays valid.
    ballot.points = points ?? observed;
  }
  if (voteType === 'ordinal') {
    ballot.rankingLength = metaInt(meta, 'max_length') ?? Math.max(1, ...ballots.map((b) => (b.type === 'ordinal' ? b.ranking.length : 0)));
  }
  return {
    form: 'burgerbegroting',
    title: (meta['description'] || `${meta['unit'] ?? 'Pabulib'} ${meta['instance'] ?? ''}`).trim().slice(0, 200),
    amountKind: 'budget',
    amountCents: budgetCents,
    areas: [],
    allocation: { kind: 'none' },
    criteria: [],
    participation: { areaCodes: [], minimumAge: 0, participants: ['residents'], excludedRoles: [], credential: 'postal-voting-code' },
    ballot,
    tally,
    interimResultsPublic: false,
    regime: { kind: 'binding' },
  };
}

/** The phases a burgerbegroting passes before its vote; an imported one passes them at once (its plans are the file's). */
const BEFORE_VOTING: RoundPhase[] = ['submission', 'support', 'feasibility'];

/**
 * Imports a Pabulib election as a new round through the same commands as a live vote: a Budget
 * frame (EstablishBudget), a Round planned under it, its ballot box prepared with the file's plans
 * and the round moved to voting (which opens the box), one generated code per voter on the roll
 * (codes discarded: the file's voter ids never enter the system), every ballot through the ballot
 * decider expecting no stream, the round moved to counting (which closes the box), and the result
 * published by counting the ballots. Every phase change is sealed, as in a live round; adopting the
 * result later seals the box and destroys the round key through the same reactors. Returns the round id.
 */
export async function importPabulib(
  deps: VotingDeps,
  text: string,
  context: CommandContext,
  options: { concurrency?: number } = {},
): Promise<{ roundId: string; budgetId: string; ballots: number; result: ResultPublished['data'] }> {
  let parsed;
  try {
    parsed = readPabulib(text);
  } catch (error) {
    if (error instanceof PabulibError) throw new PabulibImportError(`The Pabulib file is invalid: ${error.message}`, { line: error.line });
    throw error;
  }
  const { election, file, voteType } = parsed;
  const tally = tallyOfPabulib(election, parsed.declaredRule, parsed.unsupportedRule);
  const concurrency = options.concurrency ?? 32;
  const budgetCents = toCents(election.budget, 'budget');
  const plans: BallotPlan[] = election.projects.map((p) => ({ planId: p.id, costCents: toCents(p.cost, `cost of ${p.id}`), ...(p.name ? { name: p.name } : {}) }));
  const frame = frameOfPabulib(file.meta, voteType as BallotRules['type'], election.ballots, budgetCents, tally);

  // 1. The frame, by the Budget stream's own command.
  const budgetId = deps.newId();
  const today = deps.now().toISOString().slice(0, 10);
  const decisionNumber = `pabulib:${[file.meta['country'], file.meta['unit'], file.meta['subunit'], file.meta['instance']].filter(Boolean).join('/')}`.slice(0, 100);
  const established = await handleCommand(
    deps.store,
    budgetStream(budgetId),
    budgetDecider,
    // The Budget stream's EstablishBudget command (its class is not exported; the decider takes the same shape).
    { type: 'EstablishBudget', data: { budgetId, frame, decision: { body: 'college', number: decisionNumber, date: today }, template: null, establishedAt: deps.now().toISOString() } } as BudgetCommand,
    context,
    { streamMustExist: false, newId: deps.newId },
  );
  const version = { version: 1, frame: (established.events[0]!.data as { frame: BudgetFrame }).frame };

  // 2. The round, by the Round stream's own commands. Their reactions (budget freeze, ballot box, seals)
  //    run here at once, with the ids the reactors derive, so a reactor running elsewhere finds them done.
  const roundId = deps.newId();
  const currency = file.meta['currency'] ?? 'EUR';
  const ballotBox: RoundBallotBox = {
    check: async (round, ctx) => {
      await followRound(deps, round, ctx, 'check', { plans, currency });
    },
    count: (round, ctx) => countForRound(deps.store, round, ctx.tenant),
  };
  const rounds: RoundCommandDeps = { store: deps.store, newId: deps.newId, ballotBox };
  const reactions = [budgetFreezeReaction(deps.store), roundSealReaction(deps.store), followRoundReaction(deps)];
  const react = async (result: HandleCommandResult<unknown>) =>
    reactNow(reactions, await appendedEvents(deps.store, roundStream(roundId), result), (stream, revision) => deps.store.readStream(stream, { maxCount: Number(revision) + 1 }));
  const at = deps.now().toISOString();
  await planNewRound(deps.store, deps.newId, { roundId, budgetId, title: version.frame.title, year: deps.now().getUTCFullYear(), decidedBy: null, preselection: false, schedule: [], carryOver: [], intakeDates: [], plannedAt: at }, context);
  const advance = async (to: RoundPhase, reason: string) => react(await runRoundCommand(rounds, roundId, (_round, frame) => new AdvancePhase({ roundId, to, reason, decision: null, frame, at }), { context }));
  for (const to of BEFORE_VOTING) await advance(to, 'Pabulib-import: de plannen uit het bestand komen op het stembiljet');
  // The file's plans are not Proposal streams: the box is prepared with them before the round enters voting, and then only opens.
  const beforeVoting = await readRound(deps.store, roundId, context.tenant);
  await prepareBallotBoxWithFrame(deps, roundId, await votingFrameOfRound(deps.store, beforeVoting.state, context.tenant, { plans, currency }), context);
  await advance('voting', 'Pabulib-import: de stemmen uit het bestand worden uitgebracht');

  // 3. The roll: one fresh code per voter, registered by pseudonym.
  const codes = election.ballots.map(() => generateCode());
  const { refs } = await registerParticipants(
    deps,
    roundId,
    codes.map((code) => ({ code, area: '', ageBand: '0+', role: null })),
    'pabulib',
    context,
  );

  // 4. Every ballot through the ballot decider, each in its own stream expecting none. The box, the
  //    participants just registered and the round key are read once, not once per ballot.
  const box = (await loadBallotBox(deps.store, roundId, context.tenant)).state;
  const key = await deps.vault.keyFor(roundId);
  const vault = deps.vault;
  const castDeps: VotingDeps = {
    ...deps,
    vault: { keyFor: async () => key, existingKey: (id) => vault.existingKey(id), status: (id) => vault.status(id), destroy: (id) => vault.destroy(id) },
  };
  await inBatches(election.ballots, concurrency, (ballot, i) => {
    const participantRef = refs[i]!;
    const participant = {
      state: { registered: true as const, participantRef, rootRef: participantRef, area: '', ageBand: '0+', eligible: true, ineligibility: null, status: 'active' as const, signIns: 0, lastSignInAt: null },
      revision: 0n,
    };
    return castBallotFor(castDeps, { roundId, participantRef, content: contentOf(ballot), channel: 'online', verification: 'imported' }, context, { box, participant });
  });
  // 5. Voting closes with the round; the result is counted from the ballots, as in a live round.
  await advance('counting', 'Pabulib-import: alle stemmen uit het bestand zijn uitgebracht');
  const published = await runRoundCommand(rounds, roundId, publishResultCommand(ballotBox, { roundId, reason: 'Pabulib-import: geteld met de telregel van het bestand', at }, context), { context });
  await react(published);
  return { roundId, budgetId, ballots: election.ballots.length, result: (published.events[0] as ResultPublished).data };
}
