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
}

export type ParticipantState = { registered: false } | RegisteredParticipant;

export const initialParticipantState = (): ParticipantState => ({ registered: false });

export function evolveParticipant(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  switch (event.type) {
    case 'ParticipantRegistered': {
      const { participantRef, rootRef, area, ageBand, eligible, ineligibility } = event.data;
      return { registered: true, participantRef, rootRef, area, ageBand, eligible, ineligibility, status: 'active' };
    }
    case 'VotingCodeBlocked':
      return state.registered ? { ...state, status: 'blocked' } : state;
    case 'VotingCodeReissued':
      return state.registered ? { ...state, status: 'reissued' } : state;
    default:
      return state;
  }
}
