import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { ModerateProposal } from './moderate-proposal.command.js';

export class ModerateProposalRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: ModerateProposal['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ModerateProposalRequest)
export class ModerateProposalHandler implements ICommandHandler<ModerateProposalRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: ModerateProposalRequest): Promise<ProposalCommandResult> {
    return appendToProposal(this.store, this.ids, new ModerateProposal(data), envelope);
  }
}
