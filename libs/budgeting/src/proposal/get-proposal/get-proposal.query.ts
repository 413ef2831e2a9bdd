import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type LoadedStream, loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE } from '@lib/platform';
import { CONTACT_DETAILS_VAULT, type ContactDetails, type ContactDetailsVault } from '../contact-details/contact-details.vault.js';
import { proposalDecider } from '../proposal.decider.js';
import { proposalStream } from '../proposal.events.js';
import type { ExistingProposal } from '../proposal.state.js';

/** The plan with its revision; its contact details only when asked for (administrators), null when erased or never given. */
export interface FoundProposal extends LoadedStream<ExistingProposal> {
  contactDetails?: ContactDetails | null;
}

export class GetProposal extends Query<FoundProposal> {
  constructor(
    readonly proposalId: string,
    readonly tenant: string,
    readonly withContactDetails = false,
  ) {
    super();
  }
}

/** Folds the plan's stream until the plans read model exists. */
@QueryHandler(GetProposal)
export class GetProposalHandler implements IQueryHandler<GetProposal, FoundProposal> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONTACT_DETAILS_VAULT) private readonly vault: ContactDetailsVault,
  ) {}

  async execute({ proposalId, tenant, withContactDetails }: GetProposal): Promise<FoundProposal> {
    const loaded = (await loadStream(this.store, proposalStream(proposalId), proposalDecider, tenant)) as LoadedStream<ExistingProposal>;
    if (!withContactDetails) return loaded;
    return { ...loaded, contactDetails: await this.vault.read(loaded.state.submitterRef) };
  }
}
