import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult, releaseToRound } from '../proposal.append.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import { RecordMoneyReturned } from './record-money-returned.command.js';

export class RecordMoneyReturnedRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: RecordMoneyReturned['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** Money returned after closing goes straight back to the round's ceiling. */
@CommandHandler(RecordMoneyReturnedRequest)
export class RecordMoneyReturnedHandler implements ICommandHandler<RecordMoneyReturnedRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
  ) {}

  async execute({ data, envelope }: RecordMoneyReturnedRequest): Promise<ProposalCommandResult> {
    const result = await appendToProposal(this.store, this.ids, new RecordMoneyReturned(data), envelope);
    await releaseToRound(this.store, this.rounds, data.proposalId, result, envelope.context);
    return result;
  }
}
