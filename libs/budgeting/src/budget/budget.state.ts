import type { AreaAmount, BudgetEvent, BudgetFrame, DecisionReference } from './budget.events.js';

export interface FrameVersion {
  version: number;
  frame: BudgetFrame;
  areaAmounts: AreaAmount[];
  decision: DecisionReference;
  /** ISO timestamp from which this version is in force. */
  since: string;
  reason: string | null;
  /** Rounds that opened voting under this version and have not yet had their result adopted. */
  frozenBy: string[];
  /** Every round that ever froze it (an auditor's view). */
  everFrozenBy: string[];
}

export interface ExistingBudget {
  exists: true;
  budgetId: string;
  template: string | null;
  /** Oldest first; the last one is in force. */
  versions: FrameVersion[];
}

export type BudgetState = { exists: false } | ExistingBudget;

export const initialBudgetState = (): BudgetState => ({ exists: false });

export function currentFrameVersion(state: ExistingBudget): FrameVersion {
  return state.versions[state.versions.length - 1]!;
}

export function frameVersion(state: ExistingBudget, version: number): FrameVersion | undefined {
  return state.versions.find((v) => v.version === version);
}

export function evolveBudget(state: BudgetState, event: BudgetEvent): BudgetState {
  switch (event.type) {
    case 'BudgetEstablished': {
      const { budgetId, frame, areaAmounts, decision, template, establishedAt } = event.data;
      return {
        exists: true,
        budgetId,
        template,
        versions: [{ version: 1, frame, areaAmounts, decision, since: establishedAt, reason: null, frozenBy: [], everFrozenBy: [] }],
      };
    }
    case 'FrameAmended': {
      if (!state.exists) return state;
      const { version, frame, areaAmounts, decision, reason, amendedAt } = event.data;
      return { ...state, versions: [...state.versions, { version, frame, areaAmounts, decision, since: amendedAt, reason, frozenBy: [], everFrozenBy: [] }] };
    }
    case 'FrameVersionFrozen': {
      if (!state.exists) return state;
      const { version, roundId } = event.data;
      return {
        ...state,
        versions: state.versions.map((v) => (v.version === version ? { ...v, frozenBy: [...v.frozenBy, roundId], everFrozenBy: [...v.everFrozenBy, roundId] } : v)),
      };
    }
    case 'FrameVersionReleased': {
      if (!state.exists) return state;
      const { version, roundId } = event.data;
      return { ...state, versions: state.versions.map((v) => (v.version === version ? { ...v, frozenBy: v.frozenBy.filter((r) => r !== roundId) } : v)) };
    }
    default:
      return state;
  }
}
