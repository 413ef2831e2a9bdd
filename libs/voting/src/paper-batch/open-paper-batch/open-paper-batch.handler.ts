import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope, HandleCommandResult } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { PaperBatchEvent } from '../paper-batch.events.js';
import { openBatch } from './open-paper-batch.use-case.js';

export class OpenPaperBatchRequest extends Command<HandleCommandResult<PaperBatchEvent> & { batchId: string }> {
  constructor(
    readonly data: { roundId: string; pollingStation: string; batchNumber: number; slipCount: number },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(OpenPaperBatchRequest)
export class OpenPaperBatchHandler implements ICommandHandler<OpenPaperBatchRequest, HandleCommandResult<PaperBatchEvent> & { batchId: string }> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: OpenPaperBatchRequest): Promise<HandleCommandResult<PaperBatchEvent> & { batchId: string }> {
    return openBatch(this.deps, data, envelope.context);
  }
}
