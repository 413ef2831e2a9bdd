import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { ExecuteProposalCommand, type ProposalCommandResult } from './proposal-http.js';
import { proposalDecider } from './proposal.decider.js';
import { proposalStream } from './proposal.events.js';
import { ROUND_GATEWAY, type RoundGateway } from './proposal.round-gateway.js';

/** The plan commands that touch only their own stream; closing and returning money also hand the unspent money back to the round. */
@CommandHandler(ExecuteProposalCommand)
export class ProposalCommandHandler implements ICommandHandler<ExecuteProposalCommand, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
  ) {}

  async execute({ command, context, expectedRevision }: ExecuteProposalCommand): Promise<ProposalCommandResult> {
    const proposalId = command.data.proposalId;
    // 1. Read, fold, decide, append with the expected revision.
    const result = await handleCommand(this.store, proposalStream(proposalId), proposalDecider, command, context, {
      expectedRevision,
      streamMustExist: true,
      newId: () => this.ids.newId(),
    });
    // 2. Give released money back to the round's ceiling (after the fact is recorded: a failure here leaves the ceiling too tight, never too loose).
    for (const event of result.events) {
      if ('releasedCents' in event.data && event.data.releasedCents > 0) {
        const roundId = await this.roundOf(proposalId);
        await this.rounds.releaseFunds(roundId, proposalId, event.data.releasedCents, `Plan ${proposalId}: ${event.type}`, context);
      }
    }
    return { proposalId, revision: result.nextRevision, events: result.events.map((event) => event.type) };
  }

  private async roundOf(proposalId: string): Promise<string> {
    const [first] = await this.store.readStream(proposalStream(proposalId), { maxCount: 1 });
    return (first!.data as { roundId: string }).roundId;
  }
}
