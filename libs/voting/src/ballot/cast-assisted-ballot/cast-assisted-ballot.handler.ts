import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { CastBallotResult } from '../cast-ballot/cast-ballot.use-case.js';
import { type CastAssistedBallotInput, castAssistedBallotFor } from './cast-assisted-ballot.use-case.js';

export class CastAssistedBallotRequest extends Command<CastBallotResult> {
  constructor(
    readonly data: CastAssistedBallotInput,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(CastAssistedBallotRequest)
export class CastAssistedBallotHandler implements ICommandHandler<CastAssistedBallotRequest, CastBallotResult> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: CastAssistedBallotRequest): Promise<CastBallotResult> {
    return castAssistedBallotFor(this.deps, data, envelope.context);
  }
}
