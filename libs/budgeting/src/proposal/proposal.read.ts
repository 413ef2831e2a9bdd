import { loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { proposalDecider } from './proposal.decider.js';
import { ProposalNotFoundError } from './proposal.errors.js';
import { proposalStream } from './proposal.events.js';
import type { ExistingProposal } from './proposal.state.js';

/**
 * The plan, in the round the path names: a plan of another round reads as absent
 * (ProposalNotFound), as does one of another municipality. Without a round, the plan wherever it is.
 */
export async function loadPlanInRound(store: EventStore, tenant: string, proposalId: string, roundId?: string): Promise<ExistingProposal> {
  const { state } = await loadStream(store, proposalStream(proposalId), proposalDecider, tenant);
  if (!state.exists || (roundId !== undefined && state.roundId !== roundId)) throw new ProposalNotFoundError(`Plan ${proposalId} does not exist`, { proposalId });
  return state;
}
