import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, handleCommand } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { CONTACT_DETAILS_VAULT, type ContactDetails, type ContactDetailsVault } from '../contact-details/contact-details.vault.js';
import { proposalDecider } from '../proposal.decider.js';
import type { CostEstimate } from '../proposal.events.js';
import { proposalStream } from '../proposal.events.js';
import { initialProposalState } from '../proposal.state.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import type { SubmitProposalResult } from '../submit-proposal/submit-proposal.handler.js';
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
    // 2. Decide before anything is stored: a refused plan leaves no personal data behind.
    proposalDecider.decide(command, initialProposalState());
    // 3. The contact details under the resident's pseudonym (the latest given replace earlier ones: one resident, one address).
    const hadDetails = contactDetails !== undefined && (await this.vault.read(submitterRef)) !== null;
    if (contactDetails !== undefined) await this.vault.store(submitterRef, contactDetails);
    // 4. Append to the new stream. If that fails, details stored only for this plan go again; earlier ones stay for the resident's other plans.
    try {
      const result = await handleCommand(this.store, proposalStream(proposalId), proposalDecider, command, context, { streamMustExist: false, newId: () => this.ids.newId() });
      return { proposalId, nextRevision: result.nextRevision, events: result.events };
    } catch (error) {
      if (contactDetails !== undefined && !hadDetails) await this.vault.discard(submitterRef).catch(() => undefined);
      throw error;
    }
  }
}
