import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, handleCommand, loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import type { ProposalCommandResult } from '../proposal-http.js';
import { proposalDecider } from '../proposal.decider.js';
import { proposalStream } from '../proposal.events.js';
import type { GiveFeasibilityVerdict } from './give-feasibility-verdict.command.js';

export class GiveFeasibilityVerdictRequest {
  constructor(
    readonly command: Omit<GiveFeasibilityVerdict['data'], 'submittedBy'>,
    readonly context: CommandContext,
    readonly expectedRevision: bigint | undefined,
  ) {}
}

/** The verdict's decision needs who recorded the submission: that is in the first event's metadata, not its data. */
@CommandHandler(GiveFeasibilityVerdictRequest)
export class GiveFeasibilityVerdictHandler implements ICommandHandler<GiveFeasibilityVerdictRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ command, context, expectedRevision }: GiveFeasibilityVerdictRequest): Promise<ProposalCommandResult> {
    const stream = proposalStream(command.proposalId);
    // 1. Who recorded the submission (a missing or foreign plan is a 404).
    const { events } = await loadStream(this.store, stream, proposalDecider, context.tenant);
    const actor = events[0]!.metadata.actor;
    const submittedBy = typeof actor === 'string' ? actor : null;
    // 2. Decide and append at the caller's If-Match.
    const result = await handleCommand(this.store, stream, proposalDecider, { type: 'GiveFeasibilityVerdict', data: { ...command, submittedBy } }, context, {
      expectedRevision,
      streamMustExist: true,
      newId: () => this.ids.newId(),
    });
    return { proposalId: command.proposalId, revision: result.nextRevision, events: result.events.map((event) => event.type) };
  }
}
