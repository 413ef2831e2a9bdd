import type { ProposalPaymentRecorded } from '../proposal.events.js';
import { ProposalPaymentExceedsGrantError } from '../proposal.errors.js';
import { existing, grantedCents, requireCents, requireStatus } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

export class RecordPayment {
  readonly type = 'RecordPayment' as const;
  constructor(readonly data: { proposalId: string; paymentReference: string; amountCents: number; at: string }) {}
}

/** Advances (voorschotten) may be paid before work starts; the total never exceeds the grant. */
export function recordPayment(command: RecordPayment, state: ProposalState): ProposalPaymentRecorded[] {
  const { proposalId, paymentReference, amountCents, at } = command.data;
  const plan = existing(state, proposalId);
  requireStatus(plan, ['granted', 'implementing'], 'receive payments');
  requireCents(amountCents, 'amountCents', { positive: true });
  const paidTotalCents = plan.paidCents + amountCents;
  if (paidTotalCents > grantedCents(plan)) {
    throw new ProposalPaymentExceedsGrantError('Payments cannot exceed the granted amount', { grantedCents: grantedCents(plan), paidCents: plan.paidCents, amountCents });
  }
  return [{ type: 'ProposalPaymentRecorded', data: { proposalId, paymentReference, amountCents, paidTotalCents, at } }];
}
