import type { PlanOutcome, ResultCount, ResultPublished, RoundDecision, Winner } from '../round.events.js';
import type { ExistingRound, RoundState } from '../round.state.js';
import { RoundDecidedByResidentsBodyError, RoundResultAlreadyPublishedError, RoundResultIsCountedError, RoundWrongDecidingBodyError } from '../round.errors.js';
import { checkResult, requireDecision, requirePhase, requireRound } from '../round.rules.js';

/** The count of the standing ballots with the frozen rule, made by the server (the handler asks the ballot box for it). */
export interface CountedResult {
  winners: Winner[];
  explanation: PlanOutcome[];
  count: ResultCount;
}

export type PublishResultData = {
  roundId: string;
  /** Why now (optional): e.g. "counted after the paper batches were confirmed". */
  reason: string | null;
  at: string;
} & (
  | { basis: 'count'; counted: CountedResult }
  /** The residents' body's choice, recorded with its decision reference. */
  | { basis: 'decision'; winners: Winner[]; explanation: PlanOutcome[]; decision: RoundDecision | null }
);

export class PublishResult {
  readonly type = 'PublishResult' as const;
  constructor(readonly data: PublishResultData) {}
}

/** A round decides by vote when its pipeline counts; otherwise its residents' body decides (deliberation). */
export function decidesByVote(round: ExistingRound): boolean {
  return round.pipeline.includes('counting');
}

/** The round is ready for its result (the handler checks this before it asks for the count). */
export function assertMayPublish(state: RoundState, roundId: string): ExistingRound {
  const round = requireRound(state, roundId);
  if (round.result !== null) throw new RoundResultAlreadyPublishedError('The result is published; change it with a correction', { roundId });
  requirePhase(round, ['counting', 'deliberation'], 'Publishing the result');
  return round;
}

/**
 * A vote's result is the server's count, never the client's figures; a residents' body's result is
 * its recorded decision, with the reference.
 */
export function publishResult(command: PublishResult, state: RoundState): ResultPublished[] {
  const { roundId, at } = command.data;
  const round = assertMayPublish(state, roundId);
  const reason = command.data.reason?.trim() ? command.data.reason : null;
  const base = { roundId, frameVersion: round.frameVersion };
  if (command.data.basis === 'count') {
    if (!decidesByVote(round)) throw new RoundDecidedByResidentsBodyError('This round is decided by its residents\' body: publish its decision', { roundId });
    const { winners, explanation, count } = command.data.counted;
    const totalCents = checkResult(round.frame, winners, explanation);
    return [{ type: 'ResultPublished', data: { ...base, winners, explanation, totalCents, basis: 'count', count, decision: null, reason, at } }];
  }
  if (decidesByVote(round)) throw new RoundResultIsCountedError('The result of a vote is counted by the server from the ballots; send no winners', { roundId, decidedBy: 'vote' });
  const decision = requireDecision(command.data.decision, 'The residents\' body\'s result needs its decision reference');
  const regime = round.frame.regime;
  if (regime?.kind === 'delegated' && decision.body !== 'residents-body') {
    throw new RoundWrongDecidingBodyError(`This budget is delegated to ${regime.residentsBody}: its decision sets the result`, { expected: 'residents-body', got: decision.body });
  }
  const { winners, explanation } = command.data;
  const totalCents = checkResult(round.frame, winners, explanation);
  return [{ type: 'ResultPublished', data: { ...base, winners, explanation, totalCents, basis: 'decision', count: null, decision, reason, at } }];
}
