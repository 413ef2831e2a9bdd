import { loadStream, type LoadedStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { budgetDecider } from './budget.decider.js';
import { budgetStream } from './budget.events.js';
import type { ExistingBudget } from './budget.state.js';

/** The budget folded from its stream, for the caller's municipality; throws CommandStreamMissing (→ 404 BUDGET.NOT_FOUND) otherwise. */
export async function readBudget(store: EventStore, budgetId: string, tenant: string): Promise<LoadedStream<ExistingBudget>> {
  const loaded = await loadStream(store, budgetStream(budgetId), budgetDecider, tenant);
  return loaded as LoadedStream<ExistingBudget>;
}
