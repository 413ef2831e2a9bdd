import { type CommandContext, handleCommand, type HandleCommandResult, loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { ballotStream } from '../../ballot/ballot.events.js';
import { inBatches, loadBallotBox, type VotingDeps } from '../../voting.deps.js';
import { paperBatchDecider } from '../paper-batch.decider.js';
import { type PaperBatchEvent, paperBatchStream } from '../paper-batch.events.js';
import { ConfirmPaperBatch } from './confirm-paper-batch.command.js';

/**
 * A second official confirms the batch: `PaperBatchConfirmed` on the batch's stream, and nothing
 * else. The `paper-count` reactor then counts each of its ballots in that ballot's own stream.
 */
export async function confirmBatch(deps: VotingDeps, input: { roundId: string; batchId: string }, context: CommandContext, expectedRevision?: bigint): Promise<HandleCommandResult<PaperBatchEvent>> {
  const box = await loadBallotBox(deps.store, input.roundId, context.tenant);
  const command = new ConfirmPaperBatch({ ...input, confirmedBy: context.actor, confirmedAt: deps.now().toISOString(), facts: { phase: box.state.phase } });
  return handleCommand(deps.store, paperBatchStream(input.roundId, input.batchId), paperBatchDecider, command, context, {
    streamMustExist: true,
    expectedRevision,
    newId: deps.newId,
  });
}

/**
 * How many ballots of the batch count so far: those whose ballot stream holds a ballot of this batch
 * (cast or replacing another); a ballot set aside does not count. Reads the ballot streams, so it
 * shows what the `paper-count` reactor recorded, and no more.
 */
export async function countedOfBatch(store: EventStore, input: { roundId: string; batchId: string }, tenant: string): Promise<number> {
  const batch = (await loadStream(store, paperBatchStream(input.roundId, input.batchId), paperBatchDecider, tenant)).state;
  if (!batch.opened) return 0;
  const counts = await inBatches(batch.ballots, 16, async (ballot) => {
    const events = await store.readStream(ballotStream(input.roundId, ballot.ballotRef));
    return events.some((e) => (e.type === 'BallotCast' || e.type === 'BallotReplaced') && (e.data as { batchId?: string | null }).batchId === input.batchId);
  });
  return counts.filter(Boolean).length;
}

