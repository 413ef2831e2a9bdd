import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RoundCommandOutcome, RoundCommandRunner, RoundRequest } from '../round-command.runner.js';
import { AdvancePhase, type AdvancePhaseData } from './advance-phase.command.js';

export class AdvancePhaseRequest extends RoundRequest<Omit<AdvancePhaseData, 'frame'>> {}

@CommandHandler(AdvancePhaseRequest)
export class AdvancePhaseHandler implements ICommandHandler<AdvancePhaseRequest, RoundCommandOutcome> {
  constructor(private readonly runner: RoundCommandRunner) {}

  execute({ data, envelope }: AdvancePhaseRequest): Promise<RoundCommandOutcome> {
    return this.runner.run(data.roundId, (_round, frame) => new AdvancePhase({ ...data, frame }), envelope);
  }
}
