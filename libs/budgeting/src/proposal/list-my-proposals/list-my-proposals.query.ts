import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE } from '@lib/platform';
import { ListProposals, ListProposalsHandler, type ProposalList } from '../list-proposals/list-proposals.query.js';
import { proposalDecider } from '../proposal.decider.js';
import { ProposalNotFoundError } from '../proposal.errors.js';
import { proposalStream } from '../proposal.events.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import type { ExistingProposal } from '../proposal.state.js';

/** The plans a resident submitted in a round (their pseudonym is the plan's `submitterRef`). */
export class ListMyProposals extends Query<ProposalList> {
  constructor(
    readonly roundId: string,
    readonly tenant: string,
    readonly submitterRef: string,
  ) {
    super();
  }
}

/** One plan of the resident's own; anyone else's, or one of another round, reads as absent. */
export class GetMyProposal extends Query<ExistingProposal> {
  constructor(
    readonly roundId: string,
    readonly proposalId: string,
    readonly tenant: string,
    readonly submitterRef: string,
  ) {
    super();
  }
}

/** The round's plans (the same bounded scan as the staff list), the caller's only. */
@QueryHandler(ListMyProposals)
export class ListMyProposalsHandler implements IQueryHandler<ListMyProposals, ProposalList> {
  private readonly all: ListProposalsHandler;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(ROUND_GATEWAY) rounds: RoundGateway) {
    this.all = new ListProposalsHandler(store, rounds);
  }

  async execute({ roundId, tenant, submitterRef }: ListMyProposals): Promise<ProposalList> {
    const { plans, truncated } = await this.all.execute(new ListProposals(roundId, tenant));
    return { plans: plans.filter((plan) => plan.submitterRef === submitterRef), truncated };
  }
}

@QueryHandler(GetMyProposal)
export class GetMyProposalHandler implements IQueryHandler<GetMyProposal, ExistingProposal> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ roundId, proposalId, tenant, submitterRef }: GetMyProposal): Promise<ExistingProposal> {
    const { state } = await loadStream(this.store, proposalStream(proposalId), proposalDecider, tenant);
    if (!state.exists || state.roundId !== roundId || state.submitterRef !== submitterRef) throw new ProposalNotFoundError(`Plan ${proposalId} does not exist`, { proposalId });
    return state;
  }
}
