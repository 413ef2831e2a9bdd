import { type CommandContext, handleCommand, type HandleCommandResult } from '@lib/es';
import { loadBallotBox, type VotingDeps } from '../../voting.deps.js';
import { paperBatchDecider } from '../paper-batch.decider.js';
import { type PaperBatchEvent, paperBatchId, paperBatchStream } from '../paper-batch.events.js';
import { OpenPaperBatch } from './open-paper-batch.command.js';

export async function openBatch(
  deps: VotingDeps,
  input: { roundId: string; pollingStation: string; batchNumber: number; slipCount: number },
  context: CommandContext,
): Promise<HandleCommandResult<PaperBatchEvent> & { batchId: string }> {
  const box = await loadBallotBox(deps.store, input.roundId, context.tenant);
  const batchId = paperBatchId(input.pollingStation, input.batchNumber);
  const command = new OpenPaperBatch({ ...input, batchId, openedBy: context.actor, openedAt: deps.now().toISOString(), facts: { phase: box.state.phase } });
  const result = await handleCommand(deps.store, paperBatchStream(input.roundId, batchId), paperBatchDecider, command, context, { streamMustExist: false, newId: deps.newId, maxRetries: 0 });
  return { ...result, batchId };
}
