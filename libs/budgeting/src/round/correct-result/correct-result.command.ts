import type { PlanOutcome, ResultCorrected, RoundDecision, Winner } from '../round.events.js';
import type { RoundState } from '../round.state.js';
import { RoundResultNotPublishedError } from '../round.errors.js';
import { checkResult, requireDecision, requirePhase, requireReason, requireRound } from '../round.rules.js';

export interface CorrectResultData {
  roundId: string;
  winners: Winner[];
  explanation: PlanOutcome[];
  reason: string;
  decision: RoundDecision | null;
  at: string;
}

export class CorrectResult {
  readonly type = 'CorrectResult' as const;
  constructor(readonly data: CorrectResultData) {}
}

/** A published result is never overwritten: a correction is a new fact with its reason and the decision behind it. */
export function correctResult(command: CorrectResult, state: RoundState): ResultCorrected[] {
  const { roundId, winners, explanation, at } = command.data;
  const round = requireRound(state, roundId);
  if (round.result === null) throw new RoundResultNotPublishedError('There is no result to correct; publish it first', { roundId });
  requirePhase(round, round.pipeline.filter((p) => p !== 'closed'), 'Correcting the result');
  const reason = requireReason(command.data.reason);
  const decision = requireDecision(command.data.decision, 'A correction of a published result needs the decision behind it');
  const totalCents = checkResult(round.frame, winners, explanation);
  return [{ type: 'ResultCorrected', data: { roundId, correction: round.result.corrections + 1, winners, explanation, totalCents, reason, decision, at } }];
}
