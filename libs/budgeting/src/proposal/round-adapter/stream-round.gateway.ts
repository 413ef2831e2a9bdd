import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE } from '@lib/platform';
import { readBudget } from '../../budget/budget.read.js';
import { currentFrameVersion, frameVersion } from '../../budget/budget.state.js';
import { CommitFundsRequest } from '../../round/commit-funds/commit-funds.handler.js';
import { readRound } from '../../round/round.read.js';
import type { RoundCommandOutcome } from '../../round/round-command.runner.js';
import type { CommittedGrant } from '../../round/round.events.js';
import type { GrantCommitment, RoundGateway } from '../proposal.round-gateway.js';
import type { SubmissionFrame } from '../submit-proposal/submit-proposal.command.js';
import { submissionFrameOf, supportRulesOf } from './round-facts.js';

/**
 * Reads the Round (and, for its areas, the Budget) stream for the plans; a grant's money is committed
 * only through the round's own CommitFunds command on the CommandBus, which also follows the frame.
 */
@Injectable()
export class StreamRoundGateway implements RoundGateway {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandBus,
  ) {}

  async assertRound(roundId: string, tenant: string): Promise<void> {
    await readRound(this.store, roundId, tenant);
  }

  async submissionFrame(roundId: string, tenant: string): Promise<SubmissionFrame> {
    const round = (await readRound(this.store, roundId, tenant)).state;
    const budget = await readBudget(this.store, round.budgetId, tenant);
    const version = frameVersion(budget.state, round.frameVersion) ?? currentFrameVersion(budget.state);
    return submissionFrameOf(round, version.frame.areas.map((area) => area.code));
  }

  async supportRules(roundId: string, tenant: string): Promise<{ supportOpen: boolean; supportThreshold: number | null }> {
    return supportRulesOf((await readRound(this.store, roundId, tenant)).state);
  }

  async commitGrant(roundId: string, proposalId: string, amountCents: number, areaId: string, grant: CommittedGrant, context: CommandContext): Promise<GrantCommitment> {
    const round = (await readRound(this.store, roundId, context.tenant)).state;
    // A round with per-area pots spends the plan's area; a single pot takes none.
    const areaCode = round.frame.areaCeilings.length > 0 ? areaId : null;
    const outcome: RoundCommandOutcome = await this.commands.execute(new CommitFundsRequest({ roundId, proposalId, amountCents, areaCode, at: context.now.toISOString(), grant }, { context }));
    const commitment = (outcome.appended ?? []).find((e) => e.type === 'FundsCommitted');
    if (!commitment) throw new Error(`CommitFunds on round ${roundId} appended no FundsCommitted`);
    return outcome.reactions ? { commitment, reactions: outcome.reactions } : { commitment };
  }
}
