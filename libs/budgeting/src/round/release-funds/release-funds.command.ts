import type { FundsReleased } from '../round.events.js';
import type { RoundState } from '../round.state.js';
import { RoundInvalidAmountError, RoundReleaseExceedsCommitmentError } from '../round.errors.js';
import { requireReason, requireRound, requirePhase } from '../round.rules.js';

export interface ReleaseFundsData {
  roundId: string;
  proposalId: string;
  amountCents: number;
  reason: string;
  at: string;
}

export class ReleaseFunds {
  readonly type = 'ReleaseFunds' as const;
  constructor(readonly data: ReleaseFundsData) {}
}

/** Money comes back (a plan cancelled, cheaper, or repaid), also after the round closed. */
export function releaseFunds(command: ReleaseFunds, state: RoundState): FundsReleased[] {
  const { roundId, proposalId, amountCents, at } = command.data;
  const round = requireRound(state, roundId);
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
      data: { roundId, proposalId, amountCents, areaCode: commitment!.areaCode, committedCents: round.committedCents - amountCents, reason, at },
    },
  ];
}
