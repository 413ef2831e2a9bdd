import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, handleCommand, loadStream } from '@lib/es';
import { type EventStore, WrongExpectedVersionError } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import type { ProposalCommandResult } from '../proposal.append.js';
import { proposalDecider } from '../proposal.decider.js';
import { proposalStream } from '../proposal.events.js';
import type { ExistingProposal } from '../proposal.state.js';
import { AbsorbProposal, MergeIntoProposal } from './merge-proposals.command.js';

export class MergeProposalsRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: { continuingProposalId: string; mergedProposalId: string; reason: string; at: string },
    /** Its `If-Match` names the continuing plan. */
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/**
 * Two streams, two appends. Everything that can refuse the command (both plans, both decisions, the
 * caller's If-Match) is checked before either append; the absorbed plan is written first (it is the
 * one that must not merge twice), then the continuing one, retried on a concurrent write when the
 * caller pinned no revision, because its decision depends only on the pair.
 */
@CommandHandler(MergeProposalsRequest)
export class MergeProposalsHandler implements ICommandHandler<MergeProposalsRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ data, envelope }: MergeProposalsRequest): Promise<ProposalCommandResult> {
    const { continuingProposalId, mergedProposalId, reason, at } = data;
    const { context, expectedRevision } = envelope;
    // 1. Read both plans (foreign or missing: 404).
    const continuing = await loadStream(this.store, proposalStream(continuingProposalId), proposalDecider, context.tenant);
    const absorbed = await loadStream(this.store, proposalStream(mergedProposalId), proposalDecider, context.tenant);
    const continuingState = continuing.state as ExistingProposal;
    const absorbedState = absorbed.state as ExistingProposal;
    // 2. The caller's If-Match names the continuing plan: a stale one is refused before anything is written.
    const continuingStream = proposalStream(continuingProposalId);
    if (expectedRevision !== undefined && expectedRevision !== continuing.revision) throw new WrongExpectedVersionError(continuingStream, expectedRevision, continuing.revision);
    // 3. Decide both before writing either: a rejection appends nothing anywhere.
    const absorb = new AbsorbProposal({ proposalId: continuingProposalId, absorbed: absorbedState, reason, at });
    const mergeInto = new MergeIntoProposal({ proposalId: mergedProposalId, continuing: continuingState, reason, at });
    proposalDecider.decide(absorb, continuingState);
    proposalDecider.decide(mergeInto, absorbedState);
    // 4. The absorbed plan, at the revision just read.
    await handleCommand(this.store, proposalStream(mergedProposalId), proposalDecider, mergeInto, context, {
      expectedRevision: absorbed.revision,
      streamMustExist: true,
      newId: () => this.ids.newId(),
    });
    // 5. The continuing plan, at the caller's If-Match when given.
    return handleCommand(this.store, continuingStream, proposalDecider, absorb, context, { expectedRevision, streamMustExist: true, newId: () => this.ids.newId() });
  }
}
