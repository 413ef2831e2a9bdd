import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope, HandleCommandResult } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { BallotBoxEvent } from '../ballot-box.events.js';
import type { PhaseChange } from './change-phase.command.js';
import { changePhase } from './change-phase.use-case.js';

export class ChangeBallotBoxPhaseRequest extends Command<HandleCommandResult<BallotBoxEvent>> {
  constructor(
    readonly data: { roundId: string; change: PhaseChange; reason: string },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ChangeBallotBoxPhaseRequest)
export class ChangeBallotBoxPhaseHandler implements ICommandHandler<ChangeBallotBoxPhaseRequest, HandleCommandResult<BallotBoxEvent>> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ data, envelope }: ChangeBallotBoxPhaseRequest): Promise<HandleCommandResult<BallotBoxEvent>> {
    return changePhase(this.deps, data, envelope.context, envelope.expectedRevision);
  }
}
