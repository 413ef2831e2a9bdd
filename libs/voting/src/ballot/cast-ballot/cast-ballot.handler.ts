import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope, HandleCommandResult } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { BallotEvent } from '../ballot.events.js';
import { type CastBallotInput, castBallotFor } from './cast-ballot.use-case.js';

export class CastBallotRequest extends Command<HandleCommandResult<BallotEvent>> {
  constructor(
    readonly data: CastBallotInput,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(CastBallotRequest)
export class CastBallotHandler implements ICommandHandler<CastBallotRequest, HandleCommandResult<BallotEvent>> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: CastBallotRequest): Promise<HandleCommandResult<BallotEvent>> {
    return castBallotFor(this.deps, data, envelope.context);
  }
}
