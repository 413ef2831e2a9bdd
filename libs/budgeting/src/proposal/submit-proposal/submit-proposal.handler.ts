import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, handleCommand } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { CONTACT_DETAILS_VAULT, type ContactDetails, type ContactDetailsVault } from '../contact-details/contact-details.vault.js';
import type { ProposalCommandResult } from '../proposal-http.js';
import { proposalDecider } from '../proposal.decider.js';
import type { CostEstimate } from '../proposal.events.js';
import { proposalStream } from '../proposal.events.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';

export interface SubmitProposalInput {
  areaId: string;
  themeId: string;
  title: string;
  summary: string;
  costEstimate: CostEstimate;
  contactDetails?: ContactDetails;
  submitterStaffRef?: string;
}

export class SubmitProposalRequest {
  constructor(
    readonly roundId: string,
    readonly input: SubmitProposalInput,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(SubmitProposalRequest)
export class SubmitProposalHandler implements ICommandHandler<SubmitProposalRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
    @Inject(CONTACT_DETAILS_VAULT) private readonly vault: ContactDetailsVault,
  ) {}

  async execute({ roundId, input, context }: SubmitProposalRequest): Promise<ProposalCommandResult> {
    // 1. What the round and its frame allow (a missing or foreign round is a 404).
    const frame = await this.rounds.submissionFrame(roundId, context.tenant);
    // 2. New ids: the plan, and the submitter's pseudonym that keys the contact details.
    const proposalId = this.ids.newId();
    const submitterRef = `sub-${this.ids.newId()}`;
    const { contactDetails, submitterStaffRef, ...plan } = input;
    // 3. Decide and append: the stream must not exist yet.
    const result = await handleCommand(
      this.store,
      proposalStream(proposalId),
      proposalDecider,
      { type: 'SubmitProposal', data: { proposalId, submitterRef, submitterStaffRef: submitterStaffRef ?? null, ...plan, at: context.now.toISOString(), frame } },
      context,
      { streamMustExist: false, newId: () => this.ids.newId() },
    );
    // 4. Personal data only once the plan exists, so a rejected submission leaves none behind.
    if (contactDetails !== undefined) await this.vault.store(submitterRef, contactDetails);
    return { proposalId, revision: result.nextRevision, events: result.events.map((event) => event.type) };
  }
}
