import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator, Reactors } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult, withReactions } from '../proposal.append.js';
import { CloseImplementation } from './close-implementation.command.js';

export class CloseImplementationRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: CloseImplementation['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** Closing records the outcome on the plan; the `plan-funds` reactor hands the unspent grant back to the round's ceiling. */
@CommandHandler(CloseImplementationRequest)
export class CloseImplementationHandler implements ICommandHandler<CloseImplementationRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly reactors: Reactors,
  ) {}

  async execute({ data, envelope }: CloseImplementationRequest): Promise<ProposalCommandResult> {
    // The plan only; the `plan-funds` reactor gives what it released back to the round (waited for, a bounded time).
    const result = await appendToProposal(this.store, this.ids, new CloseImplementation(data), envelope);
    return withReactions(this.store, this.reactors, data.proposalId, result);
  }
}
