import { Inject } from '@nestjs/common';
import { Command, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandEnvelope } from '@lib/es';
import { VOTING_DEPS, type VotingDeps } from './voting.deps.js';

/** A voting command on the bus: what the use case takes, and the envelope it runs in. */
export abstract class VotingCommand<Input, Result> extends Command<Result> {
  constructor(
    readonly data: Input,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** A voting use case: the deps, its input and the command's context, answering its result. */
export type VotingUseCase<Input, Result> = (deps: VotingDeps, input: Input, context: CommandContext) => Promise<Result>;

/**
 * The handler of a request that a use case answers as it stands: `class XHandler extends
 * answeredBy(xFor) {}` under `@CommandHandler(XRequest)`. A handler that checks the envelope
 * first (If-Match, say) writes its own.
 */
export function answeredBy<Input, Result>(useCase: VotingUseCase<Input, Result>) {
  class UseCaseHandler implements ICommandHandler<VotingCommand<Input, Result>, Result> {
    constructor(@Inject(VOTING_DEPS) readonly deps: VotingDeps) {}

    execute({ data, envelope }: VotingCommand<Input, Result>): Promise<Result> {
      return useCase(this.deps, data, envelope.context);
    }
  }
  return UseCaseHandler;
}
