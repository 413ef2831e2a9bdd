import type { RecordedEvent } from '@lib/event-store';
import type { ResultCorrected, ResultPublished } from '@lib/budgeting/events';
import { domainEvent, type Projection, type ProjectionContext, tenantOf, truncateTables } from '../projection.js';
import { RowBatch } from '../rows.js';
import type { ResultPlanRow } from './result-plan.entity.js';

const TABLES = ['result_plan'] as const;

/** Results: per plan, selected or not, the amount, votes and the counting's explanation; a correction replaces the lot. */
export const resultProjection: Projection = {
  name: 'results',
  version: 1,
  canHandle: ['ResultPublished', 'ResultCorrected'],
  tables: TABLES,
  truncate: truncateTables(TABLES),
  async handle(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const results = new RowBatch<ResultPlanRow>(context, 'result_plan', ['round_id', 'proposal_id']);
    await results.load('round_id', events.map((e) => (e.data as { roundId?: string }).roundId));
    for (const recorded of events) {
      const event = domainEvent<ResultPublished | ResultCorrected>(recorded);
      if (event.type !== 'ResultPublished' && event.type !== 'ResultCorrected') continue;
      const { roundId, winners, explanation, at } = event.data;
      const correction = event.type === 'ResultCorrected' ? event.data.correction : 0;
      for (const row of results.all().filter((r) => r.round_id === roundId)) results.delete(row);
      const won = new Map(winners.map((w) => [w.proposalId, w]));
      const explained = new Set<string>();
      for (const outcome of explanation) {
        explained.add(outcome.proposalId);
        const winner = won.get(outcome.proposalId);
        results.set({
          round_id: roundId,
          proposal_id: outcome.proposalId,
          tenant: tenantOf(recorded),
          correction,
          selected: outcome.selected,
          amount_cents: winner?.amountCents ?? null,
          area_code: winner?.areaCode ?? null,
          votes: outcome.votes ?? null,
          explanation: outcome.explanation,
          details: outcome.details ?? null,
          published_at: at,
        });
      }
      for (const winner of winners) {
        if (explained.has(winner.proposalId)) continue;
        results.set({
          round_id: roundId,
          proposal_id: winner.proposalId,
          tenant: tenantOf(recorded),
          correction,
          selected: true,
          amount_cents: winner.amountCents,
          area_code: winner.areaCode,
          votes: null,
          explanation: '',
          details: null,
          published_at: at,
        });
      }
    }
    await results.flush();
  },
};
