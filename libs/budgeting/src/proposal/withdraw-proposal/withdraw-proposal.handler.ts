import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { WithdrawProposal } from './withdraw-proposal.command.js';

export class WithdrawProposalRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: WithdrawProposal['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(WithdrawProposalRequest)
export class WithdrawProposalHandler implements ICommandHandler<WithdrawProposalRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: WithdrawProposalRequest): Promise<ProposalCommandResult> {
    return appendToProposal(this.store, this.ids, new WithdrawProposal(data), envelope);
  }
}
