import type { Decider } from '@lib/es';
import type { BudgetEvent } from './budget.events.js';
import { evolveBudget, initialBudgetState, type BudgetState } from './budget.state.js';
import { amendFrame, type AmendFrame } from './amend-frame/amend-frame.command.js';
import { establishBudget, type EstablishBudget } from './establish-budget/establish-budget.command.js';
import { freezeFrameVersion, type FreezeFrameVersion } from './freeze-frame-version/freeze-frame-version.command.js';
import { releaseFrameVersion, type ReleaseFrameVersion } from './release-frame-version/release-frame-version.command.js';

export type BudgetCommand = EstablishBudget | AmendFrame | FreezeFrameVersion | ReleaseFrameVersion;

export const budgetDecider: Decider<BudgetCommand, BudgetState, BudgetEvent> = {
  decide(command, state) {
    switch (command.type) {
      case 'EstablishBudget':
        return establishBudget(command, state);
      case 'AmendFrame':
        return amendFrame(command, state);
      case 'FreezeFrameVersion':
        return freezeFrameVersion(command, state);
      case 'ReleaseFrameVersion':
        return releaseFrameVersion(command, state);
    }
  },
  evolve: evolveBudget,
  initialState: initialBudgetState,
};
