import type { PlanOutcome, ResultPublished, Winner } from '../round.events.js';
import type { RoundState } from '../round.state.js';
import { RoundResultAlreadyPublishedError } from '../round.errors.js';
import { checkResult, requirePhase, requireRound } from '../round.rules.js';

export interface PublishResultData {
  roundId: string;
  winners: Winner[];
  explanation: PlanOutcome[];
  at: string;
}

export class PublishResult {
  readonly type = 'PublishResult' as const;
  constructor(readonly data: PublishResultData) {}
}

/** The count (or the residents' body's choice) as data; recounting it is the audit tool's job. */
export function publishResult(command: PublishResult, state: RoundState): ResultPublished[] {
  const { roundId, winners, explanation, at } = command.data;
  const round = requireRound(state, roundId);
  if (round.result !== null) throw new RoundResultAlreadyPublishedError('The result is published; change it with a correction', { roundId });
  requirePhase(round, ['counting', 'deliberation'], 'Publishing the result');
  const totalCents = checkResult(round.frame, winners, explanation);
  return [{ type: 'ResultPublished', data: { roundId, frameVersion: round.frameVersion, winners, explanation, totalCents, at } }];
}
