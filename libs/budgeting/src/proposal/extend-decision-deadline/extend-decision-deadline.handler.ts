import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { ExtendDecisionDeadline } from './extend-decision-deadline.command.js';

export class ExtendDecisionDeadlineRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: ExtendDecisionDeadline['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ExtendDecisionDeadlineRequest)
export class ExtendDecisionDeadlineHandler implements ICommandHandler<ExtendDecisionDeadlineRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: ExtendDecisionDeadlineRequest): Promise<ProposalCommandResult> {
    return appendToProposal(this.store, this.ids, new ExtendDecisionDeadline(data), envelope);
  }
}
