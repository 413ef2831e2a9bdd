import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { loadPlanInRound } from '../proposal.read.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import { WithdrawSupport } from './withdraw-support.command.js';

export class WithdrawSupportRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: { roundId: string; proposalId: string; supporterRef: string; at: string },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(WithdrawSupportRequest)
export class WithdrawSupportHandler implements ICommandHandler<WithdrawSupportRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
  ) {}

  async execute({ data, envelope }: WithdrawSupportRequest): Promise<ProposalCommandResult> {
    const { roundId, ...withdrawal } = data;
    // 1. The plan in the round the path names, and whether that round collects support now.
    await loadPlanInRound(this.store, envelope.context.tenant, data.proposalId, roundId);
    const { supportOpen } = await this.rounds.supportRules(roundId, envelope.context.tenant);
    // 2. Decide and append.
    return appendToProposal(this.store, this.ids, new WithdrawSupport({ ...withdrawal, supportOpen }), envelope);
  }
}
