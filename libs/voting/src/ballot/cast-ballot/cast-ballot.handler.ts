import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import { type CastBallotInput, castBallotFor, type CastBallotResult } from './cast-ballot.use-case.js';

export class CastBallotRequest extends Command<CastBallotResult> {
  constructor(
    readonly data: CastBallotInput,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(CastBallotRequest)
export class CastBallotHandler implements ICommandHandler<CastBallotRequest, CastBallotResult> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: CastBallotRequest): Promise<CastBallotResult> {
    return castBallotFor(this.deps, data, envelope.context);
  }
}
