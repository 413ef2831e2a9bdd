import { BallotBoxReasonRequiredError, BallotBoxResultNotAdoptedError, BallotBoxRoundNotVotingError, BallotBoxWrongPhaseError } from '../ballot-box.errors.js';
import type { BallotBoxClosed, BallotBoxOpened, BallotBoxSealed, RoundKeyDestroyed } from '../ballot-box.events.js';
import { type BallotBoxPhase, type BallotBoxState, correctionWindowDays } from '../ballot-box.state.js';

export type PhaseChange = 'open' | 'close' | 'seal';

/** The Round stream's say, when the round was planned there: its phase and whether its result is adopted. */
export interface RoundFacts {
  phase: string;
  resultAdopted: boolean;
}

/**
 * Opens voting, closes it, or seals the box once the result is adopted. Closing without a
 * correction window, and sealing a box whose key still lives, destroy the round key (just before
 * the events are recorded).
 */
export class ChangeBallotBoxPhase {
  readonly type = 'ChangeBallotBoxPhase' as const;
  constructor(readonly data: { roundId: string; change: PhaseChange; reason: string; at: string; round: RoundFacts | null }) {}
}

const FROM: Record<PhaseChange, BallotBoxPhase> = { open: 'prepared', close: 'open', seal: 'closed' };

export function changeBallotBoxPhase(command: ChangeBallotBoxPhase, state: BallotBoxState): (BallotBoxOpened | BallotBoxClosed | RoundKeyDestroyed | BallotBoxSealed)[] {
  const { roundId, change, at } = command.data;
  const reason = command.data.reason?.trim() ?? '';
  if (reason === '') throw new BallotBoxReasonRequiredError('A phase change needs a reason (the decision or the published schedule)');
  if (state.phase !== FROM[change]) {
    throw new BallotBoxWrongPhaseError(`The ballot box is ${state.phase}; to ${change} it, it must be ${FROM[change]}`, { phase: state.phase, change });
  }
  if (command.data.round && change === 'open' && command.data.round.phase !== 'voting') {
    throw new BallotBoxRoundNotVotingError(`The round is in its ${command.data.round.phase} phase; the box opens when the round enters voting`, { roundPhase: command.data.round.phase });
  }
  if (command.data.round && change === 'seal' && !command.data.round.resultAdopted) {
    throw new BallotBoxResultNotAdoptedError('The box is sealed (and the link to voters destroyed) only after the result is adopted');
  }
  if (change === 'open') return [{ type: 'BallotBoxOpened', data: { roundId, reason, openedAt: at } }];
  if (state.phase === 'none') return [];
  if (change === 'close') {
    const closed: BallotBoxClosed = { type: 'BallotBoxClosed', data: { roundId, reason, closedAt: at } };
    // The frame declares no correction window: nothing needs a code after the close.
    if (correctionWindowDays(state.frame) > 0) return [closed];
    return [closed, { type: 'RoundKeyDestroyed', data: { roundId, reason: 'voting-closed', destroyedAt: at } }];
  }
  const sealed: BallotBoxSealed = { type: 'BallotBoxSealed', data: { roundId, reason, sealedAt: at } };
  if (state.keyDestroyedAt) return [sealed];
  return [{ type: 'RoundKeyDestroyed', data: { roundId, reason: 'sealed', destroyedAt: at } }, sealed];
}
