import type {
  ProposalImplementationCancelled,
  ProposalImplementationStarted,
  ProposalMoneyReturned,
  ProposalPartlyRealised,
  ProposalPaymentRecorded,
  ProposalRealised,
} from '../proposal.events.js';
import { ProposalPaymentExceedsGrantError, ProposalReturnExceedsPaymentsError } from '../proposal.errors.js';
import { existing, requireCents, requireReason, requireStatus } from '../proposal.guards.js';
import type { ExistingProposal, ProposalState } from '../proposal.state.js';

export class StartImplementation {
  readonly type = 'StartImplementation' as const;
  constructor(readonly data: { proposalId: string; startedOn: string; at: string }) {}
}

export class RecordPayment {
  readonly type = 'RecordPayment' as const;
  constructor(readonly data: { proposalId: string; paymentReference: string; amountCents: number; at: string }) {}
}

export class CloseImplementation {
  readonly type = 'CloseImplementation' as const;
  constructor(readonly data: { proposalId: string; outcome: 'realised' | 'partly_realised' | 'cancelled'; reason: string; at: string }) {}
}

export class RecordMoneyReturned {
  readonly type = 'RecordMoneyReturned' as const;
  constructor(readonly data: { proposalId: string; reference: string; amountCents: number; at: string }) {}
}

const CLOSED = ['realised', 'partly_realised', 'cancelled'] as const;

function grantOf(plan: ExistingProposal): number {
  return plan.grant?.amountCents ?? 0;
}

export function startImplementation(command: StartImplementation, state: ProposalState): ProposalImplementationStarted[] {
  const plan = existing(state, command.data.proposalId);
  requireStatus(plan, ['granted'], 'start being carried out');
  return [{ type: 'ProposalImplementationStarted', data: { proposalId: plan.proposalId, startedOn: command.data.startedOn, at: command.data.at } }];
}

/** Advances (voorschotten) may be paid before work starts; the total never exceeds the grant. */
export function recordPayment(command: RecordPayment, state: ProposalState): ProposalPaymentRecorded[] {
  const { proposalId, paymentReference, amountCents, at } = command.data;
  const plan = existing(state, proposalId);
  requireStatus(plan, ['granted', 'implementing'], 'receive payments');
  requireCents(amountCents, 'amountCents', { positive: true });
  const paidTotalCents = plan.paidCents + amountCents;
  if (paidTotalCents > grantOf(plan)) {
    throw new ProposalPaymentExceedsGrantError('Payments cannot exceed the granted amount', { grantedCents: grantOf(plan), paidCents: plan.paidCents, amountCents });
  }
  return [{ type: 'ProposalPaymentRecorded', data: { proposalId, paymentReference, amountCents, paidTotalCents, at } }];
}

/** Closing releases to the round whatever of the grant was not spent. */
export function closeImplementation(command: CloseImplementation, state: ProposalState): (ProposalRealised | ProposalPartlyRealised | ProposalImplementationCancelled)[] {
  const { proposalId, outcome, at } = command.data;
  const plan = existing(state, proposalId);
  requireStatus(plan, outcome === 'cancelled' ? ['granted', 'implementing'] : ['implementing'], outcome === 'cancelled' ? 'be cancelled' : 'be closed as realised');
  const reason = requireReason(command.data.reason);
  const spentCents = plan.paidCents - plan.returnedCents;
  const releasedCents = grantOf(plan) - spentCents - plan.releasedCents;
  if (outcome === 'cancelled') return [{ type: 'ProposalImplementationCancelled', data: { proposalId, releasedCents, reason, at } }];
  if (outcome === 'realised') return [{ type: 'ProposalRealised', data: { proposalId, spentCents, releasedCents, reason, at } }];
  return [{ type: 'ProposalPartlyRealised', data: { proposalId, spentCents, releasedCents, reason, at } }];
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
