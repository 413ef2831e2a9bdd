import { handleCommand, type Reaction, type Reactor } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { RecordAbsorption } from '../proposal/merge-proposals/merge-proposals.command.js';
import { proposalDecider } from '../proposal/proposal.decider.js';
import { type ProposalMergedInto, proposalStream } from '../proposal/proposal.events.js';

/**
 * A merge is decided on the plan that stops (`ProposalMergedInto`, which never happens twice); the
 * continuing plan records that it took the other in (`ProposalAbsorbed`), once.
 */
export const planMergeReactor: Reactor<RecordAbsorption> = {
  name: 'plan-merge',
  canHandle: ['ProposalMergedInto'],
  handle(event) {
    const { proposalId, continuingProposalId, reason, at } = event.data as ProposalMergedInto['data'];
    return [new RecordAbsorption({ proposalId: continuingProposalId, absorbedProposalId: proposalId, reason, at })];
  },
};

/** The reactor with its command on the continuing plan's stream (a plan absorbed already decides nothing). */
export function planMergeReaction(store: EventStore): Reaction<RecordAbsorption> {
  return {
    reactor: planMergeReactor,
    async execute(command, { context, newId }) {
      await handleCommand(store, proposalStream(command.data.proposalId), proposalDecider, command, { ...context, reason: command.data.reason }, { streamMustExist: true, newId });
    },
  };
}
