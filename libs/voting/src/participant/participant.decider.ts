import type { Decider } from '@lib/es';
import type { ParticipantEvent } from './participant.events.js';
import { evolveParticipant, initialParticipantState, type ParticipantState } from './participant.state.js';
import { blockVotingCode, type BlockVotingCode } from './block-voting-code/block-voting-code.command.js';
import { recordVoterSignIn, type RecordVoterSignIn } from './record-sign-in/record-sign-in.command.js';
import { registerParticipant, type RegisterParticipant } from './register-participant/register-participant.command.js';
import { registerSuccessor, type RegisterSuccessor } from './register-successor/register-successor.command.js';
import { reissueVotingCode, type ReissueVotingCode } from './reissue-voting-code/reissue-voting-code.command.js';

export type ParticipantCommand = RegisterParticipant | BlockVotingCode | ReissueVotingCode | RegisterSuccessor | RecordVoterSignIn;

export const participantDecider: Decider<ParticipantCommand, ParticipantState, ParticipantEvent> = {
  decide(command, state) {
    switch (command.type) {
      case 'RegisterParticipant':
        return registerParticipant(command, state);
      case 'BlockVotingCode':
        return blockVotingCode(command, state);
      case 'ReissueVotingCode':
        return reissueVotingCode(command, state);
      case 'RegisterSuccessor':
        return registerSuccessor(command, state);
      case 'RecordVoterSignIn':
        return recordVoterSignIn(command, state);
    }
  },
  evolve: evolveParticipant,
  initialState: initialParticipantState,
};
