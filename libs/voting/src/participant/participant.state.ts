import type { Ineligibility, ParticipantEvent } from './participant.events.js';

export interface RegisteredParticipant {
  registered: true;
  participantRef: string;
  rootRef: string;
  area: string;
  ageBand: string;
  eligible: boolean;
  ineligibility: Ineligibility | null;
  status: 'active' | 'blocked' | 'reissued';
  /** Sign-ins so far with this participant's code (or resident sign-in), and the last one. */
  signIns: number;
  lastSignInAt: string | null;
}

export type ParticipantState = { registered: false } | RegisteredParticipant;

export const initialParticipantState = (): ParticipantState => ({ registered: false });

export function evolveParticipant(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  switch (event.type) {
    case 'ParticipantRegistered': {
      const { participantRef, rootRef, area, ageBand, eligible, ineligibility } = event.data;
      return { registered: true, participantRef, rootRef, area, ageBand, eligible, ineligibility, status: 'active', signIns: 0, lastSignInAt: null };
    }
    case 'VotingCodeBlocked':
      return state.registered ? { ...state, status: 'blocked' } : state;
    case 'VotingCodeReissued':
      return state.registered ? { ...state, status: 'reissued' } : state;
    case 'VoterSignedIn':
      return state.registered ? { ...state, signIns: state.signIns + 1, lastSignInAt: event.data.signedInAt } : state;
    default:
      return state;
  }
}
