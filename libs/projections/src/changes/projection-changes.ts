import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@lib/event-store';

/** Ids listed per kind and batch; beyond that the change says `more` (refetch the lot). */
export const CHANGE_ID_LIMIT = 100;
/** How long change rows are kept: the feed only needs the last seconds. */
const RETENTION = '1 hour';
const PRUNE_EVERY_MS = 60_000;

export interface TouchedIds {
  rounds: string[];
  budgets: string[];
  plans: string[];
  more: boolean;
}

const ROUND_CATEGORIES = new Set(['Round', 'BallotBox']);
/** Streams named `<Category>-<roundId>_<ref>`. */
const ROUND_SCOPED_CATEGORIES = new Set(['Ballot', 'Participant', 'PaperBatch']);

/** The round, budget and plan ids a batch of events touched, per municipality; ids, never figures. */
export function touchedIds(events: readonly RecordedEvent[]): Map<string, TouchedIds> {
  const sets = new Map<string, { rounds: Set<string>; budgets: Set<string>; plans: Set<string> }>();
  for (const event of events) {
    const tenant = event.metadata.tenant;
    if (typeof tenant !== 'string' || tenant === '') continue;
    let touched = sets.get(tenant);
    if (!touched) sets.set(tenant, (touched = { rounds: new Set(), budgets: new Set(), plans: new Set() }));
    const data = event.data as { roundId?: unknown; budgetId?: unknown; proposalId?: unknown };
    const dash = event.streamName.indexOf('-');
    const category = dash > 0 ? event.streamName.slice(0, dash) : '';
    const id = event.streamName.slice(dash + 1);
    if (typeof data.roundId === 'string') touched.rounds.add(data.roundId);
    else if (ROUND_CATEGORIES.has(category)) touched.rounds.add(id);
    else if (ROUND_SCOPED_CATEGORIES.has(category) && id.includes('_')) touched.rounds.add(id.slice(0, id.indexOf('_')));
    if (typeof data.budgetId === 'string') touched.budgets.add(data.budgetId);
    else if (category === 'Budget') touched.budgets.add(id);
    if (typeof data.proposalId === 'string') touched.plans.add(data.proposalId);
    else if (category === 'Proposal') touched.plans.add(id);
  }
  const out = new Map<string, TouchedIds>();
  for (const [tenant, { rounds, budgets, plans }] of sets) {
    const more = rounds.size > CHANGE_ID_LIMIT || budgets.size > CHANGE_ID_LIMIT || plans.size > CHANGE_ID_LIMIT;
    const first = (ids: Set<string>) => [...ids].sort().slice(0, CHANGE_ID_LIMIT);
    out.set(tenant, { rounds: first(rounds), budgets: first(budgets), plans: first(plans), more });
  }
  return out;
}

let lastPrune = 0;

/** Writes what the batch touched, in the batch's transaction (so the feed never announces rows that are not committed); prunes old rows now and then. */
export async function recordChanges(manager: EntityManager, schema: string, projection: string, events: readonly RecordedEvent[]): Promise<void> {
  const touched = [...touchedIds(events)].map(([tenant, t]) => ({ tenant, round_ids: t.rounds, budget_ids: t.budgets, plan_ids: t.plans, more: t.more }));
  if (touched.length > 0) {
    await manager.query(
      `INSERT INTO ${schema}.projection_change (projection, tenant, round_ids, budget_ids, plan_ids, more)
       SELECT $1, c.tenant, c.round_ids, c.budget_ids, c.plan_ids, c.more FROM jsonb_to_recordset($2::jsonb) AS c(tenant text, round_ids jsonb, budget_ids jsonb, plan_ids jsonb, more boolean)`,
      [projection, JSON.stringify(touched)],
    );
  }
  if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
    lastPrune = Date.now();
    // SKIP LOCKED: runners pruning at once never wait on (or deadlock with) each other inside their batches.
    await manager.query(
      `DELETE FROM ${schema}.projection_change WHERE seq IN (SELECT seq FROM ${schema}.projection_change WHERE at < now() - interval '${RETENTION}' ORDER BY seq LIMIT 10000 FOR UPDATE SKIP LOCKED)`,
    );
  }
}
