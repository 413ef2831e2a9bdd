import { type EventStore, type Position, SqlEventStore } from '@lib/event-store';

/** Events counted behind a projection on a SQL store (one index range scan); beyond it the lag shows as `>N`. */
export const SQL_LAG_CAP = 1_000_000;
/** Events counted by paging `$all` on other stores (EventStoreDB, in memory): ten reads at most. */
export const PAGED_LAG_CAP = 10_000;
const PAGE = 1000;

export interface Lag {
  /** Events the projection handles that are in `$all` after its checkpoint; at least this many when `capped`. */
  events: number;
  capped: boolean;
  /** When the oldest of them was written, or null when caught up. */
  oldest: Date | null;
}

/** `1234`, or `>1000000` when the count stopped at its cap. */
export function lagText(lag: { events: number; capped: boolean }): string {
  return lag.capped ? `>${lag.events}` : String(lag.events);
}

/**
 * The real lag of a projection in events. On PostgreSQL/PGlite one count over the `$all` index from the
 * checkpoint (bounded by SQL_LAG_CAP); on other stores pages of `$all` up to PAGED_LAG_CAP.
 */
export async function lagOf(store: EventStore, after: Position | 'start', eventTypes: readonly string[]): Promise<Lag> {
  if (store instanceof SqlEventStore) return sqlLag(store, after, eventTypes);
  let events = 0;
  let oldest: Date | null = null;
  let from = after;
  // One event past the cap tells "more than the cap" from "exactly the cap".
  while (events <= PAGED_LAG_CAP) {
    const wanted = Math.min(PAGE, PAGED_LAG_CAP + 1 - events);
    const page = await store.readAll({ after: from, maxCount: wanted, filter: { eventTypes: [...eventTypes] } });
    oldest ??= page[0]?.created ?? null;
    events += page.length;
    if (page.length < wanted) break;
    from = page.at(-1)!.position;
  }
  return events > PAGED_LAG_CAP ? { events: PAGED_LAG_CAP, capped: true, oldest } : { events, capped: false, oldest };
}

async function sqlLag(store: SqlEventStore, after: Position | 'start', eventTypes: readonly string[]): Promise<Lag> {
  const from = after === 'start' ? { commit: 0n, prepare: 0n } : after;
  const s = `"${store.schema.replace(/"/g, '""')}"`;
  // The same range and order the store's catch-up reads use, so the count is what the runner has still to read.
  const [row] = await store.driver.query<{ events: string; oldest: string | Date | null }>(
    `SELECT count(*)::text AS events, min(created) AS oldest FROM (
       SELECT created FROM ${s}.events
        WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
          AND event_type IN (SELECT jsonb_array_elements_text($3::text::jsonb))
        ORDER BY transaction_id, global_position LIMIT ${SQL_LAG_CAP + 1}) pending`,
    [from.commit.toString(), from.prepare.toString(), JSON.stringify(eventTypes)],
  );
  const events = Number(row?.events ?? 0);
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return events > SQL_LAG_CAP ? { events: SQL_LAG_CAP, capped: true, oldest } : { events, capped: false, oldest };
}
