import type { ProposalMoneyReturned } from '../proposal.events.js';
import { ProposalReturnExceedsPaymentsError } from '../proposal.errors.js';
import { existing, requireCents, requireStatus } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

const CLOSED = ['realised', 'partly_realised', 'cancelled'] as const;

export class RecordMoneyReturned {
  readonly type = 'RecordMoneyReturned' as const;
  constructor(readonly data: { proposalId: string; reference: string; amountCents: number; at: string }) {}
}

/** Money paid back by the initiative; once the plan is closed it goes straight back to the round. */
export function recordMoneyReturned(command: RecordMoneyReturned, state: ProposalState): ProposalMoneyReturned[] {
  const { proposalId, reference, amountCents, at } = command.data;
  const plan = existing(state, proposalId);
  requireStatus(plan, ['implementing', ...CLOSED], 'have money returned');
  requireCents(amountCents, 'amountCents', { positive: true });
  if (plan.returnedCents + amountCents > plan.paidCents) {
    throw new ProposalReturnExceedsPaymentsError('More cannot come back than was paid', { paidCents: plan.paidCents, returnedCents: plan.returnedCents, amountCents });
  }
  const releasedCents = (CLOSED as readonly string[]).includes(plan.status) ? amountCents : 0;
  return [{ type: 'ProposalMoneyReturned', data: { proposalId, amountCents, returnedTotalCents: plan.returnedCents + amountCents, releasedCents, reference, at } }];
}
