import type { ProposalImplementationStarted } from '../proposal.events.js';
import { existing, requireStatus } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';

export class StartImplementation {
  readonly type = 'StartImplementation' as const;
  constructor(readonly data: { proposalId: string; startedOn: string; at: string }) {}
}

export function startImplementation(command: StartImplementation, state: ProposalState): ProposalImplementationStarted[] {
  const plan = existing(state, command.data.proposalId);
  requireStatus(plan, ['granted'], 'start being carried out');
  return [{ type: 'ProposalImplementationStarted', data: { proposalId: plan.proposalId, startedOn: command.data.startedOn, at: command.data.at } }];
}
