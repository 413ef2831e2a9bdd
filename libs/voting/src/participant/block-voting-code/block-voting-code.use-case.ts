import { type CommandContext, handleCommand, type HandleCommandResult } from '@lib/es';
import type { VotingDeps } from '../../voting.deps.js';
import { participantDecider } from '../participant.decider.js';
import { type ParticipantEvent, participantStream } from '../participant.events.js';
import { participantByCode, requireParticipant } from '../participant.lookup.js';
import { BlockVotingCode } from './block-voting-code.command.js';

export async function blockCode(deps: VotingDeps, input: { roundId: string; code: string; reason: string }, context: CommandContext): Promise<HandleCommandResult<ParticipantEvent>> {
  const participant = requireParticipant(await participantByCode(deps.store, deps.vault, input.roundId, input.code, context.tenant), input.roundId);
  const { participantRef } = participant.state;
  return handleCommand(
    deps.store,
    participantStream(input.roundId, participantRef),
    participantDecider,
    new BlockVotingCode({ roundId: input.roundId, participantRef, reason: input.reason, blockedAt: deps.now().toISOString() }),
    context,
    { streamMustExist: true, newId: deps.newId },
  );
}
