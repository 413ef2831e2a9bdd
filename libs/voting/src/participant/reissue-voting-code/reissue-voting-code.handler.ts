import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { appendedEvents } from '@lib/budgeting';
import type { CommandEnvelope } from '@lib/es';
import { type ReactionsOutcome, Reactors } from '@lib/platform';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import { reissueCode } from './reissue-voting-code.use-case.js';

/** The new code (shown once) and what the `code-successor` reactor did before the answer. */
export interface ReissueVotingCodeResult {
  code: string;
  reactions: ReactionsOutcome;
}

export class ReissueVotingCodeRequest extends Command<ReissueVotingCodeResult> {
  constructor(
    readonly data: { roundId: string; code: string; reason: string },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** Appends the re-issue to the old code's stream, then waits at most REACTOR_WAIT_MS for `code-successor` to register the new code. */
@CommandHandler(ReissueVotingCodeRequest)
export class ReissueVotingCodeHandler implements ICommandHandler<ReissueVotingCodeRequest, ReissueVotingCodeResult> {
  constructor(
    @Inject(VOTING_DEPS) private readonly deps: VotingDeps,
    private readonly reactors: Reactors,
  ) {}

  async execute({ data, envelope }: ReissueVotingCodeRequest): Promise<ReissueVotingCodeResult> {
    const { code, stream, result } = await reissueCode(this.deps, data, envelope.context);
    const appended = await appendedEvents(this.deps.store, stream, result);
    return { code, reactions: await this.reactors.settled(appended, this.reactors.waitMs) };
  }
}
