import type { CommittedGrant, RoundEvent, RoundFrame, RoundPhase } from '../round.events.js';
import type { ExistingRound, RoundState } from '../round.state.js';
import { evolveRound } from '../round.state.js';
import { RoundAreaRequiredError, RoundCeilingExceededError, RoundInvalidAmountError, RoundUnknownAreaError } from '../round.errors.js';
import { followFrame, requirePhase, requireRound } from '../round.rules.js';

export interface CommitFundsData {
  roundId: string;
  proposalId: string;
  amountCents: number;
  /** Required when the round has per-area pots (wijk/dorpsbudget, a burgerbegroting by shares). */
  areaCode: string | null;
  frame: RoundFrame | null;
  at: string;
  /** The grant decision this commitment is for, carried to the plan by the `grant-recorder` reactor. */
  grant?: CommittedGrant;
}

export class CommitFunds {
  readonly type = 'CommitFunds' as const;
  constructor(readonly data: CommitFundsData) {}
}

/** An initiatievenfonds spends while intake runs, first come first served; the other forms after the result's adoption. */
export function commitPhases(round: ExistingRound): RoundPhase[] {
  return round.form === 'initiatievenfonds' ? ['intake'] : ['adoption', 'implementation'];
}

export function commitFunds(command: CommitFunds, state: RoundState): RoundEvent[] {
  const { roundId, proposalId, amountCents, areaCode, at, grant } = command.data;
  const round = requireRound(state, roundId);
  requirePhase(round, commitPhases(round), 'Committing funds');
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new RoundInvalidAmountError('amountCents must be a positive whole number of cents', { amountCents });

  const followed = followFrame(round, command.data.frame, at);
  const after = followed.reduce(evolveRound, round as RoundState) as ExistingRound;
  const areas = after.frame.areaCeilings;
  let area: string | null = null;
  if (areas.length > 0) {
    if (areaCode === null) throw new RoundAreaRequiredError('This round spends per area: name the area', { areas: areas.map((a) => a.areaCode) });
    const pot = areas.find((a) => a.areaCode === areaCode);
    if (!pot) throw new RoundUnknownAreaError(`Area ${areaCode} is not one of the round's areas`, { areaCode });
    const areaCommitted = after.areaCommittedCents[areaCode] ?? 0;
    if (areaCommitted + amountCents > pot.amountCents) {
      throw new RoundCeilingExceededError(`Area ${areaCode} has ${pot.amountCents - areaCommitted} cents left`, {
        areaCode,
        ceilingCents: pot.amountCents,
        committedCents: areaCommitted,
        requestedCents: amountCents,
      });
    }
    area = areaCode;
  }
  if (after.committedCents + amountCents > after.ceilingCents) {
    throw new RoundCeilingExceededError(`The round has ${after.ceilingCents - after.committedCents} cents left`, {
      ceilingCents: after.ceilingCents,
      committedCents: after.committedCents,
      requestedCents: amountCents,
    });
  }
  return [...followed, { type: 'FundsCommitted', data: { roundId, proposalId, amountCents, areaCode: area, committedCents: after.committedCents + amountCents, at, ...(grant === undefined ? {} : { grant }) } }];
}
