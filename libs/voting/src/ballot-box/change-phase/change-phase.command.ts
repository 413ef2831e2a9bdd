import { BallotBoxReasonRequiredError, BallotBoxResultNotAdoptedError, BallotBoxRoundNotVotingError, BallotBoxWrongPhaseError } from '../ballot-box.errors.js';
import type { BallotBoxClosed, BallotBoxOpened, BallotBoxSealed } from '../ballot-box.events.js';
import type { BallotBoxPhase, BallotBoxState } from '../ballot-box.state.js';

export type PhaseChange = 'open' | 'close' | 'seal';

/** The Round stream's say, when the round was planned there: its phase and whether its result is adopted. */
export interface RoundFacts {
  phase: string;
  resultAdopted: boolean;
}

/** Opens voting, closes it, or seals the box once the result is adopted (the round key is destroyed just before). */
export class ChangeBallotBoxPhase {
  readonly type = 'ChangeBallotBoxPhase' as const;
  constructor(readonly data: { roundId: string; change: PhaseChange; reason: string; at: string; round: RoundFacts | null }) {}
}

const FROM: Record<PhaseChange, BallotBoxPhase> = { open: 'prepared', close: 'open', seal: 'closed' };

export function changeBallotBoxPhase(command: ChangeBallotBoxPhase, state: BallotBoxState): (BallotBoxOpened | BallotBoxClosed | BallotBoxSealed)[] {
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
  if (change === 'close') return [{ type: 'BallotBoxClosed', data: { roundId, reason, closedAt: at } }];
  return [{ type: 'BallotBoxSealed', data: { roundId, reason, sealedAt: at } }];
}
