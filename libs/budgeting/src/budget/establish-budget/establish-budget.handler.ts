import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandEnvelope, handleCommand, type HandleCommandResult } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { budgetDecider } from '../budget.decider.js';
import type { BudgetEvent } from '../budget.events.js';
import { budgetStream } from '../budget.events.js';
import { EstablishBudget, type EstablishBudgetData } from './establish-budget.command.js';

/** The CommandBus message: the domain command plus who sends it. */
export class EstablishBudgetRequest extends Command<HandleCommandResult<BudgetEvent>> {
  constructor(
    readonly data: EstablishBudgetData,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

@CommandHandler(EstablishBudgetRequest)
export class EstablishBudgetHandler implements ICommandHandler<EstablishBudgetRequest, HandleCommandResult<BudgetEvent>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: EstablishBudgetRequest): Promise<HandleCommandResult<BudgetEvent>> {
    return handleCommand(this.store, budgetStream(data.budgetId), budgetDecider, new EstablishBudget(data), envelope.context, {
      streamMustExist: false,
      newId: () => this.ids.newId(),
    });
  }
}
