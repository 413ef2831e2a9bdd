import type { ProposalAbsorbed, ProposalMergedInto } from '../proposal.events.js';
import { ProposalMergeNotAllowedError } from '../proposal.errors.js';
import { existing, requireReason, requireStatus } from '../proposal.guards.js';
import type { ExistingProposal, ProposalState } from '../proposal.state.js';

const MERGEABLE = ['submitted', 'revision_requested'] as const;

/** Checked against the continuing plan before the merge is recorded on the absorbed one (nothing is appended with it). */
export class AbsorbProposal {
  readonly type = 'AbsorbProposal' as const;
  constructor(readonly data: { proposalId: string; absorbed: ExistingProposal; reason: string; at: string }) {}
}

/** Sent to the plan that stops and continues as part of another: the merge itself. */
export class MergeIntoProposal {
  readonly type = 'MergeIntoProposal' as const;
  constructor(readonly data: { proposalId: string; continuing: ExistingProposal; reason: string; at: string }) {}
}

/**
 * Sent by the `plan-merge` reactor to the continuing plan once the absorbed plan recorded the merge:
 * the merge is decided, so it is recorded whatever the continuing plan did since, and once.
 */
export class RecordAbsorption {
  readonly type = 'RecordAbsorption' as const;
  constructor(readonly data: { proposalId: string; absorbedProposalId: string; reason: string; at: string }) {}
}

function checkPair(continuing: ExistingProposal, absorbed: ExistingProposal): void {
  if (continuing.proposalId === absorbed.proposalId) throw new ProposalMergeNotAllowedError('A plan cannot be merged with itself', { proposalId: continuing.proposalId });
  if (continuing.roundId !== absorbed.roundId) {
    throw new ProposalMergeNotAllowedError('Only plans of the same round can be merged', { roundIds: [continuing.roundId, absorbed.roundId] });
  }
  requireStatus(continuing, MERGEABLE, 'take in another plan', ProposalMergeNotAllowedError);
  requireStatus(absorbed, MERGEABLE, 'be merged into another plan', ProposalMergeNotAllowedError);
}

export function absorbProposal(command: AbsorbProposal, state: ProposalState): ProposalAbsorbed[] {
  const continuing = existing(state, command.data.proposalId);
  checkPair(continuing, command.data.absorbed);
  const reason = requireReason(command.data.reason);
  return [{ type: 'ProposalAbsorbed', data: { proposalId: continuing.proposalId, absorbedProposalId: command.data.absorbed.proposalId, reason, at: command.data.at } }];
}

export function mergeIntoProposal(command: MergeIntoProposal, state: ProposalState): ProposalMergedInto[] {
  const absorbed = existing(state, command.data.proposalId);
  checkPair(command.data.continuing, absorbed);
  const reason = requireReason(command.data.reason);
  return [{ type: 'ProposalMergedInto', data: { proposalId: absorbed.proposalId, continuingProposalId: command.data.continuing.proposalId, reason, at: command.data.at } }];
}

export function recordAbsorption(command: RecordAbsorption, state: ProposalState): ProposalAbsorbed[] {
  const { proposalId, absorbedProposalId, at } = command.data;
  const continuing = existing(state, proposalId);
  if (continuing.absorbed.includes(absorbedProposalId)) return [];
  if (absorbedProposalId === proposalId) throw new ProposalMergeNotAllowedError('A plan cannot be merged with itself', { proposalId });
  const reason = requireReason(command.data.reason);
  return [{ type: 'ProposalAbsorbed', data: { proposalId, absorbedProposalId, reason, at } }];
}
