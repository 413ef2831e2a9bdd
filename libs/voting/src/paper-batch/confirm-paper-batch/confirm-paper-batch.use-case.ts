import { type CommandContext, fold, handleCommand, type HandleCommandResult, toDomainEvent } from '@lib/es';
import { ballotDecider } from '../../ballot/ballot.decider.js';
import { ballotStream } from '../../ballot/ballot.events.js';
import { CountPaperBallot } from '../../ballot/count-paper-ballot/count-paper-ballot.command.js';
import { inBatches, loadBallotBox, type VotingDeps } from '../../voting.deps.js';
import { paperBatchDecider } from '../paper-batch.decider.js';
import { type PaperBatchEvent, paperBatchStream } from '../paper-batch.events.js';
import { PaperBatchNotOpenedError } from '../paper-batch.errors.js';
import { ConfirmPaperBatch } from './confirm-paper-batch.command.js';

/**
 * A second official confirms the batch; then each of its ballots is counted in its participant's
 * ballot stream. Counting a batch is idempotent per stream, so a confirmation interrupted half-way
 * is completed by `countConfirmedBatch`.
 */
export async function confirmBatch(
  deps: VotingDeps,
  input: { roundId: string; batchId: string },
  context: CommandContext,
  expectedRevision?: bigint,
): Promise<HandleCommandResult<PaperBatchEvent> & { counted: number }> {
  const box = await loadBallotBox(deps.store, input.roundId, context.tenant);
  const command = new ConfirmPaperBatch({ ...input, confirmedBy: context.actor, confirmedAt: deps.now().toISOString(), facts: { phase: box.state.phase } });
  const result = await handleCommand(deps.store, paperBatchStream(input.roundId, input.batchId), paperBatchDecider, command, context, {
    streamMustExist: true,
    expectedRevision,
    newId: deps.newId,
  });
  const counted = await countConfirmedBatch(deps, input, context);
  return { ...result, counted };
}

/** Counts every ballot of a confirmed batch into its ballot stream (again: nothing changes twice). */
export async function countConfirmedBatch(deps: VotingDeps, input: { roundId: string; batchId: string }, context: CommandContext): Promise<number> {
  const box = await loadBallotBox(deps.store, input.roundId, context.tenant);
  const events = await deps.store.readStream(paperBatchStream(input.roundId, input.batchId));
  const batch = fold(paperBatchDecider, events.map((e) => toDomainEvent(e) as PaperBatchEvent));
  if (!batch.opened || !batch.confirmed) throw new PaperBatchNotOpenedError('The batch is not confirmed');
  const countedAt = deps.now().toISOString();
  const results = await inBatches(batch.ballots, 16, (ballot) =>
    handleCommand(
      deps.store,
      ballotStream(input.roundId, ballot.ballotRef),
      ballotDecider,
      new CountPaperBallot({
        roundId: input.roundId,
        ballotRef: ballot.ballotRef,
        channel: 'paper',
        verification: 'paper-code-checked',
        area: ballot.area,
        ...(ballot.ageBand === undefined ? {} : { ageBand: ballot.ageBand }),
        content: ballot.content,
        batchId: input.batchId,
        countedAt,
        facts: { phase: box.state.phase, frame: box.state.frame },
      }),
      context,
      { streamMustExist: false, newId: deps.newId },
    ),
  );
  return results.filter((r) => r.events.some((e) => e.type !== 'PaperBallotSetAside')).length;
}
