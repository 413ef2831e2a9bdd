import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { OpenedVoterSession } from '../voter-session.handler.js';
import { openResidentVoterSession, type SignedInResident } from './resident-voter-session.use-case.js';

export class OpenResidentVoterSession extends Command<OpenedVoterSession> {
  constructor(
    readonly roundId: string,
    readonly resident: SignedInResident,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(OpenResidentVoterSession)
export class OpenResidentVoterSessionHandler implements ICommandHandler<OpenResidentVoterSession, OpenedVoterSession> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ roundId, resident, envelope }: OpenResidentVoterSession): Promise<OpenedVoterSession> {
    return openResidentVoterSession(this.deps, roundId, resident, envelope.context);
  }
}
