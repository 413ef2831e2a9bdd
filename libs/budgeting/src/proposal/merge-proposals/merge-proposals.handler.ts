import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, handleCommand, loadStream, toDomainEvent } from '@lib/es';
import { type EventStore, WrongExpectedVersionError } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator, Reactors } from '@lib/platform';
import { appendedEvents } from '../../round/round-command.runner.js';
import type { ProposalCommandResult } from '../proposal.append.js';
import { proposalDecider } from '../proposal.decider.js';
import { type ProposalEvent, proposalStream } from '../proposal.events.js';
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
 * One stream: the absorbed plan records the merge (`ProposalMergedInto`, at the revision just read: it
 * is the one that must never merge twice). Everything that can refuse it (both plans, both decisions,
 * the caller's If-Match on the continuing plan) is checked before. The `plan-merge` reactor records
 * `ProposalAbsorbed` on the continuing plan; the request waits for it, a bounded time, and answers the
 * continuing plan's revision as before.
 */
@CommandHandler(MergeProposalsRequest)
export class MergeProposalsHandler implements ICommandHandler<MergeProposalsRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly reactors: Reactors,
  ) {}

  async execute({ data, envelope }: MergeProposalsRequest): Promise<ProposalCommandResult> {
    const { continuingProposalId, mergedProposalId, reason, at } = data;
    const { context, expectedRevision } = envelope;
    // 1. Read both plans (foreign or missing: 404).
    const continuingStream = proposalStream(continuingProposalId);
    const absorbedStream = proposalStream(mergedProposalId);
    const continuing = await loadStream(this.store, continuingStream, proposalDecider, context.tenant);
    const absorbed = await loadStream(this.store, absorbedStream, proposalDecider, context.tenant);
    const continuingState = continuing.state as ExistingProposal;
    const absorbedState = absorbed.state as ExistingProposal;
    // 2. The caller's If-Match names the continuing plan: a stale one is refused before anything is written.
    if (expectedRevision !== undefined && expectedRevision !== continuing.revision) throw new WrongExpectedVersionError(continuingStream, expectedRevision, continuing.revision);
    // 3. Decide both before writing: a rejection appends nothing anywhere.
    proposalDecider.decide(new AbsorbProposal({ proposalId: continuingProposalId, absorbed: absorbedState, reason, at }), continuingState);
    const mergeInto = new MergeIntoProposal({ proposalId: mergedProposalId, continuing: continuingState, reason, at });
    // 4. The absorbed plan, at the revision just read: the merge is decided here, once.
    const result = await handleCommand(this.store, absorbedStream, proposalDecider, mergeInto, context, { expectedRevision: absorbed.revision, streamMustExist: true, newId: () => this.ids.newId() });
    // 5. Wait (a bounded time) for the continuing plan to record it, and answer that plan's revision.
    const appended = await appendedEvents(this.store, absorbedStream, result);
    const reactions = await this.reactors.settled(appended, this.reactors.waitMs);
    const mergedInto = appended.find((e) => e.type === 'ProposalMergedInto');
    const after = await this.store.readStream(continuingStream, { fromRevision: continuing.revision + 1n });
    const recorded = after.find((e) => e.type === 'ProposalAbsorbed' && e.metadata.$causationId === mergedInto?.id);
    const events = recorded ? [toDomainEvent(recorded) as ProposalEvent] : [];
    const nextRevision = recorded?.revision ?? (after.length > 0 ? after[after.length - 1]!.revision : continuing.revision);
    return { nextRevision, position: recorded?.position ?? null, events, ...(reactions.awaited.length > 0 ? { reactions } : {}) };
  }
}
