import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RoundCommandOutcome, RoundCommandRunner, RoundRequest } from '../round-command.runner.js';
import { CancelRound, type CancelRoundData } from './cancel-round.command.js';

export class CancelRoundRequest extends RoundRequest<CancelRoundData> {}

@CommandHandler(CancelRoundRequest)
export class CancelRoundHandler implements ICommandHandler<CancelRoundRequest, RoundCommandOutcome> {
  constructor(private readonly runner: RoundCommandRunner) {}

  execute({ data, envelope }: CancelRoundRequest): Promise<RoundCommandOutcome> {
    return this.runner.run(data.roundId, () => new CancelRound(data), envelope);
  }
}
