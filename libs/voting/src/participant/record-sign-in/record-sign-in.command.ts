import { ParticipantNotActiveError } from '../participant.errors.js';
import type { SignInChannel, VoterSignedIn } from '../participant.events.js';
import type { ParticipantState } from '../participant.state.js';

/** Record that a voter token was issued for this participant (the sign-in checks passed before). */
export class RecordVoterSignIn {
  readonly type = 'RecordVoterSignIn' as const;
  constructor(readonly data: { roundId: string; participantRef: string; channel: SignInChannel; signedInAt: string }) {}
}

export function recordVoterSignIn(command: RecordVoterSignIn, state: ParticipantState): VoterSignedIn[] {
  if (!state.registered || state.status !== 'active') throw new ParticipantNotActiveError('This code is not active', { status: state.registered ? state.status : 'unknown' });
  return [{ type: 'VoterSignedIn', data: { ...command.data } }];
}
