import { CommandStreamMissing, handleCommand, type Reaction, type Reactor, StreamNotFoundError } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { proposalDecider } from '../proposal/proposal.decider.js';
import { proposalStream } from '../proposal/proposal.events.js';
import { RecordSelection } from '../proposal/record-selection/record-selection.command.js';
import { roundAsOf } from '../round/round.history.js';

/**
 * Adopting a result marks the plans on it: each winner selected, each plan the result passed over
 * not selected, with the adoption's reason and time. A frame with `selection: manual` leaves that to
 * staff, plan by plan. A plan already recorded as the result says appends nothing (the decision's
 * own idempotency), so a replay or a manual call before the reactor ran is harmless.
 */
export const adoptionSelectionReactor: Reactor<RecordSelection> = {
  name: 'adoption-selection',
  canHandle: ['ResultAdopted'],
  handle(_event, history) {
    const round = roundAsOf(history);
    if (!round || round.result === null || round.result.adoption === null || round.frame.selection === 'manual') return [];
    const { winners, explanation, corrections, adoption } = round.result;
    const outcome = { winners: winners.map((w) => w.proposalId), adopted: true, corrections };
    const plans = [...new Set([...outcome.winners, ...explanation.map((e) => e.proposalId)])];
    return plans.map((proposalId) => new RecordSelection({ proposalId, selected: outcome.winners.includes(proposalId), result: outcome, reason: adoption.reason, at: adoption.at }));
  },
};

/** The reactor with its command on each plan's stream (one `Proposal-<id>` per command). */
export function adoptionSelectionReaction(store: EventStore): Reaction<RecordSelection> {
  return {
    reactor: adoptionSelectionReactor,
    async execute(command, { context, newId }) {
      try {
        await handleCommand(store, proposalStream(command.data.proposalId), proposalDecider, command, context, { streamMustExist: true, newId });
      } catch (error) {
        // A plan that is no Proposal stream of the municipality (a Pabulib import's plans) has nothing to
        // mark; anything but a domain refusal would stop the reactor on this event for good.
        if (error instanceof CommandStreamMissing || error instanceof StreamNotFoundError) return;
        throw error;
      }
    },
  };
}
