import { type CommandContext, handleCommand, type HandleCommandResult } from '@lib/es';
import { loadBallotBox, roundOf, type VotingDeps } from '../../voting.deps.js';
import { ballotBoxDecider } from '../ballot-box.decider.js';
import { type BallotBoxEvent, ballotBoxStream } from '../ballot-box.events.js';
import { ChangeBallotBoxPhase, changeBallotBoxPhase, type PhaseChange } from './change-phase.command.js';

/**
 * Opens, closes or seals the box. A change that destroys the round key (the close without a
 * correction window, the seal of a box whose key lives) destroys it first and records it after:
 * a `RoundKeyDestroyed` in the history then always means the key is gone (a failed append leaves a
 * box without a key, which is safe; the retry records it).
 */
export async function changePhase(
  deps: VotingDeps,
  input: { roundId: string; change: PhaseChange; reason: string },
  context: CommandContext,
  expectedRevision?: bigint,
): Promise<HandleCommandResult<BallotBoxEvent>> {
  const round = await roundOf(deps.store, input.roundId, context.tenant);
  const roundFacts = round ? { phase: round.phase, resultAdopted: round.result?.adoption != null } : null;
  const command = new ChangeBallotBoxPhase({ ...input, at: deps.now().toISOString(), round: roundFacts });
  if (input.change !== 'open') {
    // 1. Decide on the current state, so a refused change destroys nothing.
    const box = await loadBallotBox(deps.store, input.roundId, context.tenant);
    // 2. Destroy the link between codes and ballots when the change does.
    if (changeBallotBoxPhase(command, box.state).some((e) => e.type === 'RoundKeyDestroyed')) await deps.vault.destroy(input.roundId);
  }
  // 3. Record the change.
  return handleCommand(deps.store, ballotBoxStream(input.roundId), ballotBoxDecider, command, context, {
    streamMustExist: true,
    expectedRevision,
    newId: deps.newId,
  });
}
