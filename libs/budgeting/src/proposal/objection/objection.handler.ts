import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandEnvelope } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { appendToProposal, type ProposalCommandResult } from '../proposal.append.js';
import type { RecordBeroep, RecordCourtRuling } from './beroep/beroep.command.js';
import type { ExtendObjectionDecisionTerm } from './extend-objection-term/extend-objection-term.command.js';
import type { RecordObjectionHearing, ScheduleObjectionHearing, SkipObjectionHearing } from './hearing/hearing.command.js';
import type { JudgeObjectionLateness } from './judge-lateness/judge-lateness.command.js';

/** The objection's steps that only append to the plan: lateness, hearing, term, beroep. */
export type ObjectionStep = JudgeObjectionLateness | ScheduleObjectionHearing | RecordObjectionHearing | SkipObjectionHearing | ExtendObjectionDecisionTerm | RecordBeroep | RecordCourtRuling;

export class ObjectionStepRequest extends Command<ProposalCommandResult> {
  constructor(
    readonly command: ObjectionStep,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(ObjectionStepRequest)
export class ObjectionStepHandler implements ICommandHandler<ObjectionStepRequest, ProposalCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ command, envelope }: ObjectionStepRequest): Promise<ProposalCommandResult> {
    return appendToProposal(this.store, this.ids, command, envelope);
  }
}
