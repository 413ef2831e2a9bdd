import type { ResultAdopted, RoundDecision } from '../round.events.js';
import type { RoundState } from '../round.state.js';
import { RoundResultAlreadyAdoptedError, RoundResultNotPublishedError, RoundWrongDecidingBodyError } from '../round.errors.js';
import { isCompleteRoundDecision, requireDecision, requirePhase, requireReason, requireRound, sameDecision } from '../round.rules.js';

export interface AdoptResultData {
  roundId: string;
  decision: RoundDecision | null;
  reason: string;
  at: string;
}

export class AdoptResult {
  readonly type = 'AdoptResult' as const;
  constructor(readonly data: AdoptResultData) {}
}

/**
 * Binding: the outcome is the distribution, adoption records it. Advisory: the college or council
 * named in the frame decides, so its decision is required. Delegated: the residents' body decides.
 */
export function adoptResult(command: AdoptResult, state: RoundState): ResultAdopted[] {
  const { roundId, decision, at } = command.data;
  const round = requireRound(state, roundId);
  if (round.result === null) throw new RoundResultNotPublishedError('There is no result to adopt', { roundId });
  const adoption = round.result.adoption;
  // The same adoption sent again (a retry after sealing the ballot box failed) is already recorded.
  if (adoption !== null && adoption.reason === command.data.reason && sameDecision(adoption.decision, decision)) return [];
  if (round.result.adoption !== null) throw new RoundResultAlreadyAdoptedError('The result is already adopted', { roundId, adoptedAt: round.result.adoption.at });
  requirePhase(round, ['adoption'], 'Adopting the result');
  const reason = requireReason(command.data.reason);
  const regime = round.frame.regime;
  if (regime?.kind === 'advisory') {
    const decided = requireDecision(decision, `Under an advisory regime the ${regime.adoptedBy} adopts the result by decision`);
    if (decided.body !== regime.adoptedBy) {
      throw new RoundWrongDecidingBodyError(`Under this frame the ${regime.adoptedBy} adopts the result, not the ${decided.body}`, { expected: regime.adoptedBy, got: decided.body });
    }
  } else if (decision !== null && !isCompleteRoundDecision(decision)) {
    requireDecision(decision, 'An incomplete decision reference');
  }
  if (regime?.kind === 'delegated' && decision !== null && decision.body !== 'residents-body') {
    throw new RoundWrongDecidingBodyError(`This budget is delegated to ${regime.residentsBody}: its decision adopts the result`, { expected: 'residents-body', got: decision.body });
  }
  return [{ type: 'ResultAdopted', data: { roundId, decision, reason, at } }];
}
