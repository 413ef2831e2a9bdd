import type { ProposalAdmittedToBallot, ProposalRefusedForBallot } from '../proposal.events.js';
import { ProposalCriteriaNotMetError, ProposalNoBallotError } from '../proposal.errors.js';
import { existing, requireReason, requireStatus } from '../proposal.guards.js';
import { currentVersion, type ProposalState, unmetCriteria } from '../proposal.state.js';

export class DecideAdmission {
  readonly type = 'DecideAdmission' as const;
  constructor(readonly data: { proposalId: string; admitted: boolean; reason: string; at: string }) {}
}

export function decideAdmission(command: DecideAdmission, state: ProposalState): (ProposalAdmittedToBallot | ProposalRefusedForBallot)[] {
  const { proposalId, admitted, at } = command.data;
  const plan = existing(state, proposalId);
  if (plan.form === 'initiatievenfonds') throw new ProposalNoBallotError('An initiatievenfonds has no ballot: decide the grant instead', { proposalId });
  requireStatus(plan, admitted ? ['submitted'] : ['submitted', 'revision_requested'], admitted ? 'be admitted to the ballot' : 'be refused for the ballot');
  const reason = requireReason(command.data.reason);
  const version = currentVersion(plan).number;
  if (!admitted) return [{ type: 'ProposalRefusedForBallot', data: { proposalId, version, reason, at } }];
  const unmet = unmetCriteria(plan);
  if (unmet.length > 0) throw new ProposalCriteriaNotMetError('Every published criterion must be met by the current version', { unmet, version });
  return [{ type: 'ProposalAdmittedToBallot', data: { proposalId, version, reason, at } }];
}
