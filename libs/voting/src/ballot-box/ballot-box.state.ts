import type { VotingFrame } from '../voting-frame.js';
import type { BallotBoxEvent } from './ballot-box.events.js';

export type BallotBoxPhase = 'none' | 'prepared' | 'open' | 'closed' | 'sealed';

export type BallotBoxState =
  | { phase: 'none' }
  | { phase: Exclude<BallotBoxPhase, 'none'>; roundId: string; frame: VotingFrame; registered: number; eligible: number };

export const initialBallotBoxState = (): BallotBoxState => ({ phase: 'none' });

export function evolveBallotBox(state: BallotBoxState, event: BallotBoxEvent): BallotBoxState {
  if (event.type === 'BallotBoxPrepared') return { phase: 'prepared', roundId: event.data.roundId, frame: event.data.frame, registered: 0, eligible: 0 };
  if (state.phase === 'none') return state;
  switch (event.type) {
    case 'BallotBoxOpened':
      return { ...state, phase: 'open' };
    case 'BallotBoxClosed':
      return { ...state, phase: 'closed' };
    case 'BallotBoxSealed':
      return { ...state, phase: 'sealed' };
    case 'VoterRollExtended':
      return { ...state, registered: state.registered + event.data.registered, eligible: state.eligible + event.data.eligible };
    default:
      return state;
  }
}
