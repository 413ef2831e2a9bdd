import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RoundCommandOutcome, RoundCommandRunner, RoundRequest } from '../round-command.runner.js';
import { AdoptResult, type AdoptResultData } from './adopt-result.command.js';

export class AdoptResultRequest extends RoundRequest<AdoptResultData> {}

@CommandHandler(AdoptResultRequest)
export class AdoptResultHandler implements ICommandHandler<AdoptResultRequest, RoundCommandOutcome> {
  constructor(private readonly runner: RoundCommandRunner) {}

  execute({ data, envelope }: AdoptResultRequest): Promise<RoundCommandOutcome> {
    return this.runner.run(data.roundId, () => new AdoptResult(data), envelope);
  }
}
