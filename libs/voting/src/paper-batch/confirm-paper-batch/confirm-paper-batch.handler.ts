import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { appendedEvents } from '@lib/budgeting';
import type { CommandEnvelope, HandleCommandResult } from '@lib/es';
import { type ReactionsOutcome, Reactors } from '@lib/platform';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import { type PaperBatchEvent, paperBatchStream } from '../paper-batch.events.js';
import { confirmBatch, countedOfBatch } from './confirm-paper-batch.use-case.js';

/** The batch's revision after the confirmation, how many of its ballots count, and what the `paper-count` reactor did before the answer. */
export type ConfirmPaperBatchResult = HandleCommandResult<PaperBatchEvent> & { counted: number; reactions: ReactionsOutcome };

export class ConfirmPaperBatchRequest extends Command<ConfirmPaperBatchResult> {
  constructor(
    readonly data: { roundId: string; batchId: string },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/**
 * Appends the confirmation to the batch, then waits at most REACTOR_WAIT_MS for `paper-count` to
 * count its ballots, and reads how many count.
 */
@CommandHandler(ConfirmPaperBatchRequest)
export class ConfirmPaperBatchHandler implements ICommandHandler<ConfirmPaperBatchRequest, ConfirmPaperBatchResult> {
  constructor(
    @Inject(VOTING_DEPS) private readonly deps: VotingDeps,
    private readonly reactors: Reactors,
  ) {}

  async execute({ data, envelope }: ConfirmPaperBatchRequest): Promise<ConfirmPaperBatchResult> {
    const result = await confirmBatch(this.deps, data, envelope.context, envelope.expectedRevision);
    const appended = await appendedEvents(this.deps.store, paperBatchStream(data.roundId, data.batchId), result);
    const reactions = await this.reactors.settled(appended, this.reactors.waitMs);
    const counted = await countedOfBatch(this.deps.store, data, envelope.context.tenant);
    return { ...result, counted, reactions };
  }
}
