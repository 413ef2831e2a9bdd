import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es';
import type { CountedResult } from './publish-result/publish-result.command.js';
import type { ExistingRound } from './round.state.js';

/**
 * What a round needs of its ballot box (the `BallotBox-<roundId>` stream belongs to @lib/voting,
 * which depends on this library, so the round reaches it through this port).
 */
export interface RoundBallotBox {
  /**
   * Decides, without writing, what the box will do when it follows the round as it will stand after
   * the command (prepared and opened in the voting phase, closed once the round left it, sealed once
   * the result is adopted), and throws what that would throw: the command is refused before anything
   * is written. The box itself follows through its reactor.
   */
  check(round: ExistingRound, context: CommandContext): Promise<void>;
  /** The standing ballots counted with the box's frozen rule. */
  count(round: ExistingRound, context: CommandContext): Promise<CountedResult>;
}

/** The port on the CommandBus: @lib/voting handles these two messages. */
export class CheckBallotBoxFollows extends Command<void> {
  constructor(
    readonly round: ExistingRound,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class CountRoundBallots extends Command<CountedResult> {
  constructor(
    readonly round: ExistingRound,
    readonly context: CommandContext,
  ) {
    super();
  }
}
