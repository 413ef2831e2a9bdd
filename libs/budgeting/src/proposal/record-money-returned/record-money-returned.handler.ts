import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator, Reactors } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult, withReactions } from '../proposal.append.js';
import { RecordMoneyReturned } from './record-money-returned.command.js';

export class RecordMoneyReturnedRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: RecordMoneyReturned['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** Money returned after closing is recorded on the plan; the `plan-funds` reactor gives it back to the round's ceiling. */
@CommandHandler(RecordMoneyReturnedRequest)
export class RecordMoneyReturnedHandler implements ICommandHandler<RecordMoneyReturnedRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly reactors: Reactors,
  ) {}

  async execute({ data, envelope }: RecordMoneyReturnedRequest): Promise<ProposalCommandResult> {
    // The plan only; the `plan-funds` reactor gives what it released back to the round (waited for, a bounded time).
    const result = await appendToProposal(this.store, this.ids, new RecordMoneyReturned(data), envelope);
    return withReactions(this.store, this.reactors, data.proposalId, result);
  }
}
