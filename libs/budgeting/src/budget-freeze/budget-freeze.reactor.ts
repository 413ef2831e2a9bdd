import type { Reaction, Reactor } from '@lib/es';
import { handleCommand } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { budgetDecider } from '../budget/budget.decider.js';
import { budgetStream } from '../budget/budget.events.js';
import { FreezeFrameVersion } from '../budget/freeze-frame-version/freeze-frame-version.command.js';
import { ReleaseFrameVersion } from '../budget/release-frame-version/release-frame-version.command.js';
import type { ResultAdopted, RoundPhaseAdvanced, RoundRulesFrozen } from '../round/round.events.js';
import { roundAsOf } from '../round/round.history.js';

export type BudgetFreezeCommand = FreezeFrameVersion | ReleaseFrameVersion;

/**
 * The budget follows its rounds: the frame version a round votes under is frozen when the round
 * freezes its rules (no amendment while residents vote under it), and released once the result is
 * adopted or the round closes.
 */
export const budgetFreezeReactor: Reactor<BudgetFreezeCommand> = {
  name: 'budget-freeze',
  canHandle: ['RoundRulesFrozen', 'ResultAdopted', 'RoundPhaseAdvanced'],
  handle(event, history) {
    const round = roundAsOf(history);
    if (!round) return [];
    const { budgetId, roundId } = round;
    if (event.type === 'RoundRulesFrozen') {
      const { frameVersion, at } = event.data as RoundRulesFrozen['data'];
      return [new FreezeFrameVersion({ budgetId, version: frameVersion, roundId, frozenAt: at })];
    }
    if (event.type === 'ResultAdopted') return [new ReleaseFrameVersion({ budgetId, roundId, releasedAt: (event.data as ResultAdopted['data']).at })];
    const advanced = event.data as RoundPhaseAdvanced['data'];
    if (advanced.to === 'closed') return [new ReleaseFrameVersion({ budgetId, roundId, releasedAt: advanced.at })];
    return [];
  },
};

/** The reactor with its commands on the Budget stream (freezing or releasing twice appends nothing). */
export function budgetFreezeReaction(store: EventStore): Reaction<BudgetFreezeCommand> {
  return {
    reactor: budgetFreezeReactor,
    async execute(command, { context, newId }) {
      await handleCommand(store, budgetStream(command.data.budgetId), budgetDecider, command, context, { streamMustExist: true, newId });
    },
  };
}
