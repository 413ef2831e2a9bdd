import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { proposalDecider } from '../proposal.decider.js';
import { proposalStream } from '../proposal.events.js';
import { GiveFeasibilityVerdict } from './give-feasibility-verdict.command.js';

export class GiveFeasibilityVerdictRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: Omit<GiveFeasibilityVerdict['data'], 'submittedBy'>,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** The verdict's decision needs who recorded the submission: that is in the first event's metadata, not its data. */
@CommandHandler(GiveFeasibilityVerdictRequest)
export class GiveFeasibilityVerdictHandler implements ICommandHandler<GiveFeasibilityVerdictRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ data, envelope }: GiveFeasibilityVerdictRequest): Promise<ProposalCommandResult> {
    // 1. Who recorded the submission (a missing or foreign plan is a 404).
    const { events } = await loadStream(this.store, proposalStream(data.proposalId), proposalDecider, envelope.context.tenant);
    const actor = events[0]!.metadata.actor;
    const submittedBy = typeof actor === 'string' ? actor : null;
    // 2. Decide and append at the caller's If-Match.
    return appendToProposal(this.store, this.ids, new GiveFeasibilityVerdict({ ...data, submittedBy }), envelope);
  }
}
