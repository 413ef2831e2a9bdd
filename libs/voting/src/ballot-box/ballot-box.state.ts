import type { VotingFrame } from '../voting-frame.js';
import type { BallotBoxEvent } from './ballot-box.events.js';

export type BallotBoxPhase = 'none' | 'prepared' | 'open' | 'closed' | 'sealed';

export type BallotBoxState =
  | { phase: 'none' }
  | { phase: Exclude<BallotBoxPhase, 'none'>; roundId: string; frame: VotingFrame };

export const initialBallotBoxState = (): BallotBoxState => ({ phase: 'none' });

export function evolveBallotBox(state: BallotBoxState, event: BallotBoxEvent): BallotBoxState {
  if (event.type === 'BallotBoxPrepared') return { phase: 'prepared', roundId: event.data.roundId, frame: event.data.frame };
  if (state.phase === 'none') return state;
  switch (event.type) {
    case 'BallotBoxOpened':
      return { ...state, phase: 'open' };
    case 'BallotBoxClosed':
      return { ...state, phase: 'closed' };
    case 'BallotBoxSealed':
      return { ...state, phase: 'sealed' };
    default:
      return state;
  }
}
