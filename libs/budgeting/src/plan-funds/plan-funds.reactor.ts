import { handleCommand, type Reaction, type Reactor } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import type { ProposalEvent, ProposalSubmitted } from '../proposal/proposal.events.js';
import { ReleaseFunds } from '../round/release-funds/release-funds.command.js';
import { roundDecider } from '../round/round.decider.js';
import { roundStream } from '../round/round.events.js';

/** Plan events that give money back to the round: each says how much in `releasedCents`. */
export const RELEASING_EVENTS: readonly ProposalEvent['type'][] = ['ProposalRealised', 'ProposalPartlyRealised', 'ProposalImplementationCancelled', 'ProposalMoneyReturned'];

/**
 * The round's ceiling follows its plans: what a closure (realised for less, partly, cancelled) or a
 * repayment released goes back to the round, once per plan event (the release records it as its cause).
 */
export const planFundsReactor: Reactor<ReleaseFunds> = {
  name: 'plan-funds',
  canHandle: RELEASING_EVENTS,
  handle(event, history) {
    const { proposalId, releasedCents, at } = event.data as { proposalId: string; releasedCents: number; at: string };
    const submitted = history[0];
    if (!(releasedCents > 0) || submitted?.type !== 'ProposalSubmitted') return [];
    const { roundId } = submitted.data as ProposalSubmitted['data'];
    return [new ReleaseFunds({ roundId, proposalId, amountCents: releasedCents, reason: `Plan ${proposalId}: ${event.type}`, at, cause: event.id })];
  },
};

/** The reactor with its command on the Round stream (a cause released already decides nothing). */
export function planFundsReaction(store: EventStore): Reaction<ReleaseFunds> {
  return {
    reactor: planFundsReactor,
    async execute(command, { context, newId }) {
      await handleCommand(store, roundStream(command.data.roundId), roundDecider, command, { ...context, reason: command.data.reason }, { streamMustExist: true, newId });
    },
  };
}
