import type { RecordedEvent } from '@lib/event-store';
import type { AreaAmount, BudgetEvent, BudgetFrame, DecisionReference } from '@lib/budgeting/events';
import { domainEvent, type Projection, type ProjectionContext, tenantOf, truncateTables } from '../projection.js';
import { RowBatch } from '../rows.js';
import type { BudgetOverviewRow } from './budget-overview.entity.js';

const TABLES = ['budget_overview'] as const;

/** Budgets: the frame version in force, its money and areas, and which rounds froze it. */
export const budgetOverviewProjection: Projection = {
  name: 'budget-overview',
  version: 1,
  canHandle: ['BudgetEstablished', 'FrameAmended', 'FrameVersionFrozen', 'FrameVersionReleased'],
  tables: TABLES,
  truncate: truncateTables(TABLES),
  async handle(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const budgets = new RowBatch<BudgetOverviewRow>(context, 'budget_overview', ['budget_id']);
    await budgets.load('budget_id', events.map((e) => (e.data as { budgetId?: string }).budgetId));
    for (const recorded of events) {
      const event = domainEvent<BudgetEvent>(recorded);
      const existing = budgets.get(event.data.budgetId);
      switch (event.type) {
        case 'BudgetEstablished':
          budgets.set({
            budget_id: event.data.budgetId,
            tenant: tenantOf(recorded),
            ...frameColumns(event.data.frame, event.data.areaAmounts, event.data.decision, event.data.version),
            frozen_by: [],
            established_at: event.data.establishedAt,
            updated_at: event.data.establishedAt,
          });
          break;
        case 'FrameAmended':
          if (!existing) break;
          budgets.set({ ...existing, ...frameColumns(event.data.frame, event.data.areaAmounts, event.data.decision, event.data.version), frozen_by: [], updated_at: event.data.amendedAt });
          break;
        case 'FrameVersionFrozen':
          if (!existing || existing.frame_version !== event.data.version) break;
          budgets.set({ ...existing, frozen_by: [...new Set([...existing.frozen_by, event.data.roundId])], updated_at: event.data.frozenAt });
          break;
        case 'FrameVersionReleased':
          if (!existing) break;
          budgets.set({ ...existing, frozen_by: existing.frozen_by.filter((r) => r !== event.data.roundId), updated_at: event.data.releasedAt });
          break;
      }
    }
    await budgets.flush();
  },
};

function frameColumns(frame: BudgetFrame, areaAmounts: AreaAmount[], decision: DecisionReference, version: number) {
  const amounts = new Map(areaAmounts.map((a) => [a.areaCode, a.amountCents]));
  return {
    title: frame.title,
    form: frame.form,
    amount_kind: frame.amountKind,
    amount_cents: frame.amountCents,
    frame_version: version,
    interim_results_public: frame.interimResultsPublic,
    areas: frame.areas.map((a) => ({ code: a.code, name: a.name, kind: a.kind, amountCents: amounts.get(a.code) ?? null })),
    criteria: frame.criteria.map((c) => ({ id: c.id, text: c.text, kind: c.kind })),
    ballot_type: frame.ballot?.type ?? null,
    tally_rule: frame.tally?.rule ?? null,
    decision_body: decision.body,
    decision_number: decision.number,
    decision_date: decision.date,
  };
}
