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
   * Brings the box in line with the round: prepared (frame copy and admitted plans) and opened in the
   * voting phase, closed once the round left it, sealed once the result is adopted. `check` only
   * decides (throws what `apply` would throw, writes nothing); `apply` writes, and changes nothing when
   * the box already follows (so a retry converges).
   */
  follow(round: ExistingRound, context: CommandContext, mode: 'check' | 'apply'): Promise<void>;
  /** The standing ballots counted with the box's frozen rule. */
  count(round: ExistingRound, context: CommandContext): Promise<CountedResult>;
}

/** The port on the CommandBus: @lib/voting handles these two messages. */
export class FollowRoundInBallotBox extends Command<void> {
  constructor(
    readonly round: ExistingRound,
    readonly context: CommandContext,
    readonly mode: 'check' | 'apply',
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
