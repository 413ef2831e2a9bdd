import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope, HandleCommandResult } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { PaperBatchEvent } from '../paper-batch.events.js';
import type { BallotContent } from '../../ballot/ballot.content.js';
import { enterPaperBallotFor } from './enter-paper-ballot.use-case.js';

export class EnterPaperBallotRequest extends Command<HandleCommandResult<PaperBatchEvent>> {
  constructor(
    readonly data: { roundId: string; batchId: string; code: string; content: BallotContent },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(EnterPaperBallotRequest)
export class EnterPaperBallotHandler implements ICommandHandler<EnterPaperBallotRequest, HandleCommandResult<PaperBatchEvent>> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: EnterPaperBallotRequest): Promise<HandleCommandResult<PaperBatchEvent>> {
    return enterPaperBallotFor(this.deps, data, envelope.context, envelope.expectedRevision);
  }
}
