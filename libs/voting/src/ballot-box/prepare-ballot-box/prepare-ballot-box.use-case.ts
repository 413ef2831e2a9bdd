import { type CommandContext, handleCommand, type HandleCommandResult, loadStream } from '@lib/es';
import { currentFrameVersion, currentVersion, type ExistingProposal, proposalDecider, proposalStream, readBudget, requestedCents } from '@lib/budgeting';
import type { EventStore } from '@lib/event-store';
import type { VotingDeps } from '../../voting.deps.js';
import { type BallotPlan, type PaperPrecedence, type VotingFrame, votingFrameFromBudget } from '../../voting-frame.js';
import { ballotBoxDecider } from '../ballot-box.decider.js';
import { BallotBoxNoBallotRulesError, BallotBoxPlanNotAdmittedError } from '../ballot-box.errors.js';
import { type BallotBoxEvent, ballotBoxStream } from '../ballot-box.events.js';
import { PrepareBallotBox } from './prepare-ballot-box.command.js';

/** Prepares the box with a frame already built (the Pabulib import, tests). */
export function prepareBallotBoxWithFrame(deps: VotingDeps, roundId: string, frame: VotingFrame, context: CommandContext): Promise<HandleCommandResult<BallotBoxEvent>> {
  return handleCommand(deps.store, ballotBoxStream(roundId), ballotBoxDecider, new PrepareBallotBox({ roundId, frame, preparedAt: deps.now().toISOString() }), context, {
    streamMustExist: false,
    newId: deps.newId,
  });
}

export interface PrepareBallotBoxInput {
  roundId: string;
  budgetId: string;
  proposalIds: string[];
  paperPrecedence?: PaperPrecedence;
}

/** Prepares the box from the Budget frame in force and the plans admitted to this round's ballot (read from their Proposal streams). */
export async function prepareBallotBoxFromBudget(deps: VotingDeps, input: PrepareBallotBoxInput, context: CommandContext): Promise<HandleCommandResult<BallotBoxEvent>> {
  const budget = await readBudget(deps.store, input.budgetId, context.tenant);
  const plans: BallotPlan[] = [];
  for (const proposalId of input.proposalIds) plans.push(await admittedPlan(deps.store, proposalId, input.roundId, context.tenant));
  const frame = votingFrameFromBudget(input.budgetId, currentFrameVersion(budget.state), plans, { paperPrecedence: input.paperPrecedence });
  if (!frame) throw new BallotBoxNoBallotRulesError('The frame in force has no ballot and tally rules: this budget does not vote');
  return prepareBallotBoxWithFrame(deps, input.roundId, frame, context);
}

/** A plan on the ballot: admitted for this round; its cost is what it asks (investment plus counted upkeep). */
async function admittedPlan(store: EventStore, proposalId: string, roundId: string, tenant: string): Promise<BallotPlan> {
  const { state } = await loadStream(store, proposalStream(proposalId), proposalDecider, tenant);
  const proposal = state as ExistingProposal;
  if (proposal.status !== 'admitted' || proposal.roundId !== roundId) {
    throw new BallotBoxPlanNotAdmittedError(`Plan ${proposalId} is not admitted to the ballot of this round`, { proposalId, status: proposal.status });
  }
  const version = currentVersion(proposal);
  return { planId: proposalId, costCents: requestedCents(version), name: version.title, area: proposal.areaId };
}
