import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { DeclareConflictOfInterest } from './declare-conflict-of-interest.command.js';

export class DeclareConflictOfInterestRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: DeclareConflictOfInterest['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(DeclareConflictOfInterestRequest)
export class DeclareConflictOfInterestHandler implements ICommandHandler<DeclareConflictOfInterestRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: DeclareConflictOfInterestRequest): Promise<ProposalCommandResult> {
    return appendToProposal(this.store, this.ids, new DeclareConflictOfInterest(data), envelope);
  }
}
