import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import { reissueCode } from './reissue-voting-code.use-case.js';

export class ReissueVotingCodeRequest extends Command<{ code: string }> {
  constructor(
    readonly data: { roundId: string; code: string; reason: string },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ReissueVotingCodeRequest)
export class ReissueVotingCodeHandler implements ICommandHandler<ReissueVotingCodeRequest, { code: string }> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: ReissueVotingCodeRequest): Promise<{ code: string }> {
    return reissueCode(this.deps, data, envelope.context);
  }
}
