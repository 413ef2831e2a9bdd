import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { loadPlanInRound } from '../proposal.read.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import { SupportProposal } from './support-proposal.command.js';

export class SupportProposalRequest extends Command<ProposalCommandResult> {
  constructor(
    /** `roundId`: a resident's route names the round; a plan of another round then reads as absent. */
    readonly data: { proposalId: string; supporterRef: string; at: string; roundId?: string },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(SupportProposalRequest)
export class SupportProposalHandler implements ICommandHandler<SupportProposalRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
  ) {}

  async execute({ data, envelope }: SupportProposalRequest): Promise<ProposalCommandResult> {
    // 1. The plan's round, and whether it collects support and from how many the frame asks.
    const { roundId, ...support } = data;
    const plan = await loadPlanInRound(this.store, envelope.context.tenant, data.proposalId, roundId);
    const rules = await this.rounds.supportRules(plan.roundId, envelope.context.tenant);
    // 2. Decide and append.
    return appendToProposal(this.store, this.ids, new SupportProposal({ ...support, ...rules }), envelope);
  }
}
