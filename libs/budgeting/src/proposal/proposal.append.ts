import { type CommandContext, type CommandEnvelope, handleCommand, type HandleCommandResult } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import type { IdGenerator } from '@lib/platform';
import { type ProposalCommand, proposalDecider } from './proposal.decider.js';
import { type ProposalEvent, proposalStream } from './proposal.events.js';
import type { RoundGateway } from './proposal.round-gateway.js';

/** What a plan command answers: the plan's revision after it and the events appended. */
export type ProposalCommandResult = HandleCommandResult<ProposalEvent>;

/** Read → fold → decide → append on the plan the command names, at the caller's If-Match; a missing plan is a 404. */
export function appendToProposal(store: EventStore, ids: IdGenerator, command: ProposalCommand, envelope: CommandEnvelope): Promise<ProposalCommandResult> {
  return handleCommand(store, proposalStream(command.data.proposalId), proposalDecider, command, envelope.context, {
    expectedRevision: envelope.expectedRevision,
    streamMustExist: true,
    newId: () => ids.newId(),
  });
}

/** Gives what the command's events released back to the round's ceiling, after the fact is recorded: a failure here leaves the ceiling too tight, never too loose. */
export async function releaseToRound(store: EventStore, rounds: RoundGateway, proposalId: string, result: ProposalCommandResult, context: CommandContext): Promise<void> {
  for (const event of result.events) {
    if ('releasedCents' in event.data && event.data.releasedCents > 0) {
      const [first] = await store.readStream(proposalStream(proposalId), { maxCount: 1 });
      const { roundId } = first!.data as { roundId: string };
      await rounds.releaseFunds(roundId, proposalId, event.data.releasedCents, `Plan ${proposalId}: ${event.type}`, context);
    }
  }
}
