import { type CommandContext, handleCommand, type HandleCommandResult } from '@lib/es';
import { loadBallotBox, type VotingDeps } from '../../voting.deps.js';
import { ballotBoxDecider } from '../ballot-box.decider.js';
import { type BallotBoxEvent, ballotBoxStream } from '../ballot-box.events.js';
import { DestroyRoundKey, destroyRoundKey } from './destroy-round-key.command.js';

/**
 * Destroys the round key at the end of the correction window: decided on the box first (a refusal
 * destroys nothing), then the key is destroyed, then recorded. A second caller finds it recorded and appends nothing.
 */
export async function destroyRoundKeyAtWindowEnd(deps: VotingDeps, roundId: string, context: CommandContext): Promise<HandleCommandResult<BallotBoxEvent>> {
  const command = new DestroyRoundKey({ roundId, at: context.now.toISOString() });
  // 1. Decide on the current state.
  const box = await loadBallotBox(deps.store, roundId, context.tenant);
  // 2. Destroy the key when the decision does.
  if (destroyRoundKey(command, box.state).length > 0) await deps.vault.destroy(roundId);
  // 3. Record it.
  return handleCommand(deps.store, ballotBoxStream(roundId), ballotBoxDecider, command, context, { streamMustExist: true, newId: deps.newId });
}
