import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { StartImplementation } from './start-implementation.command.js';

export class StartImplementationRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: StartImplementation['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(StartImplementationRequest)
export class StartImplementationHandler implements ICommandHandler<StartImplementationRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: StartImplementationRequest): Promise<ProposalCommandResult> {
    return appendToProposal(this.store, this.ids, new StartImplementation(data), envelope);
  }
}
