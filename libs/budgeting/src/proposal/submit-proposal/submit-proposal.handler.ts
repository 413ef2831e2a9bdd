import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, handleCommand, type HandleCommandResult, toDomainEvent } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { CONTACT_DETAILS_VAULT, type ContactDetails, type ContactDetailsVault } from '../contact-details/contact-details.vault.js';
import { proposalDecider } from '../proposal.decider.js';
import { ProposalIdempotencyKeyReusedError } from '../proposal.errors.js';
import type { CostEstimate, ProposalEvent, ProposalSubmitted } from '../proposal.events.js';
import { proposalStream } from '../proposal.events.js';
import { initialProposalState } from '../proposal.state.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import { SubmitProposal } from './submit-proposal.command.js';

export interface SubmitProposalInput {
  areaId: string;
  themeId: string;
  title: string;
  summary: string;
  costEstimate: CostEstimate;
  contactDetails?: ContactDetails;
  submitterStaffRef?: string;
}

/** The new plan's id, its stream's revision and the events appended (on a replay: the first attempt's). */
export interface SubmitProposalResult extends Pick<HandleCommandResult<ProposalEvent>, 'nextRevision' | 'events'> {
  proposalId: string;
}

export class SubmitProposalRequest extends Command<SubmitProposalResult> {
  constructor(
    readonly roundId: string,
    readonly input: SubmitProposalInput,
    readonly envelope: CommandEnvelope,
    /** From the `Idempotency-Key` header: a retry with the same key answers with the plan the first attempt made. */
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}

/** A uuid-shaped id that only this municipality's key can produce, so a retry lands on the same stream. */
export function idempotentId(tenant: string, key: string, purpose: 'proposal' | 'submitter'): string {
  const hex = createHash('sha256').update(`${purpose}\n${tenant}\n${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

@CommandHandler(SubmitProposalRequest)
export class SubmitProposalHandler implements ICommandHandler<SubmitProposalRequest, SubmitProposalResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
    @Inject(CONTACT_DETAILS_VAULT) private readonly vault: ContactDetailsVault,
  ) {}

  async execute({ roundId, input, envelope, idempotencyKey }: SubmitProposalRequest): Promise<SubmitProposalResult> {
    const { context } = envelope;
    // 1. The ids: from the idempotency key when given (a retry finds its plan), fresh otherwise.
    const proposalId = idempotencyKey === undefined ? this.ids.newId() : idempotentId(context.tenant, idempotencyKey, 'proposal');
    const submitterRef = `sub-${idempotencyKey === undefined ? this.ids.newId() : idempotentId(context.tenant, idempotencyKey, 'submitter')}`;
    const stream = proposalStream(proposalId);
    const { contactDetails, submitterStaffRef, ...plan } = input;
    if (idempotencyKey !== undefined) {
      const replay = await this.replay(stream, roundId, input, context.tenant);
      if (replay !== null) return replay;
    }
    // 2. What the round and its frame allow (a missing or foreign round is a 404).
    const frame = await this.rounds.submissionFrame(roundId, context.tenant);
    const command = new SubmitProposal({ proposalId, submitterRef, submitterStaffRef: submitterStaffRef ?? null, ...plan, at: context.now.toISOString(), frame });
    // 3. Decide before anything is stored: a rejected plan leaves no personal data behind.
    proposalDecider.decide(command, initialProposalState());
    // 4. The contact details first: if the vault fails, no plan exists and the client may simply retry.
    if (contactDetails !== undefined) await this.vault.store(submitterRef, contactDetails);
    // 5. Append; the stream must not exist yet. If that fails, the details go again (unless a concurrent retry recorded the plan).
    try {
      const result = await handleCommand(this.store, stream, proposalDecider, command, context, { streamMustExist: false, newId: () => this.ids.newId() });
      return { proposalId, nextRevision: result.nextRevision, events: result.events };
    } catch (error) {
      const replay = idempotencyKey === undefined ? null : await this.replay(stream, roundId, input, context.tenant).catch(() => null);
      if (replay !== null) return replay;
      if (contactDetails !== undefined) await this.vault.discard(submitterRef).catch(() => undefined);
      throw error;
    }
  }

  /** The first attempt's answer when the key already made a plan; a key reused for another plan is refused. */
  private async replay(stream: string, roundId: string, input: SubmitProposalInput, tenant: string): Promise<SubmitProposalResult | null> {
    const [first] = await this.store.readStream(stream, { maxCount: 1 });
    if (first === undefined) return null;
    const submitted = toDomainEvent(first) as ProposalSubmitted;
    const same =
      first.metadata.tenant === tenant &&
      submitted.data.roundId === roundId &&
      submitted.data.areaId === input.areaId &&
      submitted.data.themeId === input.themeId &&
      submitted.data.version.title === input.title &&
      submitted.data.version.summary === input.summary &&
      submitted.data.version.costEstimate.investmentCents === input.costEstimate.investmentCents &&
      submitted.data.version.costEstimate.maintenancePerYearCents === input.costEstimate.maintenancePerYearCents &&
      submitted.data.version.costEstimate.maintenanceYears === input.costEstimate.maintenanceYears &&
      submitted.data.submitterStaffRef === (input.submitterStaffRef ?? null);
    if (!same) throw new ProposalIdempotencyKeyReusedError('This Idempotency-Key was used for another plan', {});
    return { proposalId: submitted.data.proposalId, nextRevision: first.revision, events: [submitted] };
  }
}
