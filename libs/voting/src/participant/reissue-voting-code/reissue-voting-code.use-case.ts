import { type CommandContext, handleCommand, type HandleCommandResult } from '@lib/es';
import { generateCode, participantRefOf } from '../../round-key/pseudonym.js';
import { loadBallotBox, type VotingDeps } from '../../voting.deps.js';
import { participantDecider } from '../participant.decider.js';
import { ParticipantReasonRequiredError } from '../participant.errors.js';
import { type ParticipantEvent, participantStream } from '../participant.events.js';
import { participantByCode, requireParticipant } from '../participant.lookup.js';
import { ReissueVotingCode } from './reissue-voting-code.command.js';

/**
 * Replaces a code by a new one with the same root, so both lead to the same ballot stream: even if
 * the old code were used after all, the participant has one ballot. Appends `VotingCodeReissued`
 * (naming the successor's pseudonym) to the old code's stream, and nothing else: the `code-successor`
 * reactor registers the successor. Returns the new code, once, and the old code's stream as it now stands.
 */
export async function reissueCode(
  deps: VotingDeps,
  input: { roundId: string; code: string; reason: string },
  context: CommandContext,
): Promise<{ code: string; stream: string; result: HandleCommandResult<ParticipantEvent> }> {
  if ((input.reason?.trim() ?? '') === '') throw new ParticipantReasonRequiredError('Re-issuing a code needs a reason');
  const old = requireParticipant(await participantByCode(deps.store, deps.vault, input.roundId, input.code, context.tenant), input.roundId);
  const box = await loadBallotBox(deps.store, input.roundId, context.tenant);
  const key = await deps.vault.keyFor(input.roundId);
  const code = generateCode();
  const command = new ReissueVotingCode({
    roundId: input.roundId,
    participantRef: old.state.participantRef,
    successorRef: participantRefOf(key, code),
    reason: input.reason,
    reissuedAt: deps.now().toISOString(),
    facts: { phase: box.state.phase },
  });
  // At the revision read: a block or re-issue of the same code in the meantime is a conflict, never a second successor.
  const stream = participantStream(input.roundId, old.state.participantRef);
  const result = await handleCommand(deps.store, stream, participantDecider, command, context, { streamMustExist: true, expectedRevision: old.revision, newId: deps.newId });
  return { code, stream, result };
}
