import { type CommandContext, handleCommand, type HandleCommandResult } from '@lib/es';
import type { BallotContent } from '../../ballot/ballot.content.js';
import { BallotNotEligibleError } from '../../ballot/ballot.errors.js';
import { participantByCode } from '../../participant/participant.lookup.js';
import { ballotRefOf } from '../../round-key/pseudonym.js';
import { loadBallotBox, type VotingDeps } from '../../voting.deps.js';
import { paperBatchDecider } from '../paper-batch.decider.js';
import { type PaperBatchEvent, paperBatchStream } from '../paper-batch.events.js';
import { EnterPaperBallot } from './enter-paper-ballot.command.js';

/** Enters one paper ballot: the code printed on it is turned into the ballot pseudonym here and never stored. */
export async function enterPaperBallotFor(
  deps: VotingDeps,
  input: { roundId: string; batchId: string; code: string; content: BallotContent },
  context: CommandContext,
  expectedRevision?: bigint,
): Promise<HandleCommandResult<PaperBatchEvent>> {
  const box = await loadBallotBox(deps.store, input.roundId, context.tenant);
  const participant = await participantByCode(deps.store, deps.vault, input.roundId, input.code, context.tenant);
  if (!participant) throw new BallotNotEligibleError('The code on this paper ballot is not on the roll');
  const key = await deps.vault.keyFor(input.roundId);
  const command = new EnterPaperBallot({
    roundId: input.roundId,
    batchId: input.batchId,
    ballotRef: ballotRefOf(key, participant.state.rootRef),
    area: participant.state.area,
    ageBand: participant.state.ageBand,
    content: input.content,
    enteredBy: context.actor,
    enteredAt: deps.now().toISOString(),
    facts: { phase: box.state.phase, frame: box.state.frame, participant: { eligible: participant.state.eligible, blocked: participant.state.status !== 'active' } },
  });
  return handleCommand(deps.store, paperBatchStream(input.roundId, input.batchId), paperBatchDecider, command, context, { streamMustExist: true, expectedRevision, newId: deps.newId });
}
