import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, handleCommand, loadStream } from '@lib/es';
import { type EventStore, WrongExpectedVersionError } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import type { ProposalCommandResult } from '../proposal.append.js';
import { proposalDecider } from '../proposal.decider.js';
import { proposalStream } from '../proposal.events.js';
import type { ExistingProposal } from '../proposal.state.js';
import { ROUND_GATEWAY, type RoundGateway } from '../proposal.round-gateway.js';
import { DecideGrant } from './decide-grant.command.js';

export class DecideGrantRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: DecideGrant['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** A grant first commits its amount under the round's ceiling (the round's own command), then records the beschikking. */
@CommandHandler(DecideGrantRequest)
export class DecideGrantHandler implements ICommandHandler<DecideGrantRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
  ) {}

  async execute({ data, envelope }: DecideGrantRequest): Promise<ProposalCommandResult> {
    const { context, expectedRevision } = envelope;
    const { proposalId } = data;
    const command = new DecideGrant(data);
    const stream = proposalStream(proposalId);
    // 1. Read the plan, honour If-Match and decide: a stale revision or a rejection (deadline, status, amount) stops here with nothing written anywhere.
    const loaded = await loadStream(this.store, stream, proposalDecider, context.tenant);
    if (expectedRevision !== undefined && expectedRevision !== loaded.revision) throw new WrongExpectedVersionError(stream, expectedRevision, loaded.revision);
    const pinned = loaded.revision;
    const [decision] = proposalDecider.decide(command, loaded.state);
    // 2. Commit the money under the round's ceiling: ROUND.CEILING_EXCEEDED stops here, the plan unchanged.
    const granted = decision?.type === 'ProposalGranted' ? decision.data : null;
    if (granted !== null) await this.rounds.commitFunds(granted.roundId, proposalId, granted.amountCents, (loaded.state as ExistingProposal).areaId, context);
    // 3. Append the beschikking at the revision decided on; if that fails, give the money back.
    try {
      return await handleCommand(this.store, stream, proposalDecider, command, context, { expectedRevision: pinned, streamMustExist: true, newId: () => this.ids.newId() });
    } catch (error) {
      if (granted !== null) await this.rounds.releaseFunds(granted.roundId, proposalId, granted.amountCents, 'The grant was not recorded: its commitment is undone', context);
      throw error;
    }
  }
}
