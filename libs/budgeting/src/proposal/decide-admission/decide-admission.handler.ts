import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { DecideAdmission } from './decide-admission.command.js';

export class DecideAdmissionRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: DecideAdmission['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(DecideAdmissionRequest)
export class DecideAdmissionHandler implements ICommandHandler<DecideAdmissionRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: DecideAdmissionRequest): Promise<ProposalCommandResult> {
    return appendToProposal(this.store, this.ids, new DecideAdmission(data), envelope);
  }
}
