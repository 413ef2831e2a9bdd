import type { BallotContent } from './ballot.content.js';
import type { BallotEvent, Channel } from './ballot.events.js';

export interface StandingBallot {
  cast: true;
  channel: Channel;
  area: string;
  /** `unknown` for ballots cast before the age band was recorded. */
  ageBand: string;
  content: BallotContent;
  /** Paper batches already applied to this stream (confirming a batch again changes nothing). */
  batchIds: string[];
}

export type BallotState = { cast: false; batchIds: string[] } | StandingBallot;

export const initialBallotState = (): BallotState => ({ cast: false, batchIds: [] });

export function evolveBallot(state: BallotState, event: BallotEvent): BallotState {
  switch (event.type) {
    case 'BallotCast':
    case 'BallotReplaced': {
      const { channel, area, content, batchId } = event.data;
      return { cast: true, channel, area, ageBand: event.data.ageBand ?? 'unknown', content, batchIds: batchId === null ? state.batchIds : [...state.batchIds, batchId] };
    }
    case 'PaperBallotSetAside':
      return { ...state, batchIds: [...state.batchIds, event.data.batchId] };
    default:
      return state;
  }
}
