import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE } from '@lib/platform';
import { readBudget } from '../../budget/budget.read.js';
import { currentFrameVersion, frameVersion } from '../../budget/budget.state.js';
import { CommitFundsRequest } from '../../round/commit-funds/commit-funds.handler.js';
import { ReleaseFundsRequest } from '../../round/release-funds/release-funds.handler.js';
import { readRound } from '../../round/round.read.js';
import type { RoundGateway } from '../proposal.round-gateway.js';
import type { SubmissionFrame } from '../submit-proposal/submit-proposal.command.js';
import { submissionFrameOf, supportRulesOf } from './round-facts.js';

/**
 * Reads the Round (and, for its areas, the Budget) stream for the plans; money moves only through
 * the round's own CommitFunds/ReleaseFunds commands on the CommandBus, which also follow the frame.
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

  async commitFunds(roundId: string, proposalId: string, amountCents: number, areaId: string, context: CommandContext): Promise<void> {
    const round = (await readRound(this.store, roundId, context.tenant)).state;
    // A round with per-area pots spends the plan's area; a single pot takes none.
    const areaCode = round.frame.areaCeilings.length > 0 ? areaId : null;
    await this.commands.execute(new CommitFundsRequest({ roundId, proposalId, amountCents, areaCode, at: context.now.toISOString() }, { context }));
  }

  async releaseFunds(roundId: string, proposalId: string, amountCents: number, reason: string, context: CommandContext): Promise<void> {
    await this.commands.execute(new ReleaseFundsRequest({ roundId, proposalId, amountCents, reason, at: context.now.toISOString() }, { context: { ...context, reason } }));
  }
}
