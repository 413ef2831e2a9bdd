import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, CommandStreamMissing, handleCommand, type HandleCommandResult } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { readBudget } from '../../budget/budget.read.js';
import { currentFrameVersion } from '../../budget/budget.state.js';
import { RoundRequest } from '../round-command.runner.js';
import { roundDecider } from '../round.decider.js';
import { RoundUnknownBudgetError } from '../round.errors.js';
import { roundStream, type RoundEvent } from '../round.events.js';
import { roundFrameOf } from '../round.frame.js';
import { PlanRound, type PlanRoundData } from './plan-round.command.js';

export class PlanRoundRequest extends RoundRequest<Omit<PlanRoundData, 'frame' | 'frameTitle'>> {}

/** Plans a round under the budget's version in force (also used outside Nest: the Pabulib import). */
export async function planNewRound(store: EventStore, newId: () => string, data: PlanRoundRequest['data'], context: CommandContext): Promise<HandleCommandResult<RoundEvent>> {
  const budget = await readBudget(store, data.budgetId, context.tenant).catch((error: unknown) => {
    if (error instanceof CommandStreamMissing) throw new RoundUnknownBudgetError(`Budget ${data.budgetId} does not exist`, { budgetId: data.budgetId });
    throw error;
  });
  const command = new PlanRound({ ...data, frame: roundFrameOf(budget.state), frameTitle: currentFrameVersion(budget.state).frame.title });
  return handleCommand(store, roundStream(data.roundId), roundDecider, command, context, { streamMustExist: false, newId });
}

@CommandHandler(PlanRoundRequest)
export class PlanRoundHandler implements ICommandHandler<PlanRoundRequest, HandleCommandResult<RoundEvent>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: PlanRoundRequest): Promise<HandleCommandResult<RoundEvent>> {
    return planNewRound(this.store, () => this.ids.newId(), data, envelope.context);
  }
}
