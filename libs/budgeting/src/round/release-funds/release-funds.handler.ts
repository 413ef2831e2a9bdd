import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RoundCommandOutcome, RoundCommandRunner, RoundRequest } from '../round-command.runner.js';
import { ReleaseFunds, type ReleaseFundsData } from './release-funds.command.js';

export class ReleaseFundsRequest extends RoundRequest<ReleaseFundsData> {}

@CommandHandler(ReleaseFundsRequest)
export class ReleaseFundsHandler implements ICommandHandler<ReleaseFundsRequest, RoundCommandOutcome> {
  constructor(private readonly runner: RoundCommandRunner) {}

  execute({ data, envelope }: ReleaseFundsRequest): Promise<RoundCommandOutcome> {
    return this.runner.run(data.roundId, () => new ReleaseFunds(data), envelope);
  }
}
