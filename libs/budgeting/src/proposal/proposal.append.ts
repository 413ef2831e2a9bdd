import { type CommandEnvelope, handleCommand, type HandleCommandResult } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import type { IdGenerator } from '@lib/platform';
import { type ProposalCommand, proposalDecider } from './proposal.decider.js';
import { type ProposalEvent, proposalStream } from './proposal.events.js';

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
