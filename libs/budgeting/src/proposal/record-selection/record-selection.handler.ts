import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { readRound } from '../../round/round.read.js';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import { proposalDecider } from '../proposal.decider.js';
import { proposalStream } from '../proposal.events.js';
import { RecordSelection, type RoundOutcome } from './record-selection.command.js';

export class RecordSelectionRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: Omit<RecordSelection['data'], 'result'>,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** Reads the plan's round for its result, then records what that result says about the plan. */
@CommandHandler(RecordSelectionRequest)
export class RecordSelectionHandler implements ICommandHandler<RecordSelectionRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ data, envelope }: RecordSelectionRequest): Promise<ProposalCommandResult> {
    const { tenant } = envelope.context;
    // 1. The plan's round (a missing or foreign plan is a 404).
    const { state } = await loadStream(this.store, proposalStream(data.proposalId), proposalDecider, tenant);
    if (!state.exists) throw new Error('unreachable: a loaded plan exists');
    // 2. The round's result as published or last corrected, and whether it was adopted.
    const round = (await readRound(this.store, state.roundId, tenant)).state;
    const result: RoundOutcome | null =
      round.result === null ? null : { winners: round.result.winners.map((w) => w.proposalId), adopted: round.result.adoption !== null, corrections: round.result.corrections };
    // 3. Decide and append at the caller's If-Match.
    return appendToProposal(this.store, this.ids, new RecordSelection({ ...data, result }), envelope);
  }
}
