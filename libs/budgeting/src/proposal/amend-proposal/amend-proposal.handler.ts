import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { AmendProposal } from './amend-proposal.command.js';

export class AmendProposalRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: AmendProposal['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(AmendProposalRequest)
export class AmendProposalHandler implements ICommandHandler<AmendProposalRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: AmendProposalRequest): Promise<ProposalCommandResult> {
    return appendToProposal(this.store, this.ids, new AmendProposal(data), envelope);
  }
}
