import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope, HandleCommandResult } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { BallotBoxEvent } from '../ballot-box.events.js';
import { type PrepareBallotBoxInput, prepareBallotBoxFromBudget } from './prepare-ballot-box.use-case.js';

export class PrepareBallotBoxRequest extends Command<HandleCommandResult<BallotBoxEvent>> {
  constructor(
    readonly data: PrepareBallotBoxInput,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(PrepareBallotBoxRequest)
export class PrepareBallotBoxHandler implements ICommandHandler<PrepareBallotBoxRequest, HandleCommandResult<BallotBoxEvent>> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: PrepareBallotBoxRequest): Promise<HandleCommandResult<BallotBoxEvent>> {
    return prepareBallotBoxFromBudget(this.deps, data, envelope.context);
  }
}
