import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { RecordPayment } from './record-payment.command.js';

export class RecordPaymentRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: RecordPayment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(RecordPaymentRequest)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: RecordPaymentRequest): Promise<ProposalCommandResult> {
    return appendToProposal(this.store, this.ids, new RecordPayment(data), envelope);
  }
}
