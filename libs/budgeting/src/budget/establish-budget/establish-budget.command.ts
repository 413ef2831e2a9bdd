import type { BudgetEstablished, BudgetFrame, DecisionReference } from '../budget.events.js';
import type { BudgetState } from '../budget.state.js';
import { BudgetAlreadyEstablishedError, BudgetDecisionDateDoesNotExistError, BudgetDecisionReferenceRequiredError, BudgetUnknownTemplateError } from '../budget.errors.js';
import { isCompleteDecision, isNonexistentDate } from '../budget.decision-reference.js';
import { checkedFrame, mergeFrame } from '../budget.frame.js';
import { BUDGET_TEMPLATES, findTemplate } from '../../templates/budget-templates.js';

export interface EstablishBudgetData {
  budgetId: string;
  /** The complete frame, or (with `template`) the top-level fields that differ from the template. */
  frame: Partial<BudgetFrame>;
  decision: DecisionReference | null;
  template: string | null;
  establishedAt: string;
}

export class EstablishBudget {
  readonly type = 'EstablishBudget' as const;
  constructor(readonly data: EstablishBudgetData) {}
}

export function establishBudget(command: EstablishBudget, state: BudgetState): BudgetEstablished[] {
  const { budgetId, decision, template, establishedAt } = command.data;
  if (state.exists) throw new BudgetAlreadyEstablishedError(`Budget ${budgetId} is already established`, { budgetId });
  if (isNonexistentDate(decision?.date)) throw new BudgetDecisionDateDoesNotExistError(`The decision's date ${decision!.date} does not exist`, { field: 'decision.date', date: decision!.date });
  if (!isCompleteDecision(decision)) {
    throw new BudgetDecisionReferenceRequiredError('A budget is established by a council or college decision: give its body, number and date');
  }
  let frame = command.data.frame as BudgetFrame;
  if (template !== null) {
    const found = findTemplate(template);
    if (!found) throw new BudgetUnknownTemplateError(`There is no template ${template}`, { template, templates: BUDGET_TEMPLATES.map((t) => t.name) });
    frame = mergeFrame(found.frame, command.data.frame);
  }
  const areaAmounts = checkedFrame(frame);
  return [{ type: 'BudgetEstablished', data: { budgetId, version: 1, frame, areaAmounts, decision, template, establishedAt } }];
}
