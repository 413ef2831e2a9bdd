import type { FundsReleased } from '../round.events.js';
import { type RoundState, uncausedReleaseKey } from '../round.state.js';
import { RoundInvalidAmountError, RoundReleaseExceedsCommitmentError } from '../round.errors.js';
import { requireReason, requireRound, requirePhase } from '../round.rules.js';

export interface ReleaseFundsData {
  roundId: string;
  proposalId: string;
  amountCents: number;
  reason: string;
  at: string;
  /**
   * The event the release follows from (a reactor's trigger): a cause is released once. Absent on a
   * manual release, which is applied every time it is sent.
   */
  cause?: string;
}

export class ReleaseFunds {
  readonly type = 'ReleaseFunds' as const;
  constructor(readonly data: ReleaseFundsData) {}
}

/**
 * Money comes back (a plan cancelled, cheaper, or repaid), also after the round closed. A release
 * with a cause already applied decides nothing: the one recorded with that cause, or (recorded in
 * the request before reactors took releases over, without a cause) one for the same plan, amount,
 * reason and time.
 */
export function releaseFunds(command: ReleaseFunds, state: RoundState): FundsReleased[] {
  const { roundId, proposalId, amountCents, at, cause } = command.data;
  const round = requireRound(state, roundId);
  if (cause !== undefined && (round.releaseCauses.includes(cause) || round.uncausedReleases.includes(uncausedReleaseKey(command.data)))) return [];
  requirePhase(round, round.pipeline.filter((p) => p !== 'planned'), 'Releasing funds');
  const reason = requireReason(command.data.reason);
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new RoundInvalidAmountError('amountCents must be a positive whole number of cents', { amountCents });
  const commitment = round.commitments[proposalId];
  const committed = commitment?.amountCents ?? 0;
  if (amountCents > committed) {
    throw new RoundReleaseExceedsCommitmentError(`Plan ${proposalId} has ${committed} cents committed`, { proposalId, committedCents: committed, requestedCents: amountCents });
  }
  return [
    {
      type: 'FundsReleased',
      data: { roundId, proposalId, amountCents, areaCode: commitment!.areaCode, committedCents: round.committedCents - amountCents, reason, at, ...(cause === undefined ? {} : { cause }) },
    },
  ];
}
