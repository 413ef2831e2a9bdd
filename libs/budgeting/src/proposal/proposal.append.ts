import { type CommandEnvelope, handleCommand, type HandleCommandResult } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import type { IdGenerator, ReactionsOutcome, Reactors } from '@lib/platform';
import { appendedEvents } from '../round/round-command.runner.js';
import { type ProposalCommand, proposalDecider } from './proposal.decider.js';
import { type ProposalEvent, proposalStream } from './proposal.events.js';

/** What a plan command answers: the plan's revision after it and the events appended, and what its reactions did before the answer. */
export type ProposalCommandResult = HandleCommandResult<ProposalEvent> & {
  /** Absent when no reactor handles what the command appended. */
  reactions?: ReactionsOutcome;
};

/** Read → fold → decide → append on the plan the command names, at the caller's If-Match; a missing plan is a 404. */
export function appendToProposal(store: EventStore, ids: IdGenerator, command: ProposalCommand, envelope: CommandEnvelope): Promise<ProposalCommandResult> {
  return handleCommand(store, proposalStream(command.data.proposalId), proposalDecider, command, envelope.context, {
    expectedRevision: envelope.expectedRevision,
    streamMustExist: true,
    newId: () => ids.newId(),
  });
}

/**
 * Waits at most REACTOR_WAIT_MS for the reactors that handle what the command appended to the plan
 * (the release of what a closure or a repayment gave back to the round). The plan's revision stays.
 */
export async function withReactions(store: EventStore, reactors: Reactors, proposalId: string, result: ProposalCommandResult): Promise<ProposalCommandResult> {
  const appended = await appendedEvents(store, proposalStream(proposalId), result);
  const reactions = await reactors.settled(appended, reactors.waitMs);
  return reactions.awaited.length === 0 ? result : { ...result, reactions };
}
