import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import type { CostEstimate } from '../proposal.events.js';
import { loadPlanInRound } from '../proposal.read.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import { AmendOwnProposal } from './amend-my-proposal.command.js';

export class AmendMyProposalRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: { roundId: string; proposalId: string; title: string; summary: string; costEstimate: CostEstimate; reason: string; at: string },
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** The submitter (the context's actor) amends their plan; the round's intake, as it is now, decides whether it is still open. */
@CommandHandler(AmendMyProposalRequest)
export class AmendMyProposalHandler implements ICommandHandler<AmendMyProposalRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
  ) {}

  async execute({ data, envelope }: AmendMyProposalRequest): Promise<ProposalCommandResult> {
    const { roundId, ...amendment } = data;
    // 1. The plan, in the round the path names (a plan of another round reads as absent).
    await loadPlanInRound(this.store, envelope.context.tenant, data.proposalId, roundId);
    // 2. The round's intake now; then decide and append at the revision decided on.
    const frame = await this.rounds.submissionFrame(roundId, envelope.context.tenant);
    return appendToProposal(this.store, this.ids, new AmendOwnProposal({ ...amendment, submitterRef: envelope.context.actor, frame }), envelope);
  }
}
