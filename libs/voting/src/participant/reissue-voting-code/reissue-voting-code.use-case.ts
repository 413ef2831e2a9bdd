import { type CommandContext, handleCommand } from '@lib/es';
import { generateCode, participantRefOf } from '../../round-key/pseudonym.js';
import type { VotingDeps } from '../../voting.deps.js';
import { participantDecider } from '../participant.decider.js';
import { ParticipantReasonRequiredError } from '../participant.errors.js';
import { participantStream } from '../participant.events.js';
import { participantByCode, requireParticipant } from '../participant.lookup.js';
import { registerParticipants } from '../register-participant/register-participant.use-case.js';
import { ReissueVotingCode } from './reissue-voting-code.command.js';

/**
 * Replaces a code by a new one with the same root, so both lead to the same ballot stream: even if
 * the old code were used after all, the participant has one ballot. Returns the new code, once.
 */
export async function reissueCode(deps: VotingDeps, input: { roundId: string; code: string; reason: string }, context: CommandContext): Promise<{ code: string }> {
  if ((input.reason?.trim() ?? '') === '') throw new ParticipantReasonRequiredError('Re-issuing a code needs a reason');
  const old = requireParticipant(await participantByCode(deps.store, deps.vault, input.roundId, input.code, context.tenant), input.roundId);
  const key = await deps.vault.keyFor(input.roundId);
  const code = generateCode();
  const successorRef = participantRefOf(key, code);
  const command = new ReissueVotingCode({ roundId: input.roundId, participantRef: old.state.participantRef, successorRef, reason: input.reason, reissuedAt: deps.now().toISOString() });
  // 1. Decide on the old code first, so a refused re-issue registers nothing.
  participantDecider.decide(command, old.state);
  // 2. Register the successor (same area, age band and root), then retire the old code at the revision we read.
  await registerParticipants(deps, input.roundId, [{ code, area: old.state.area, ageBand: old.state.ageBand, role: null, rootRef: old.state.rootRef }], 'reissue', context);
  await handleCommand(deps.store, participantStream(input.roundId, old.state.participantRef), participantDecider, command, context, {
    streamMustExist: true,
    expectedRevision: old.revision,
    newId: deps.newId,
  });
  return { code };
}
