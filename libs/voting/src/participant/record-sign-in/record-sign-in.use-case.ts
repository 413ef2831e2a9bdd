import { type CommandContext, handleCommand } from '@lib/es';
import type { VotingDeps } from '../../voting.deps.js';
import { participantDecider } from '../participant.decider.js';
import { type SignInChannel, participantStream } from '../participant.events.js';
import type { RegisteredParticipant } from '../participant.state.js';
import { RecordVoterSignIn } from './record-sign-in.command.js';

/** The sign-ins before this one: how many, and when the last was (shown to the voter, so a reading with their code is seen). */
export interface EarlierSignIns {
  count: number;
  lastAt: string | null;
}

/**
 * Records a sign-in on the participant's stream (actor `voter`: the event names no one but the
 * pseudonym) and answers the sign-ins before it, as the participant read for the sign-in held them.
 */
export async function recordSignIn(deps: VotingDeps, participant: RegisteredParticipant, roundId: string, channel: SignInChannel, context: CommandContext): Promise<EarlierSignIns> {
  const command = new RecordVoterSignIn({ roundId, participantRef: participant.participantRef, channel, signedInAt: deps.now().toISOString() });
  await handleCommand(deps.store, participantStream(roundId, participant.participantRef), participantDecider, command, { ...context, actor: 'voter', role: 'voter' }, {
    streamMustExist: true,
    newId: deps.newId,
  });
  return { count: participant.signIns, lastAt: participant.lastSignInAt };
}
