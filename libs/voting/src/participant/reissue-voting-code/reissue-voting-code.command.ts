import { ParticipantNotActiveError, ParticipantNotEligibleError, ParticipantReasonRequiredError } from '../participant.errors.js';
import type { VotingCodeReissued } from '../participant.events.js';
import type { ParticipantState } from '../participant.state.js';

/** Replaces a lost code by a new one; the new code leads to the same ballot (same root), so it cannot vote twice. */
export class ReissueVotingCode {
  readonly type = 'ReissueVotingCode' as const;
  constructor(readonly data: { roundId: string; participantRef: string; successorRef: string; reason: string; reissuedAt: string }) {}
}

export function reissueVotingCode(command: ReissueVotingCode, state: ParticipantState): VotingCodeReissued[] {
  const { roundId, participantRef, successorRef, reissuedAt } = command.data;
  const reason = command.data.reason?.trim() ?? '';
  if (reason === '') throw new ParticipantReasonRequiredError('Re-issuing a code needs a reason');
  if (!state.registered || state.status === 'reissued') throw new ParticipantNotActiveError('This code was already replaced', { status: state.registered ? state.status : 'unknown' });
  if (!state.eligible) throw new ParticipantNotEligibleError('This code gives no vote in this round; there is nothing to re-issue', { ineligibility: state.ineligibility });
  return [{ type: 'VotingCodeReissued', data: { roundId, participantRef, successorRef, reason, reissuedAt } }];
}
