import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, handleCommand, loadStream, toDomainEvent } from '@lib/es';
import { type EventStore, WrongExpectedVersionError } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import type { ProposalCommandResult } from '../proposal.append.js';
import { proposalDecider } from '../proposal.decider.js';
import { type ProposalEvent, proposalStream } from '../proposal.events.js';
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

/**
 * The round decides the commitment, the plan records the beschikking. A refusal is the plan's alone.
 * A grant is the round's CommitFunds, carrying the decision and the plan's revision it was made on;
 * the `grant-recorder` reactor records it on the plan at that revision (or, when the plan changed
 * meanwhile, releases the commitment). The request waits for it, a bounded time, and answers the
 * plan's revision as before.
 */
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
    const loaded = await loadStream(this.store, stream, proposalDecider, context.tenant, expectedRevision);
    const pinned = loaded.revision;
    const [decision] = proposalDecider.decide(command, loaded.state);
    // 2. A refusal: the plan only, at the revision decided on.
    if (decision?.type !== 'ProposalGranted') {
      return handleCommand(this.store, stream, proposalDecider, command, context, { expectedRevision: pinned, streamMustExist: true, newId: () => this.ids.newId() });
    }
    // 3. A grant: the round commits the money (ROUND.CEILING_EXCEEDED stops here, nothing written), carrying the decision.
    const { roundId, amountCents, decisionReference, decisionDate, appeal, reason } = decision.data;
    const grant = { proposalRevision: Number(pinned), decisionReference, decisionDate, appeal, reason };
    const { commitment, reactions } = await this.rounds.commitGrant(roundId, proposalId, amountCents, (loaded.state as ExistingProposal).areaId, grant, context);
    // 4. The plan as the reactor left it: the grant it recorded for this commitment, if it did.
    const after = await this.store.readStream(stream, { fromRevision: pinned + 1n });
    const granted = after.find((e) => e.type === 'ProposalGranted' && e.metadata.$causationId === commitment.id);
    if (granted) return { nextRevision: granted.revision, position: granted.position, events: [toDomainEvent(granted) as ProposalEvent], ...(reactions ? { reactions } : {}) };
    // 5. The reactor ran and refused (the plan changed since it was read): its commitment is released, as an append at the pinned revision would have failed.
    const current = after.length > 0 ? after[after.length - 1]!.revision : pinned;
    if (reactions?.complete !== false) throw new WrongExpectedVersionError(stream, pinned, current);
    // 6. The wait ran out: the grant is committed and will be recorded (or released) on its own; the answer says so.
    return { nextRevision: current, position: null, events: [], reactions };
  }
}
