import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { loadStream } from '@lib/es';
import type { EventStore, Position } from '@lib/event-store';
import { EVENT_STORE } from '@lib/platform';
import { proposalDecider } from '../proposal.decider.js';
import { PROPOSAL_CATEGORY, proposalStream, type ProposalSubmitted } from '../proposal.events.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import type { ExistingProposal } from '../proposal.state.js';

/** Until the plans read model exists: how far a list may scan `$all`, and how many plans it returns. */
export const LIST_SCAN_LIMIT = 20_000;
export const LIST_PAGE = 1_000;
export const LIST_MAX_PLANS = 500;

export interface ProposalList {
  plans: ExistingProposal[];
  /** True when the bounds cut the list short. */
  truncated: boolean;
}

export class ListProposals extends Query<ProposalList> {
  constructor(
    readonly roundId: string,
    readonly tenant: string,
  ) {
    super();
  }
}

/** Scans `$all` for this round's submissions (bounded), then folds each plan's stream. */
@QueryHandler(ListProposals)
export class ListProposalsHandler implements IQueryHandler<ListProposals, ProposalList> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
  ) {}

  async execute({ roundId, tenant }: ListProposals): Promise<ProposalList> {
    await this.rounds.assertRound(roundId, tenant);
    const ids: string[] = [];
    let after: Position | 'start' = 'start';
    let scanned = 0;
    let truncated = false;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: LIST_PAGE, filter: { streamPrefixes: [`${PROPOSAL_CATEGORY}-`], eventTypes: ['ProposalSubmitted'] } });
      for (const event of page) {
        const data = event.data as ProposalSubmitted['data'];
        if (event.metadata.tenant === tenant && data.roundId === roundId) ids.push(data.proposalId);
      }
      scanned += page.length;
      if (page.length < LIST_PAGE) break;
      if (scanned >= LIST_SCAN_LIMIT || ids.length >= LIST_MAX_PLANS) {
        truncated = true;
        break;
      }
      after = page[page.length - 1]!.position;
    }
    if (ids.length > LIST_MAX_PLANS) truncated = true;
    const plans: ExistingProposal[] = [];
    for (const id of ids.slice(0, LIST_MAX_PLANS)) {
      plans.push((await loadStream(this.store, proposalStream(id), proposalDecider, tenant)).state as ExistingProposal);
    }
    return { plans, truncated };
  }
}
