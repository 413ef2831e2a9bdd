import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope, HandleCommandResult } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { ParticipantEvent } from '../participant.events.js';
import { blockCode } from './block-voting-code.use-case.js';

export class BlockVotingCodeRequest extends Command<HandleCommandResult<ParticipantEvent>> {
  constructor(
    readonly data: { roundId: string; code: string; reason: string },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(BlockVotingCodeRequest)
export class BlockVotingCodeHandler implements ICommandHandler<BlockVotingCodeRequest, HandleCommandResult<ParticipantEvent>> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: BlockVotingCodeRequest): Promise<HandleCommandResult<ParticipantEvent>> {
    return blockCode(this.deps, data, envelope.context);
  }
}
