import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, handleCommand, loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { readRound } from '../../round/round.read.js';
import type { ProposalCommandResult } from '../proposal-http.js';
import { proposalDecider } from '../proposal.decider.js';
import { proposalStream } from '../proposal.events.js';
import type { RecordSelection, RoundOutcome } from './record-selection.command.js';

export class RecordSelectionRequest {
  constructor(
    readonly proposalId: string,
    readonly selected: boolean | null,
    readonly reason: string,
    readonly context: CommandContext,
    readonly expectedRevision: bigint | undefined,
  ) {}
}

/** Reads the plan's round for its result, then records what that result says about the plan. */
@CommandHandler(RecordSelectionRequest)
export class RecordSelectionHandler implements ICommandHandler<RecordSelectionRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ proposalId, selected, reason, context, expectedRevision }: RecordSelectionRequest): Promise<ProposalCommandResult> {
    // 1. The plan's round (a missing or foreign plan is a 404).
    const { state } = await loadStream(this.store, proposalStream(proposalId), proposalDecider, context.tenant);
    if (!state.exists) throw new Error('unreachable: a loaded plan exists');
    // 2. The round's result as published or last corrected, and whether it was adopted.
    const round = (await readRound(this.store, state.roundId, context.tenant)).state;
    const result: RoundOutcome | null =
      round.result === null ? null : { winners: round.result.winners.map((w) => w.proposalId), adopted: round.result.adoption !== null, corrections: round.result.corrections };
    // 3. Decide and append at the caller's If-Match.
    const command: RecordSelection = { type: 'RecordSelection', data: { proposalId, selected, result, reason, at: context.now.toISOString() } };
    const appended = await handleCommand(this.store, proposalStream(proposalId), proposalDecider, command, context, { expectedRevision, streamMustExist: true, newId: () => this.ids.newId() });
    return { proposalId, revision: appended.nextRevision, events: appended.events.map((event) => event.type) };
  }
}
