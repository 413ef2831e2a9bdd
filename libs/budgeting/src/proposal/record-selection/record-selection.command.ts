import type { ProposalNotSelected, ProposalSelected } from '../proposal.events.js';
import { ProposalNoAdoptedResultError, ProposalSelectionContradictsResultError } from '../proposal.errors.js';
import { existing, requireReason, requireStatus } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

/** The round's result as the handler read it from `Round-<id>`: the winners as published or last corrected. */
export interface RoundOutcome {
  winners: string[];
  adopted: boolean;
  /** 0: as published; n: after the n-th correction. */
  corrections: number;
}

/** After the round's adopted result: whether the plan is among the winners. */
export class RecordSelection {
  readonly type = 'RecordSelection' as const;
  constructor(readonly data: {
    proposalId: string;
    /** What the caller says; null: take it from the result. */
    selected: boolean | null;
    /** null: the round has no published result. */
    result: RoundOutcome | null;
    reason: string;
    at: string;
  }) {}
}

/** The result decides; the plan only records it. Until the result is adopted nothing is selected (an advisory count is not a decision). */
export function recordSelection(command: RecordSelection, state: ProposalState): (ProposalSelected | ProposalNotSelected)[] {
  const { proposalId, result, at } = command.data;
  const plan = existing(state, proposalId);
  // Recorded already as the result says (by the adoption's reactor, or an earlier call): nothing to add.
  if (result?.adopted && (plan.status === 'selected' || plan.status === 'not_selected')) {
    const selected = result.winners.includes(proposalId);
    if ((plan.status === 'selected') === selected && (command.data.selected === null || command.data.selected === selected)) return [];
  }
  requireStatus(plan, ['admitted'], 'be selected or passed over');
  const reason = requireReason(command.data.reason);
  if (result === null || !result.adopted) {
    throw new ProposalNoAdoptedResultError(`Round ${plan.roundId} has no adopted result yet`, { roundId: plan.roundId, published: result !== null });
  }
  const selected = result.winners.includes(proposalId);
  if (command.data.selected !== null && command.data.selected !== selected) {
    throw new ProposalSelectionContradictsResultError(`The round's result ${selected ? 'selects' : 'does not select'} this plan`, { roundId: plan.roundId, selectedByResult: selected, corrections: result.corrections });
  }
  return [selected ? { type: 'ProposalSelected', data: { proposalId, reason, at } } : { type: 'ProposalNotSelected', data: { proposalId, reason, at } }];
}
