import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandEnvelope, handleCommand, type HandleCommandResult, toDomainEvent } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { CONTACT_DETAILS_VAULT, type ContactDetails, type ContactDetailsVault } from '../contact-details/contact-details.vault.js';
import { type ProposalCommand, proposalDecider } from '../proposal.decider.js';
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

/** What a new plan is written with: the store and its ids, and the vault for the submitter's contact details. */
export interface NewPlanPorts {
  store: EventStore;
  ids: IdGenerator;
  vault: ContactDetailsVault;
}

/**
 * A new plan, by staff or by the resident: decided before anything is stored (a refused plan leaves
 * no personal data behind), then the contact details under the submitter's reference, then the
 * append to the new stream. When the append fails, `recover` may still answer (a concurrent retry
 * recorded the plan); else the details stored only for this plan go again. A submitter who may
 * have other plans (`submitterMayHaveOtherPlans`: a resident's pseudonym) keeps details given before.
 */
export async function submitNewPlan(
  ports: NewPlanPorts,
  command: Extract<ProposalCommand, { type: 'SubmitProposal' | 'SubmitOwnProposal' }>,
  context: CommandContext,
  contactDetails: ContactDetails | undefined,
  options: { submitterMayHaveOtherPlans: boolean; recover?: () => Promise<SubmitProposalResult | null> },
): Promise<SubmitProposalResult> {
  const { proposalId, submitterRef } = command.data;
  proposalDecider.decide(command, initialProposalState());
  const hadDetails = options.submitterMayHaveOtherPlans && contactDetails !== undefined && (await ports.vault.read(submitterRef)) !== null;
  if (contactDetails !== undefined) await ports.vault.store(submitterRef, contactDetails);
  try {
    const result = await handleCommand(ports.store, proposalStream(proposalId), proposalDecider, command, context, { streamMustExist: false, newId: () => ports.ids.newId() });
    return { proposalId, nextRevision: result.nextRevision, events: result.events };
  } catch (error) {
    const recovered = options.recover === undefined ? null : await options.recover().catch(() => null);
    if (recovered !== null) return recovered;
    if (contactDetails !== undefined && !hadDetails) await ports.vault.discard(submitterRef).catch(() => undefined);
    throw error;
  }
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
    // 3. Decide; the contact details first (if the vault fails, no plan exists and the client may simply retry); append to the
    //    new stream. If that fails, the details go again, unless a concurrent retry with the same key recorded the plan.
    const ports = { store: this.store, ids: this.ids, vault: this.vault };
    return submitNewPlan(ports, command, context, contactDetails, {
      submitterMayHaveOtherPlans: false,
      ...(idempotencyKey === undefined ? {} : { recover: () => this.replay(stream, roundId, input, context.tenant) }),
    });
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
