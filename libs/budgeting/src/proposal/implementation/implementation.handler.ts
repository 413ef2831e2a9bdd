import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { proposalStream } from '../proposal.events.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import { CloseImplementation, RecordMoneyReturned, RecordPayment, StartImplementation } from './implementation.command.js';

export class StartImplementationRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: StartImplementation['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

export class RecordPaymentRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: RecordPayment['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

export class CloseImplementationRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: CloseImplementation['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

export class RecordMoneyReturnedRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: RecordMoneyReturned['data'],
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

/** After the fact is recorded: a failure here leaves the ceiling too tight, never too loose. */
async function releaseToRound(store: EventStore, rounds: RoundGateway, proposalId: string, result: ProposalCommandResult, context: CommandContext): Promise<void> {
  for (const event of result.events) {
    if ('releasedCents' in event.data && event.data.releasedCents > 0) {
      const [first] = await store.readStream(proposalStream(proposalId), { maxCount: 1 });
      const { roundId } = first!.data as { roundId: string };
      await rounds.releaseFunds(roundId, proposalId, event.data.releasedCents, `Plan ${proposalId}: ${event.type}`, context);
    }
  }
}
