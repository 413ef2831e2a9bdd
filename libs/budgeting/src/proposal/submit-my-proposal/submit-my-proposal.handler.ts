import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { CONTACT_DETAILS_VAULT, type ContactDetails, type ContactDetailsVault } from '../contact-details/contact-details.vault.js';
import type { CostEstimate } from '../proposal.events.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import { type SubmitProposalResult, submitNewPlan } from '../submit-proposal/submit-proposal.handler.js';
import { SubmitOwnProposal } from './submit-my-proposal.command.js';

export interface SubmitMyProposalInput {
  areaId: string;
  themeId: string;
  title: string;
  summary: string;
  costEstimate: CostEstimate;
  contactDetails?: ContactDetails;
}

export class SubmitMyProposalRequest extends Command<SubmitProposalResult> {
  constructor(
    readonly roundId: string,
    readonly input: SubmitMyProposalInput,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** A resident's own plan: the submitter is the caller's pseudonym (the context's actor); the plan waits for moderation. */
@CommandHandler(SubmitMyProposalRequest)
export class SubmitMyProposalHandler implements ICommandHandler<SubmitMyProposalRequest, SubmitProposalResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
    @Inject(CONTACT_DETAILS_VAULT) private readonly vault: ContactDetailsVault,
  ) {}

  async execute({ roundId, input, envelope }: SubmitMyProposalRequest): Promise<SubmitProposalResult> {
    const { context } = envelope;
    const proposalId = this.ids.newId();
    const submitterRef = context.actor;
    const { contactDetails, ...plan } = input;
    // 1. What the round and its frame allow (a missing or foreign round is a 404).
    const frame = await this.rounds.submissionFrame(roundId, context.tenant);
    const command = new SubmitOwnProposal({ proposalId, submitterRef, ...plan, at: context.now.toISOString(), frame });
    // 2. Decide before anything is stored; the contact details under the resident's pseudonym (the latest given replace
    //    earlier ones: one resident, one address); append to the new stream. If that fails, details stored only for this
    //    plan go again; earlier ones stay for the resident's other plans.
    const ports = { store: this.store, ids: this.ids, vault: this.vault };
    return submitNewPlan(ports, command, context, contactDetails, { submitterMayHaveOtherPlans: true });
  }
}
