import { ParticipantNotActiveError, ParticipantReasonRequiredError } from '../participant.errors.js';
import type { VotingCodeBlocked } from '../participant.events.js';
import type { ParticipantState } from '../participant.state.js';

/** Blocks a code (reported stolen, sent to the wrong address); a ballot already cast with it stays. */
export class BlockVotingCode {
  readonly type = 'BlockVotingCode' as const;
  constructor(readonly data: { roundId: string; participantRef: string; reason: string; blockedAt: string }) {}
}

export function blockVotingCode(command: BlockVotingCode, state: ParticipantState): VotingCodeBlocked[] {
  const { roundId, participantRef, blockedAt } = command.data;
  const reason = command.data.reason?.trim() ?? '';
  if (reason === '') throw new ParticipantReasonRequiredError('Blocking a code needs a reason');
  if (!state.registered || state.status !== 'active') throw new ParticipantNotActiveError('This code is not active', { status: state.registered ? state.status : 'unknown' });
  return [{ type: 'VotingCodeBlocked', data: { roundId, participantRef, reason, blockedAt } }];
}
