import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LoadedStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE } from '@lib/platform';
import { readBudget } from '../budget.read.js';
import type { ExistingBudget } from '../budget.state.js';

export class GetBudget extends Query<LoadedStream<ExistingBudget>> {
  constructor(
    readonly budgetId: string,
    readonly tenant: string,
  ) {
    super();
  }
}

/** Folds the stream: the frame as decided, not a projection that may lag. */
@QueryHandler(GetBudget)
export class GetBudgetHandler implements IQueryHandler<GetBudget, LoadedStream<ExistingBudget>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ budgetId, tenant }: GetBudget): Promise<LoadedStream<ExistingBudget>> {
    return readBudget(this.store, budgetId, tenant);
  }
}
