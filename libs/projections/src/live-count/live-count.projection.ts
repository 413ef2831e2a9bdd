import type { RecordedEvent } from '@lib/event-store';
import { domainEvent, type Projection, type ProjectionContext, tenantOf, truncateTables } from '../projection.js';
import { CounterBatch, RowBatch } from '../rows.js';
import type { BallotBoxSealed, BallotCast, BallotContent, BallotReplaced } from '@lib/voting/events';
import type { LiveBallotRow, LiveCountRow } from './live-count.entity.js';

const TABLES = ['live_count', 'live_ballot'] as const;

/** Votes per plan from the standing ballots; a replaced ballot moves its votes. */
export const liveCountProjection: Projection = {
  name: 'live-count',
  version: 1,
  canHandle: ['BallotCast', 'BallotReplaced', 'BallotBoxSealed'],
  tables: TABLES,
  truncate: truncateTables(TABLES),
  async handle(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const standing = new RowBatch<LiveBallotRow>(context, 'live_ballot', ['stream_name']);
    const counts = new CounterBatch<LiveCountRow>(context, 'live_count', ['round_id', 'plan_id'], ['ballots', 'points']);
    await standing.load('stream_name', events.filter((e) => e.type === 'BallotReplaced').map((e) => e.streamName));
    const sealed: string[] = [];
    for (const recorded of events) {
      const event = domainEvent<BallotCast | BallotReplaced | BallotBoxSealed>(recorded);
      if (event.type === 'BallotBoxSealed') {
        sealed.push(event.data.roundId);
        continue;
      }
      const { data } = event;
      const tenant = tenantOf(recorded);
      const before = standing.get(recorded.streamName);
      if (before) for (const [planId, points] of votesOf(before.content)) counts.add({ round_id: data.roundId, plan_id: planId, tenant, ballots: -1, points: -points });
      for (const [planId, points] of votesOf(data.content)) counts.add({ round_id: data.roundId, plan_id: planId, tenant, ballots: 1, points });
      standing.set({ stream_name: recorded.streamName, round_id: data.roundId, content: data.content });
    }
    await counts.flush();
    await standing.flush();
    // Once sealed, the contents per ballot stream are no longer needed here.
    if (sealed.length > 0) await context.manager.query(`DELETE FROM ${context.schema}.live_ballot WHERE round_id = ANY($1::text[])`, [sealed]);
  },
};

function votesOf(content: BallotContent): [string, number][] {
  switch (content.type) {
    case 'approval':
    case 'choose-1':
      return content.choices.map((id) => [id, 1]);
    case 'cumulative':
    case 'scoring':
      return Object.entries(content.points);
    case 'ordinal':
      return content.ranking.map((id, i) => [id, content.ranking.length - i]);
  }
}
