import { describe, it, expect } from '@jest/globals';
import { allocate, frameIssues } from '../budget/budget.frame.js';
import { BUDGET_TEMPLATES, findTemplate } from './budget-templates.js';

describe('budget templates', () => {
  it.each(BUDGET_TEMPLATES.map((t) => [t.name, t] as const))('%s is a complete, consistent frame', (_name, template) => {
    expect(frameIssues(template.frame)).toEqual([]);
  });

  it('covers the three common variants', () => {
    expect(BUDGET_TEMPLATES.map((t) => [t.name, t.frame.form])).toEqual([
      ['stadsdeel-burgerbegroting', 'burgerbegroting'],
      ['gemeentelijk-initiatievenfonds', 'initiatievenfonds'],
      ['dorpsbudget-basis-per-inwoner', 'dorpsbudget'],
    ]);
  });

  it('the stadsdeel burgerbegroting: postal voting code, cost-capped approval ballot, three equal wijken', () => {
    const { frame } = findTemplate('stadsdeel-burgerbegroting')!;
    expect(frame.participation.credential).toBe('postal-voting-code');
    expect(frame.ballot).toEqual({ type: 'approval', minPlans: 1, costCapCents: 10_000_000 });
    expect(allocate(frame)).toEqual([
      { areaCode: 'WIJK-1', amountCents: 10_000_000 },
      { areaCode: 'WIJK-2', amountCents: 10_000_000 },
      { areaCode: 'WIJK-3', amountCents: 10_000_000 },
    ]);
  });

  it('the initiatievenfonds: subsidy ceiling, 8-week term extendable once, fixed intake dates above €5.000', () => {
    const { frame } = findTemplate('gemeentelijk-initiatievenfonds')!;
    expect([frame.amountKind, frame.intake]).toEqual(['subsidy-ceiling', { decisionTermWeeks: 8, extensionWeeks: 6, fixedIntakeAboveCents: 500_000 }]);
  });

  it('the dorpsbudget: €5.000 plus €2 per inhabitant, at least €7.500', () => {
    expect(allocate(findTemplate('dorpsbudget-basis-per-inwoner')!.frame)).toEqual([
      { areaCode: 'DORP-1', amountCents: 980_000 },
      { areaCode: 'DORP-2', amountCents: 750_000 },
      { areaCode: 'DORP-3', amountCents: 750_000 },
    ]);
  });

  it('hands out copies: changing one never changes the template', () => {
    findTemplate('stadsdeel-burgerbegroting')!.frame.amountCents = 1;
    expect(findTemplate('stadsdeel-burgerbegroting')!.frame.amountCents).toBe(30_000_000);
  });
});
