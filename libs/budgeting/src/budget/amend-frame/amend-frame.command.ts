import type { BudgetFrame, DecisionReference, FrameAmended } from '../budget.events.js';
import { currentFrameVersion, type BudgetState } from '../budget.state.js';
import {
  BudgetDecisionDateDoesNotExistError,
  BudgetDecisionReferenceRequiredError,
  BudgetDecisionReferenceReusedError,
  BudgetFormChangeNotAllowedError,
  BudgetFrameFrozenError,
  BudgetNotFoundError,
  BudgetReasonRequiredError,
} from '../budget.errors.js';
import { isCompleteDecision, isNonexistentDate, sameDecision } from '../budget.decision-reference.js';
import { checkedFrame, mergeFrame } from '../budget.frame.js';

export interface AmendFrameData {
  budgetId: string;
  /** Top-level frame fields that change; the rest is copied from the version in force. */
  changes: Partial<BudgetFrame>;
  decision: DecisionReference | null;
  reason: string;
  amendedAt: string;
}

export class AmendFrame {
  readonly type = 'AmendFrame' as const;
  constructor(readonly data: AmendFrameData) {}
}

export function amendFrame(command: AmendFrame, state: BudgetState): FrameAmended[] {
  const { budgetId, changes, decision, reason, amendedAt } = command.data;
  if (!state.exists) throw new BudgetNotFoundError(`Budget ${budgetId} does not exist`, { budgetId });
  if (typeof reason !== 'string' || reason.trim() === '') throw new BudgetReasonRequiredError('An amendment states its reason');
  if (isNonexistentDate(decision?.date)) throw new BudgetDecisionDateDoesNotExistError(`The decision's date ${decision!.date} does not exist`, { field: 'decision.date', date: decision!.date });
  if (!isCompleteDecision(decision)) {
    throw new BudgetDecisionReferenceRequiredError('An amendment needs the new council or college decision: body, number and date');
  }
  const current = currentFrameVersion(state);
  if (current.frozenBy.length > 0) {
    throw new BudgetFrameFrozenError(`Frame version ${current.version} is frozen: a round is voting under it`, { version: current.version, rounds: current.frozenBy });
  }
  const earlier = state.versions.find((v) => sameDecision(v.decision, decision));
  if (earlier) {
    throw new BudgetDecisionReferenceReusedError(`Decision ${decision.number} already established frame version ${earlier.version}`, {
      version: earlier.version,
      number: decision.number,
    });
  }
  if (changes.form !== undefined && changes.form !== current.frame.form) {
    throw new BudgetFormChangeNotAllowedError('The form of a budget cannot change; establish a new budget', { form: current.frame.form });
  }
  const frame = mergeFrame(current.frame, changes);
  const areaAmounts = checkedFrame(frame);
  return [{ type: 'FrameAmended', data: { budgetId, version: current.version + 1, frame, areaAmounts, decision, reason, amendedAt } }];
}
