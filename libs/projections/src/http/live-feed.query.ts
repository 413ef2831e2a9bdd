import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CHANGE_ID_LIMIT } from '../changes/projection-changes.js';
import type { ProjectionChangeRow } from '../changes/projection-change.entity.js';
import { ReadModelsService } from './read-models.service.js';

/** Where the feed stands in `projection_change`: `(transaction id, seq)`, like the event store's positions. */
export interface FeedCursor {
  xid: string;
  seq: string;
}

/** What one projection changed for one municipality since the cursor: ids to refetch, never figures. */
export interface FeedChange {
  projection: string;
  rounds: string[];
  budgets: string[];
  plans: string[];
  /** More ids changed than listed: refetch everything this projection feeds. */
  more: boolean;
}

/** Rows read per poll: a feed that fell behind catches up over several polls. */
export const FEED_PAGE = 1000;

/** The head of the change log (a new feed starts there: it reports changes after it connected). */
export class GetFeedCursor extends Query<FeedCursor> {}

/** Changes committed after the cursor, for one municipality, merged per projection; and the cursor to ask from next. */
export class GetFeedChanges extends Query<{ cursor: FeedCursor; changes: FeedChange[] }> {
  constructor(
    readonly tenant: string,
    readonly cursor: FeedCursor,
  ) {
    super();
  }
}

// Only rows older than every running transaction: a batch that took its seq earlier but commits later is never skipped.
const VISIBLE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

@QueryHandler(GetFeedCursor)
export class GetFeedCursorHandler implements IQueryHandler<GetFeedCursor, FeedCursor> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute(): Promise<FeedCursor> {
    const db = await this.readModels.db();
    const [head] = await db.read((m) =>
      m.query<FeedCursor[]>(`SELECT transaction_id::text AS xid, seq::text AS seq FROM ${db.schema}.projection_change WHERE ${VISIBLE} ORDER BY transaction_id DESC, seq DESC LIMIT 1`),
    );
    return head ?? { xid: '0', seq: '0' };
  }
}

@QueryHandler(GetFeedChanges)
export class GetFeedChangesHandler implements IQueryHandler<GetFeedChanges, { cursor: FeedCursor; changes: FeedChange[] }> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, cursor }: GetFeedChanges): Promise<{ cursor: FeedCursor; changes: FeedChange[] }> {
    const db = await this.readModels.db();
    const rows = await db.read((m) =>
      m.query<(Pick<ProjectionChangeRow, 'projection' | 'tenant' | 'round_ids' | 'budget_ids' | 'plan_ids' | 'more'> & FeedCursor)[]>(
        `SELECT transaction_id::text AS xid, seq::text AS seq, projection, tenant, round_ids, budget_ids, plan_ids, more FROM ${db.schema}.projection_change
          WHERE (transaction_id, seq) > ($1::text::xid8, $2::bigint) AND ${VISIBLE}
          ORDER BY transaction_id, seq LIMIT ${FEED_PAGE}`,
        [cursor.xid, cursor.seq],
      ),
    );
    const last = rows.at(-1);
    const merged = new Map<string, { rounds: Set<string>; budgets: Set<string>; plans: Set<string>; more: boolean }>();
    for (const row of rows) {
      if (row.tenant !== tenant) continue;
      let change = merged.get(row.projection);
      if (!change) merged.set(row.projection, (change = { rounds: new Set(), budgets: new Set(), plans: new Set(), more: false }));
      for (const id of row.round_ids) change.rounds.add(id);
      for (const id of row.budget_ids) change.budgets.add(id);
      for (const id of row.plan_ids) change.plans.add(id);
      change.more ||= row.more;
    }
    const list = (ids: Set<string>) => [...ids].sort().slice(0, CHANGE_ID_LIMIT);
    const changes = [...merged]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([projection, c]) => ({
        projection,
        rounds: list(c.rounds),
        budgets: list(c.budgets),
        plans: list(c.plans),
        more: c.more || c.rounds.size > CHANGE_ID_LIMIT || c.budgets.size > CHANGE_ID_LIMIT || c.plans.size > CHANGE_ID_LIMIT,
      }));
    return { cursor: last ? { xid: last.xid, seq: last.seq } : cursor, changes };
  }
}
