import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { proposalDecider } from '../proposal.decider.js';
import { ProposalNotFoundError } from '../proposal.errors.js';
import { proposalStream } from '../proposal.events.js';
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
    const { state } = await loadStream(this.store, proposalStream(data.proposalId), proposalDecider, envelope.context.tenant);
    if (!state.exists) throw new Error('unreachable: a loaded plan exists');
    const { roundId, ...support } = data;
    if (roundId !== undefined && state.roundId !== roundId) throw new ProposalNotFoundError(`Plan ${data.proposalId} does not exist`, { proposalId: data.proposalId });
    const rules = await this.rounds.supportRules(state.roundId, envelope.context.tenant);
    // 2. Decide and append.
    return appendToProposal(this.store, this.ids, new SupportProposal({ ...support, ...rules }), envelope);
  }
}
