import type { BallotContent } from '../ballot/ballot.content.js';
import type { PaperBatchEvent } from './paper-batch.events.js';

export interface EnteredPaperBallot {
  ballotRef: string;
  area: string;
  ageBand?: string;
  content: BallotContent;
}

export type PaperBatchState =
  | { opened: false }
  | { opened: true; roundId: string; batchId: string; slipCount: number; openedBy: string; enteredBy: string[]; ballots: EnteredPaperBallot[]; confirmed: boolean };

export const initialPaperBatchState = (): PaperBatchState => ({ opened: false });

export function evolvePaperBatch(state: PaperBatchState, event: PaperBatchEvent): PaperBatchState {
  switch (event.type) {
    case 'PaperBatchOpened': {
      const { roundId, batchId, slipCount, openedBy } = event.data;
      return { opened: true, roundId, batchId, slipCount, openedBy, enteredBy: [], ballots: [], confirmed: false };
    }
    case 'PaperBallotEntered': {
      if (!state.opened) return state;
      const { ballotRef, area, content, enteredBy } = event.data;
      const ballot = { ballotRef, area, ...(event.data.ageBand === undefined ? {} : { ageBand: event.data.ageBand }), content };
      return { ...state, enteredBy: state.enteredBy.includes(enteredBy) ? state.enteredBy : [...state.enteredBy, enteredBy], ballots: [...state.ballots, ballot] };
    }
    case 'PaperBatchConfirmed':
      return state.opened ? { ...state, confirmed: true } : state;
    default:
      return state;
  }
}
