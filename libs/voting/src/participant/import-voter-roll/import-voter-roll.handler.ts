import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import { importVoterRoll } from './import-voter-roll.use-case.js';

export class ImportVoterRollRequest extends Command<{ registered: number; eligible: number }> {
  constructor(
    readonly data: { roundId: string; csv: string },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ImportVoterRollRequest)
export class ImportVoterRollHandler implements ICommandHandler<ImportVoterRollRequest, { registered: number; eligible: number }> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: ImportVoterRollRequest): Promise<{ registered: number; eligible: number }> {
    return importVoterRoll(this.deps, data.roundId, data.csv, envelope.context);
  }
}
