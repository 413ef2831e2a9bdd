import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, handleCommand, loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import type { ProposalCommandResult } from '../proposal-http.js';
import { proposalDecider } from '../proposal.decider.js';
import { proposalStream } from '../proposal.events.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';

export class SupportProposalRequest {
  constructor(
    readonly proposalId: string,
    readonly supporterRef: string,
    readonly context: CommandContext,
    readonly expectedRevision: bigint | undefined,
  ) {}
}

@CommandHandler(SupportProposalRequest)
export class SupportProposalHandler implements ICommandHandler<SupportProposalRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
  ) {}

  async execute({ proposalId, supporterRef, context, expectedRevision }: SupportProposalRequest): Promise<ProposalCommandResult> {
    // 1. The plan's round, and whether it collects support and from how many the frame asks.
    const { state } = await loadStream(this.store, proposalStream(proposalId), proposalDecider, context.tenant);
    if (!state.exists) throw new Error('unreachable: a loaded plan exists');
    const rules = await this.rounds.supportRules(state.roundId, context.tenant);
    // 2. Decide and append.
    const result = await handleCommand(
      this.store,
      proposalStream(proposalId),
      proposalDecider,
      { type: 'SupportProposal', data: { proposalId, supporterRef, ...rules, at: context.now.toISOString() } },
      context,
      { expectedRevision, streamMustExist: true, newId: () => this.ids.newId() },
    );
    return { proposalId, revision: result.nextRevision, events: result.events.map((event) => event.type) };
  }
}
