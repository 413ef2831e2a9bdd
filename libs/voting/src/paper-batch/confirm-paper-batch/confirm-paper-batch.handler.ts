import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope, HandleCommandResult } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { PaperBatchEvent } from '../paper-batch.events.js';
import { confirmBatch } from './confirm-paper-batch.use-case.js';

export class ConfirmPaperBatchRequest extends Command<HandleCommandResult<PaperBatchEvent> & { counted: number }> {
  constructor(
    readonly data: { roundId: string; batchId: string },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ConfirmPaperBatchRequest)
export class ConfirmPaperBatchHandler implements ICommandHandler<ConfirmPaperBatchRequest, HandleCommandResult<PaperBatchEvent> & { counted: number }> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: ConfirmPaperBatchRequest): Promise<HandleCommandResult<PaperBatchEvent> & { counted: number }> {
    return confirmBatch(this.deps, data, envelope.context, envelope.expectedRevision);
  }
}
