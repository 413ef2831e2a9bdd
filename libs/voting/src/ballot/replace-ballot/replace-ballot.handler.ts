import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import { VotingCommand } from '../../voting.command-bus.js';
import { BallotRevisionRequiredError } from '../ballot.errors.js';
import { type CastBallotInput, castBallotFor, type CastBallotResult } from '../cast-ballot/cast-ballot.use-case.js';

export class ReplaceBallotRequest extends VotingCommand<CastBallotInput, CastBallotResult> {}

@CommandHandler(ReplaceBallotRequest)
export class ReplaceBallotHandler implements ICommandHandler<ReplaceBallotRequest, CastBallotResult> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: ReplaceBallotRequest): Promise<CastBallotResult> {
    if (envelope.expectedRevision === undefined) throw new BallotRevisionRequiredError('Send If-Match with the ETag of the ballot you replace');
    return castBallotFor(this.deps, data, envelope.context, { replaceAt: envelope.expectedRevision });
  }
}
