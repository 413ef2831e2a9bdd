import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, handleCommand, type HandleCommandResult } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { budgetDecider } from '../budget.decider.js';
import { budgetStream, type BudgetEvent } from '../budget.events.js';
import { AmendFrame, type AmendFrameData } from './amend-frame.command.js';

export class AmendFrameRequest extends Command<HandleCommandResult<BudgetEvent>> {
  constructor(
    readonly data: AmendFrameData,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(AmendFrameRequest)
export class AmendFrameHandler implements ICommandHandler<AmendFrameRequest, HandleCommandResult<BudgetEvent>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: AmendFrameRequest): Promise<HandleCommandResult<BudgetEvent>> {
    return handleCommand(this.store, budgetStream(data.budgetId), budgetDecider, new AmendFrame(data), envelope.context, {
      expectedRevision: envelope.expectedRevision,
      streamMustExist: true,
      newId: () => this.ids.newId(),
    });
  }
}
