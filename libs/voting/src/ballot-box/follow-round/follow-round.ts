import { type CommandContext, type HandleCommandResult, handleCommand } from '@lib/es';
import { type ExistingProposal, type ExistingRound, frameVersion, currentVersion, PROPOSAL_CATEGORY, proposalDecider, proposalStream, type ProposalSubmitted, readBudget, requestedCents } from '@lib/budgeting';
import { loadStream } from '@lib/es';
import type { EventStore, Position } from '@lib/event-store';
import type { VotingDeps } from '../../voting.deps.js';
import { type BallotPlan, votingFrameFromBudget, type VotingFrame } from '../../voting-frame.js';
import { ballotBoxDecider, type BallotBoxCommand } from '../ballot-box.decider.js';
import { BallotBoxNoBallotRulesError, BallotBoxWrongPhaseError } from '../ballot-box.errors.js';
import { type BallotBoxEvent, ballotBoxStream } from '../ballot-box.events.js';
import type { BallotBoxState } from '../ballot-box.state.js';
import { ChangeBallotBoxPhase } from '../change-phase/change-phase.command.js';
import { PrepareBallotBox } from '../prepare-ballot-box/prepare-ballot-box.command.js';

export interface FollowRoundOptions {
  /** The plans on the ballot when they are not Proposal streams (the Pabulib import); default: the round's admitted plans. */
  plans?: BallotPlan[];
  /** Defaults for the frame copy (the Pabulib file's currency). */
  currency?: string;
}

/**
 * The ballot box follows its round: in the voting phase it is prepared (the frozen frame version and
 * the admitted plans) and opened; once the round left voting it is closed (the round key destroyed
 * first, unless the frame declares a correction window); once the result is adopted it is sealed
 * (the key destroyed first if it still lives). Each step is decided on the box's current state, so a
 * box that already follows changes nothing and a retry after a failure converges. With `check` it
 * only decides.
 */
export async function followRound(deps: VotingDeps, round: ExistingRound, context: CommandContext, mode: 'check' | 'apply', options: FollowRoundOptions = {}): Promise<BallotBoxEvent[]> {
  const voting = round.pipeline.indexOf('voting');
  const phase = round.pipeline.indexOf(round.phase);
  if (voting < 0 || phase < voting) return [];
  const stream = ballotBoxStream(round.roundId);
  let state = await boxState(deps.store, stream, context.tenant);
  const last = round.history.at(-1);
  // The round's own reason (in the municipality's words); the box's event says what the box did.
  const because = last?.reason.trim() || 'De ronde ging naar een nieuwe fase';
  const facts = { phase: round.phase, resultAdopted: round.result?.adoption != null };
  const at = context.now.toISOString();
  const steps: BallotBoxCommand[] = [];
  if (state.phase === 'none' && round.phase === 'voting') {
    steps.push(new PrepareBallotBox({ roundId: round.roundId, frame: await votingFrameOfRound(deps.store, round, context.tenant, options), preparedAt: at }));
  }
  if (round.phase === 'voting') steps.push(new ChangeBallotBoxPhase({ roundId: round.roundId, change: 'open', reason: because, at, round: facts }));
  if (phase > voting) steps.push(new ChangeBallotBoxPhase({ roundId: round.roundId, change: 'close', reason: because, at, round: facts }));
  if (facts.resultAdopted) steps.push(new ChangeBallotBoxPhase({ roundId: round.roundId, change: 'seal', reason: `Result adopted: ${round.result!.adoption!.reason}`, at, round: facts }));

  const recorded: BallotBoxEvent[] = [];
  for (const step of steps) {
    if (!applies(step, state)) continue;
    // Decide first: a refusal stops here, before anything of this step is written.
    const events = ballotBoxDecider.decide(step, state);
    if (mode === 'apply') {
      // A step that destroys the round key (the close without a correction window, the seal) destroys it
      // first: a RoundKeyDestroyed in the history then always means the key is gone.
      if (events.some((e) => e.type === 'RoundKeyDestroyed')) await deps.vault.destroy(round.roundId);
      let result: HandleCommandResult<BallotBoxEvent>;
      try {
        result = await handleCommand(deps.store, stream, ballotBoxDecider, step, context, { streamMustExist: step.type !== 'PrepareBallotBox', newId: deps.newId });
      } catch (error) {
        // Another follower (the reactor of another process, or an import's own reactions) took this step
        // between our read and our append: the box is where the step leads, so there is nothing to do.
        if (!(error instanceof BallotBoxWrongPhaseError)) throw error;
        state = await boxState(deps.store, stream, context.tenant);
        if (!reached(step, state)) throw error;
        continue;
      }
      recorded.push(...result.events);
    }
    state = events.reduce(ballotBoxDecider.evolve, state);
  }
  return recorded;
}

const PHASE_ORDER = ['none', 'prepared', 'open', 'closed', 'sealed'] as const;

/** Whether the box is already at or past where a phase step leads. */
function reached(step: BallotBoxCommand, state: BallotBoxState): boolean {
  if (step.type !== 'ChangeBallotBoxPhase') return false;
  const to = { open: 'open', close: 'closed', seal: 'sealed' } as const;
  return PHASE_ORDER.indexOf(state.phase) >= PHASE_ORDER.indexOf(to[step.data.change]);
}

/** Whether a step still has to happen: the box is exactly one step behind it. */
function applies(step: BallotBoxCommand, state: BallotBoxState): boolean {
  if (step.type === 'PrepareBallotBox') return state.phase === 'none';
  if (step.type !== 'ChangeBallotBoxPhase') return false;
  const from = { open: 'prepared', close: 'open', seal: 'closed' } as const;
  return state.phase === from[step.data.change];
}

async function boxState(store: EventStore, stream: string, tenant: string): Promise<BallotBoxState> {
  const events = await store.readStream(stream);
  if (events.length > 0 && events[0]!.metadata.tenant !== tenant) return ballotBoxDecider.initialState();
  return events.reduce((s, e) => ballotBoxDecider.evolve(s, { type: e.type, data: e.data } as BallotBoxEvent), ballotBoxDecider.initialState());
}

/**
 * The frame the round votes under: the budget's version the round froze, the round's ceiling (with
 * carry-over) and its area pots, and the plans admitted to this round's ballot.
 */
export async function votingFrameOfRound(store: EventStore, round: ExistingRound, tenant: string, options: FollowRoundOptions = {}): Promise<VotingFrame> {
  const budget = await readBudget(store, round.budgetId, tenant);
  const version = frameVersion(budget.state, round.frameVersion);
  const plans = options.plans ?? (await admittedPlans(store, round, tenant));
  const frame = version ? votingFrameFromBudget(round.budgetId, version, plans, options.currency ? { currency: options.currency } : {}) : null;
  if (!frame) throw new BallotBoxNoBallotRulesError('The frame the round runs under has no ballot and tally rules: this round does not vote');
  const areaBudgets = round.frame.areaCeilings.map((a) => ({ areaCode: a.areaCode, amountCents: a.amountCents }));
  return { ...frame, budgetCents: round.ceilingCents, ...(areaBudgets.length > 0 ? { areaBudgets } : {}) };
}

/** The plans admitted to the round's ballot, in order of submission; their cost is what they ask (investment plus counted upkeep). */
export async function admittedPlans(store: EventStore, round: ExistingRound, tenant: string): Promise<BallotPlan[]> {
  const ids: string[] = [];
  let after: Position | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({ after, maxCount: 1000, filter: { streamPrefixes: [`${PROPOSAL_CATEGORY}-`], eventTypes: ['ProposalSubmitted'] } });
    for (const event of page) {
      const data = event.data as ProposalSubmitted['data'];
      if (event.metadata.tenant === tenant && data.roundId === round.roundId) ids.push(data.proposalId);
    }
    if (page.length < 1000) break;
    after = page[page.length - 1]!.position;
  }
  const plans: BallotPlan[] = [];
  for (const id of ids) {
    const proposal = (await loadStream(store, proposalStream(id), proposalDecider, tenant)).state as ExistingProposal;
    if (proposal.status !== 'admitted' || proposal.roundId !== round.roundId) continue;
    const version = currentVersion(proposal);
    plans.push({ planId: id, costCents: requestedCents(version), name: version.title, area: proposal.areaId, theme: proposal.themeId });
  }
  return plans;
}
