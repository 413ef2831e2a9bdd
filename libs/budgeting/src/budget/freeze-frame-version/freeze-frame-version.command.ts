import type { FrameVersionFrozen } from '../budget.events.js';
import { currentFrameVersion, type BudgetState } from '../budget.state.js';
import { BudgetFrameVersionOutdatedError, BudgetNotFoundError } from '../budget.errors.js';

export interface FreezeFrameVersionData {
  budgetId: string;
  version: number;
  roundId: string;
  frozenAt: string;
}

/** Sent by a round opening its vote; not an HTTP command of its own. */
export class FreezeFrameVersion {
  readonly type = 'FreezeFrameVersion' as const;
  constructor(readonly data: FreezeFrameVersionData) {}
}

export function freezeFrameVersion(command: FreezeFrameVersion, state: BudgetState): FrameVersionFrozen[] {
  const { budgetId, version, roundId, frozenAt } = command.data;
  if (!state.exists) throw new BudgetNotFoundError(`Budget ${budgetId} does not exist`, { budgetId });
  const current = currentFrameVersion(state);
  if (current.version !== version) {
    throw new BudgetFrameVersionOutdatedError(`The frame was amended to version ${current.version}; the round must follow it before voting opens`, {
      version,
      currentVersion: current.version,
    });
  }
  if (current.frozenBy.includes(roundId)) return [];
  return [{ type: 'FrameVersionFrozen', data: { budgetId, version, roundId, frozenAt } }];
}
