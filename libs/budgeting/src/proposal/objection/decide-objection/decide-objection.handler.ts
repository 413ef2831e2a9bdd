import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, handleCommand, loadStream, toDomainEvent } from '@lib/es';
import { type EventStore, WrongExpectedVersionError } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import type { ProposalCommandResult } from '../../proposal.append.js';
import { proposalDecider } from '../../proposal.decider.js';
import { type ProposalEvent, type ProposalObjectionDecided, proposalStream } from '../../proposal.events.js';
import { ROUND_GATEWAY, type RoundGateway } from '../../proposal.round-gateway.js';
import type { ExistingProposal } from '../../proposal.state.js';
import { DecideObjection, revisedCommitmentCents } from './decide-objection.command.js';

export class DecideObjectionRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly data: DecideObjection['data'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/**
 * A decision without a revised grant is the plan's alone. A revised grant is taken as a grant is:
 * the round commits the raise (ROUND.CEILING_EXCEEDED stops it with nothing written anywhere), and
 * the `grant-recorder` reactor records the decision on the objection and the revised grant on the
 * plan, at the revision decided on (or releases the raise when the plan changed meanwhile).
 */
@CommandHandler(DecideObjectionRequest)
export class DecideObjectionHandler implements ICommandHandler<DecideObjectionRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ROUND_GATEWAY) private readonly rounds: RoundGateway,
  ) {}

  async execute({ data, envelope }: DecideObjectionRequest): Promise<ProposalCommandResult> {
    const { context, expectedRevision } = envelope;
    const command = new DecideObjection(data);
    const stream = proposalStream(data.proposalId);
    // 1. Read the plan, honour If-Match and decide: a refusal stops here with nothing written anywhere.
    const loaded = await loadStream(this.store, stream, proposalDecider, context.tenant, expectedRevision);
    const pinned = loaded.revision;
    const [decided] = proposalDecider.decide(command, loaded.state) as ProposalObjectionDecided[];
    // 2. No revised grant: the plan only, at the revision decided on.
    if (decided!.data.revised === null) {
      return handleCommand(this.store, stream, proposalDecider, command, context, { expectedRevision: pinned, streamMustExist: true, newId: () => this.ids.newId() });
    }
    // 3. A revised grant: the round commits the raise, carrying the decision on the objection for the plan.
    const plan = loaded.state as ExistingProposal;
    const { decisionReference, decisionDate, beroep, reason, revised } = decided!.data;
    const grant = { proposalRevision: Number(pinned), decisionReference, decisionDate, appeal: beroep, reason, objection: decided!.data, grantedTotalCents: revised!.amountCents };
    const { commitment, reactions } = await this.rounds.commitGrant(plan.roundId, plan.proposalId, revisedCommitmentCents(plan, revised!), plan.areaId, grant, context);
    // 4. The plan as the reactor left it: the decision and the revised grant it recorded for this commitment, if it did.
    const after = await this.store.readStream(stream, { fromRevision: pinned + 1n });
    const recorded = after.filter((e) => e.metadata.$causationId === commitment.id);
    if (recorded.length > 0) {
      const last = recorded[recorded.length - 1]!;
      return { nextRevision: last.revision, position: last.position, events: recorded.map((e) => toDomainEvent(e) as ProposalEvent), ...(reactions ? { reactions } : {}) };
    }
    // 5. The reactor refused (the plan changed since it was read): the raise is released.
    const current = after.length > 0 ? after[after.length - 1]!.revision : pinned;
    if (reactions?.complete !== false) throw new WrongExpectedVersionError(stream, pinned, current);
    // 6. The wait ran out: the grant is committed and will be recorded (or released) on its own.
    return { nextRevision: current, position: null, events: [], reactions };
  }
}
