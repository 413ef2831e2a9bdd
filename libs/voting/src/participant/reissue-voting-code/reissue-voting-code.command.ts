import type { BallotBoxPhase } from '../../ballot-box/ballot-box.state.js';
import { BallotBoxWrongPhaseError } from '../../ballot-box/ballot-box.errors.js';
import { ParticipantNotActiveError, ParticipantNotEligibleError, ParticipantReasonRequiredError } from '../participant.errors.js';
import type { VotingCodeReissued } from '../participant.events.js';
import type { ParticipantState } from '../participant.state.js';

/**
 * Replaces a lost code by a new one; the new code leads to the same ballot (same root), so it cannot
 * vote twice. The `code-successor` reactor registers the successor; the roll takes it while the box is
 * prepared or open.
 */
export class ReissueVotingCode {
  readonly type = 'ReissueVotingCode' as const;
  constructor(readonly data: { roundId: string; participantRef: string; successorRef: string; reason: string; reissuedAt: string; facts: { phase: BallotBoxPhase } }) {}
}

export function reissueVotingCode(command: ReissueVotingCode, state: ParticipantState): VotingCodeReissued[] {
  const { roundId, participantRef, successorRef, reissuedAt, facts } = command.data;
  const reason = command.data.reason?.trim() ?? '';
  if (reason === '') throw new ParticipantReasonRequiredError('Re-issuing a code needs a reason');
  if (!state.registered || state.status === 'reissued') throw new ParticipantNotActiveError('This code was already replaced', { status: state.registered ? state.status : 'unknown' });
  if (!state.eligible) throw new ParticipantNotEligibleError('This code gives no vote in this round; there is nothing to re-issue', { ineligibility: state.ineligibility });
  if (facts.phase !== 'prepared' && facts.phase !== 'open') throw new BallotBoxWrongPhaseError(`The voter roll is fixed once voting closed (the box is ${facts.phase})`, { phase: facts.phase });
  return [{ type: 'VotingCodeReissued', data: { roundId, participantRef, successorRef, reason, reissuedAt } }];
}
