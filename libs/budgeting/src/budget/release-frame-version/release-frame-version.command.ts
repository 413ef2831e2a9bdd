import type { FrameVersionReleased } from '../budget.events.js';
import type { BudgetState } from '../budget.state.js';
import { BudgetNotFoundError } from '../budget.errors.js';

export interface ReleaseFrameVersionData {
  budgetId: string;
  roundId: string;
  releasedAt: string;
}

/** Sent when the round that froze a version has its result adopted or closes; releasing twice changes nothing. */
export class ReleaseFrameVersion {
  readonly type = 'ReleaseFrameVersion' as const;
  constructor(readonly data: ReleaseFrameVersionData) {}
}

export function releaseFrameVersion(command: ReleaseFrameVersion, state: BudgetState): FrameVersionReleased[] {
  const { budgetId, roundId, releasedAt } = command.data;
  if (!state.exists) throw new BudgetNotFoundError(`Budget ${budgetId} does not exist`, { budgetId });
  return state.versions
    .filter((v) => v.frozenBy.includes(roundId))
    .map((v) => ({ type: 'FrameVersionReleased' as const, data: { budgetId, version: v.version, roundId, releasedAt } }));
}
