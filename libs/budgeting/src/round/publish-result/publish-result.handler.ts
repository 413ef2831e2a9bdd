import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es';
import { type RoundCommandFactory, type RoundCommandOutcome, RoundCommandRunner, RoundRequest } from '../round-command.runner.js';
import type { RoundBallotBox } from '../round-ballot-box.port.js';
import type { PlanOutcome, RoundDecision, Winner } from '../round.events.js';
import { assertMayPublish, decidesByVote, PublishResult } from './publish-result.command.js';

/** Without winners: count the ballots (a vote). With winners, explanation and decision: the residents' body's result. */
export interface PublishResultRequestData {
  roundId: string;
  winners?: Winner[];
  explanation?: PlanOutcome[];
  decision?: RoundDecision | null;
  reason: string | null;
  at: string;
}

export class PublishResultRequest extends RoundRequest<PublishResultRequestData> {}

/** Publishes the result: a vote's is counted here, from the ballots; a residents' body's is its decision as given. */
export function publishResultCommand(ballotBox: RoundBallotBox, data: PublishResultRequestData, context: CommandContext): RoundCommandFactory {
  return async (round) => {
    const { roundId, reason, at } = data;
    if (decidesByVote(round) && data.winners === undefined && data.explanation === undefined) {
      assertMayPublish(round, roundId);
      return new PublishResult({ roundId, reason, at, basis: 'count', counted: await ballotBox.count(round, context) });
    }
    return new PublishResult({ roundId, reason, at, basis: 'decision', winners: data.winners ?? [], explanation: data.explanation ?? [], decision: data.decision ?? null });
  };
}

@CommandHandler(PublishResultRequest)
export class PublishResultHandler implements ICommandHandler<PublishResultRequest, RoundCommandOutcome> {
  constructor(private readonly runner: RoundCommandRunner) {}

  execute({ data, envelope }: PublishResultRequest): Promise<RoundCommandOutcome> {
    return this.runner.run(data.roundId, publishResultCommand(this.runner.ballotBox, data, envelope.context), envelope);
  }
}
