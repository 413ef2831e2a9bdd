import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RoundCommandOutcome, RoundCommandRunner, RoundRequest } from '../round-command.runner.js';
import { CorrectResult, type CorrectResultData } from './correct-result.command.js';

export class CorrectResultRequest extends RoundRequest<CorrectResultData> {}

@CommandHandler(CorrectResultRequest)
export class CorrectResultHandler implements ICommandHandler<CorrectResultRequest, RoundCommandOutcome> {
  constructor(private readonly runner: RoundCommandRunner) {}

  execute({ data, envelope }: CorrectResultRequest): Promise<RoundCommandOutcome> {
    return this.runner.run(data.roundId, () => new CorrectResult(data), envelope);
  }
}
