import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import { generateVotingCodes } from './generate-voting-codes.use-case.js';

export class GenerateVotingCodesRequest extends Command<{ csv: string; registered: number; eligible: number }> {
  constructor(
    readonly data: { roundId: string; count: number; area: string; ageBand: string },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(GenerateVotingCodesRequest)
export class GenerateVotingCodesHandler implements ICommandHandler<GenerateVotingCodesRequest, { csv: string; registered: number; eligible: number }> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: GenerateVotingCodesRequest): Promise<{ csv: string; registered: number; eligible: number }> {
    return generateVotingCodes(this.deps, data, envelope.context);
  }
}
