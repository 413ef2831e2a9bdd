import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, handleCommand, loadStream } from '@lib/es';
import { type EventStore, WrongExpectedVersionError } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import type { ProposalCommandResult } from '../../proposal.append.js';
import { proposalDecider } from '../../proposal.decider.js';
import { ProposalNotFoundError } from '../../proposal.errors.js';
import { type ObjectionChannel, proposalStream } from '../../proposal.events.js';
import { groundsDigest, OBJECTION_GROUNDS_VAULT, type ObjectionGroundsVault } from '../grounds/objection-grounds.vault.js';
import { LodgeObjection } from './lodge-objection.command.js';

export interface LodgeObjectionInput {
  proposalId: string;
  channel: ObjectionChannel;
  residentRef: string | null;
  grounds: string;
  receivedOn: string | null;
  postedOn: string | null;
  at: string;
  /** The residents' route names the plan's round: a plan in another round is not found there. */
  roundId?: string;
}

export type LodgeObjectionResult = ProposalCommandResult & { objectionId: string };

export class LodgeObjectionRequest extends Command<LodgeObjectionResult> {
  constructor(
    readonly input: LodgeObjectionInput,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** The bezwaarschrift: decided on the plan first, then its grounds sealed in the vault, then appended; grounds of an append that failed go again. */
@CommandHandler(LodgeObjectionRequest)
export class LodgeObjectionHandler implements ICommandHandler<LodgeObjectionRequest, LodgeObjectionResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(OBJECTION_GROUNDS_VAULT) private readonly grounds: ObjectionGroundsVault,
  ) {}

  async execute({ input, envelope }: LodgeObjectionRequest): Promise<LodgeObjectionResult> {
    const { context, expectedRevision } = envelope;
    const { grounds, roundId, ...rest } = input;
    const objectionId = this.ids.newId();
    const text = grounds.trim();
    const command = new LodgeObjection({ ...rest, objectionId, groundsDigest: text === '' ? '' : groundsDigest(text) });
    const stream = proposalStream(input.proposalId);
    // 1. Read the plan, honour If-Match and decide: a refusal (no beschikking, late dates, not the applicant …) stores nothing.
    const loaded = await loadStream(this.store, stream, proposalDecider, context.tenant);
    if (roundId !== undefined && loaded.state.exists && loaded.state.roundId !== roundId) throw new ProposalNotFoundError(`Plan ${input.proposalId} does not exist`, { proposalId: input.proposalId });
    if (expectedRevision !== undefined && expectedRevision !== loaded.revision) throw new WrongExpectedVersionError(stream, expectedRevision, loaded.revision);
    const [lodged] = proposalDecider.decide(command, loaded.state);
    const objectorRef = (lodged!.data as { objectorRef: string }).objectorRef;
    // 2. The grounds under the objector's key, outside the event store.
    await this.grounds.store(objectorRef, objectionId, text);
    // 3. Append at the revision decided on; if that fails, the grounds of this objection go again.
    try {
      const result = await handleCommand(this.store, stream, proposalDecider, command, context, { expectedRevision: loaded.revision, streamMustExist: true, newId: () => this.ids.newId() });
      return { ...result, objectionId };
    } catch (error) {
      await this.grounds.discard(objectionId);
      throw error;
    }
  }
}
