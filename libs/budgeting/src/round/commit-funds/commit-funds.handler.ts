import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RoundCommandOutcome, RoundCommandRunner, RoundRequest } from '../round-command.runner.js';
import { CommitFunds, type CommitFundsData } from './commit-funds.command.js';

export class CommitFundsRequest extends RoundRequest<Omit<CommitFundsData, 'frame'>> {}

@CommandHandler(CommitFundsRequest)
export class CommitFundsHandler implements ICommandHandler<CommitFundsRequest, RoundCommandOutcome> {
  constructor(private readonly runner: RoundCommandRunner) {}

  execute({ data, envelope }: CommitFundsRequest): Promise<RoundCommandOutcome> {
    return this.runner.run(data.roundId, (_round, frame) => new CommitFunds({ ...data, frame }), envelope);
  }
}
