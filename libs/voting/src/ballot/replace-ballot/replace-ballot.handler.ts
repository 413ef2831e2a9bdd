import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope, HandleCommandResult } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { BallotEvent } from '../ballot.events.js';
import { BallotRevisionRequiredError } from '../ballot.errors.js';
import { type CastBallotInput, castBallotFor } from '../cast-ballot/cast-ballot.use-case.js';

export class ReplaceBallotRequest extends Command<HandleCommandResult<BallotEvent>> {
  constructor(
    readonly data: CastBallotInput,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ReplaceBallotRequest)
export class ReplaceBallotHandler implements ICommandHandler<ReplaceBallotRequest, HandleCommandResult<BallotEvent>> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: ReplaceBallotRequest): Promise<HandleCommandResult<BallotEvent>> {
    if (envelope.expectedRevision === undefined) throw new BallotRevisionRequiredError('Send If-Match with the ETag of the ballot you replace');
    return castBallotFor(this.deps, data, envelope.context, { replaceAt: envelope.expectedRevision });
  }
}
