import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type LoadedStream, loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE } from '@lib/platform';
import { proposalDecider } from '../proposal.decider.js';
import { proposalStream } from '../proposal.events.js';
import type { ExistingProposal } from '../proposal.state.js';

export class GetProposal extends Query<LoadedStream<ExistingProposal>> {
  constructor(
    readonly proposalId: string,
    readonly tenant: string,
  ) {
    super();
  }
}

/** Folds the plan's stream until the plans read model exists. */
@QueryHandler(GetProposal)
export class GetProposalHandler implements IQueryHandler<GetProposal, LoadedStream<ExistingProposal>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ proposalId, tenant }: GetProposal): Promise<LoadedStream<ExistingProposal>> {
    return (await loadStream(this.store, proposalStream(proposalId), proposalDecider, tenant)) as LoadedStream<ExistingProposal>;
  }
}
