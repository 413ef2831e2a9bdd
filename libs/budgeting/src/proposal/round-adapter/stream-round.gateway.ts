import { Inject, Injectable } from '@nestjs/common';
import { type CommandContext, type Decider, handleCommand, loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { readBudget } from '../../budget/budget.read.js';
import { frameVersion, currentFrameVersion } from '../../budget/budget.state.js';
import { CommitFunds, commitFunds } from '../../round/commit-funds/commit-funds.command.js';
import { ReleaseFunds, releaseFunds } from '../../round/release-funds/release-funds.command.js';
import { roundFrameOf } from '../../round/round.frame.js';
import { type RoundEvent, roundStream } from '../../round/round.events.js';
import { evolveRound, type ExistingRound, initialRoundState, type RoundState } from '../../round/round.state.js';
import type { RoundGateway } from '../proposal.round-gateway.js';
import type { SubmissionFrame } from '../submit-proposal/submit-proposal.command.js';
import { submissionFrameOf, supportRulesOf } from './round-facts.js';

/** The round's own decisions on money, run on the round's stream: the plan never writes it otherwise. */
const roundFunds: Decider<CommitFunds | ReleaseFunds, RoundState, RoundEvent> = {
  decide: (command, state) => (command.type === 'CommitFunds' ? commitFunds(command, state) : releaseFunds(command, state)),
  evolve: evolveRound,
  initialState: initialRoundState,
};

/** Reads Round and Budget streams for the plans, and commits or releases money through the round's decisions. */
@Injectable()
export class StreamRoundGateway implements RoundGateway {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  private async round(roundId: string, tenant: string): Promise<ExistingRound> {
    return (await loadStream(this.store, roundStream(roundId), { evolve: evolveRound, initialState: initialRoundState }, tenant)).state as ExistingRound;
  }

  async assertRound(roundId: string, tenant: string): Promise<void> {
    await this.round(roundId, tenant);
  }

  async submissionFrame(roundId: string, tenant: string): Promise<SubmissionFrame> {
    const round = await this.round(roundId, tenant);
    const budget = await readBudget(this.store, round.budgetId, tenant);
    const version = frameVersion(budget.state, round.frameVersion) ?? currentFrameVersion(budget.state);
    return submissionFrameOf(round, version.frame);
  }

  async supportRules(roundId: string, tenant: string): Promise<{ supportOpen: boolean; supportThreshold: number | null }> {
    return supportRulesOf(await this.round(roundId, tenant));
  }

  async commitFunds(roundId: string, proposalId: string, amountCents: number, areaId: string, context: CommandContext): Promise<void> {
    const round = await this.round(roundId, context.tenant);
    const budget = await readBudget(this.store, round.budgetId, context.tenant);
    const areaCode = round.frame.areaCeilings.length > 0 ? areaId : null;
    const command = new CommitFunds({ roundId, proposalId, amountCents, areaCode, frame: roundFrameOf(budget.state), at: context.now.toISOString() });
    await handleCommand(this.store, roundStream(roundId), roundFunds, command, context, { streamMustExist: true, newId: () => this.ids.newId() });
  }

  async releaseFunds(roundId: string, proposalId: string, amountCents: number, reason: string, context: CommandContext): Promise<void> {
    const command = new ReleaseFunds({ roundId, proposalId, amountCents, reason, at: context.now.toISOString() });
    await handleCommand(this.store, roundStream(roundId), roundFunds, command, { ...context, reason }, { streamMustExist: true, newId: () => this.ids.newId() });
  }
}
