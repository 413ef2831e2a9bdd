import type { VotingFrame } from '../voting-frame.js';
import type { BallotBoxEvent } from './ballot-box.events.js';

export type BallotBoxPhase = 'none' | 'prepared' | 'open' | 'closed' | 'sealed';

export type BallotBoxState =
  | { phase: 'none' }
  | {
      phase: Exclude<BallotBoxPhase, 'none'>;
      roundId: string;
      frame: VotingFrame;
      /** When voting closed: the correction window counts from here. */
      closedAt?: string;
      /** When the round key was destroyed; absent while it lives. */
      keyDestroyedAt?: string;
    };

export const initialBallotBoxState = (): BallotBoxState => ({ phase: 'none' });

export function evolveBallotBox(state: BallotBoxState, event: BallotBoxEvent): BallotBoxState {
  if (event.type === 'BallotBoxPrepared') return { phase: 'prepared', roundId: event.data.roundId, frame: event.data.frame };
  if (state.phase === 'none') return state;
  switch (event.type) {
    case 'BallotBoxOpened':
      return { ...state, phase: 'open' };
    case 'BallotBoxClosed':
      return { ...state, phase: 'closed', closedAt: event.data.closedAt };
    case 'RoundKeyDestroyed':
      return { ...state, keyDestroyedAt: event.data.destroyedAt };
    case 'BallotBoxSealed':
      return { ...state, phase: 'sealed' };
    default:
      return state;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The frame's correction window after the close, in days: 0 (the default) destroys the key at the close. */
export function correctionWindowDays(frame: VotingFrame): number {
  return frame.ballot.correctionWindowDays ?? 0;
}

/** When the round key is due for destruction: at the close plus the correction window; null while voting is not closed. */
export function keyDestructionDue(state: BallotBoxState): Date | null {
  if (state.phase === 'none' || !state.closedAt) return null;
  return new Date(Date.parse(state.closedAt) + correctionWindowDays(state.frame) * DAY_MS);
}
