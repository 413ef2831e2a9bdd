import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult, releaseToRound } from '../proposal.append.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import { CloseImplementation } from './close-implementation.command.js';

export class CloseImplementationRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: CloseImplementation['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** Closing hands the unspent grant back to the round's ceiling. */
@CommandHandler(CloseImplementationRequest)
export class CloseImplementationHandler implements ICommandHandler<CloseImplementationRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
  ) {}

  async execute({ data, envelope }: CloseImplementationRequest): Promise<ProposalCommandResult> {
    const result = await appendToProposal(this.store, this.ids, new CloseImplementation(data), envelope);
    await releaseToRound(this.store, this.rounds, data.proposalId, result, envelope.context);
    return result;
  }
}
