import type { RoundDecision, RoundEvent, RoundPhase } from '../round.events.js';
import type { RoundState } from '../round.state.js';
import { RoundNotCancellableError } from '../round.errors.js';
import { requireDecision, requireReason, requireRound } from '../round.rules.js';

export interface CancelRoundData {
  roundId: string;
  reason: string;
  decision: RoundDecision | null;
  at: string;
}

export class CancelRound {
  readonly type = 'CancelRound' as const;
  constructor(readonly data: CancelRoundData) {}
}

/** Once the result is adopted the round is carried out, not cancelled; a closed round is over. */
const PAST_CANCELLING: readonly RoundPhase[] = ['implementation', 'closed'];

/**
 * The college (or council) stops a round before its result is adopted: the round closes (its ballot
 * box closes and the budget's frozen version is released by the reactors that follow the phase), and
 * the cancellation with its decision is recorded beside it.
 */
export function cancelRound(command: CancelRound, state: RoundState): RoundEvent[] {
  const { roundId, at } = command.data;
  const round = requireRound(state, roundId);
  const reason = requireReason(command.data.reason);
  if (round.cancelled !== null || PAST_CANCELLING.includes(round.phase) || round.result?.adoption) {
    throw new RoundNotCancellableError(round.cancelled !== null ? 'The round was already cancelled' : `A round in ${round.phase} with an adopted result is carried out, not cancelled`, { phase: round.phase });
  }
  const decision = requireDecision(command.data.decision, 'Cancelling a round rests on a decision of the college or the council');
  return [
    { type: 'RoundPhaseAdvanced', data: { roundId, from: round.phase, to: 'closed', reason, decision, at } },
    { type: 'RoundCancelled', data: { roundId, from: round.phase, reason, decision, at } },
  ];
}
