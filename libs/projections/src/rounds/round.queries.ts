import type { ReadModelDatabase } from '../read-model-database.js';
import type { RoundOverviewRow } from './round-overview.entity.js';

/** Statuses of plans that won money (selected by vote or granted by beschikking), before or after implementation. */
export const WINNING_STATUSES = ['selected', 'granted', 'in_implementation', 'realised', 'partly_realised', 'cancelled'];

/** Budget execution of a round: allocated vs decided vs paid vs returned; unspent money flagged once implementation runs. */
export interface RoundExecution {
  allocatedCents: number;
  committedCents: number;
  decidedCents: number;
  paidCents: number;
  spentCents: number;
  returnedCents: number;
  releasedCents: number;
  unspentCents: number;
  unspentFlagged: boolean;
  winningPlans: number;
  realisedPlans: number;
}

export async function findRound(db: ReadModelDatabase, roundId: string, tenant: string | null): Promise<RoundOverviewRow | undefined> {
  const [found] = await db.read((m) =>
    m.query<{ row: RoundOverviewRow }[]>(`SELECT to_jsonb(r) AS row FROM ${db.schema}.round_overview r WHERE round_id = $1 AND ($2::text IS NULL OR tenant = $2)`, [roundId, tenant]),
  );
  return found?.row;
}

export async function roundExecution(db: ReadModelDatabase, round: RoundOverviewRow): Promise<RoundExecution> {
  const [sums] = await db.read((m) =>
    m.query<Record<string, string>[]>(
      `SELECT coalesce(sum(decided_cents), 0) AS decided, coalesce(sum(paid_cents), 0) AS paid, coalesce(sum(spent_cents), 0) AS spent,
              coalesce(sum(returned_cents), 0) AS returned, coalesce(sum(released_cents), 0) AS released, count(*) AS winning,
              count(*) FILTER (WHERE status IN ('realised', 'partly_realised')) AS realised
         FROM ${db.schema}.plan WHERE round_id = $1 AND tenant = $2 AND status = ANY($3::text[])`,
      [round.round_id, round.tenant, WINNING_STATUSES],
    ),
  );
  const unspent = round.allocated_cents - round.committed_cents;
  return {
    allocatedCents: round.allocated_cents,
    committedCents: round.committed_cents,
    decidedCents: Number(sums!.decided),
    paidCents: Number(sums!.paid),
    spentCents: Number(sums!.spent),
    returnedCents: Number(sums!.returned),
    releasedCents: Number(sums!.released),
    unspentCents: unspent,
    unspentFlagged: unspent > 0 && ['implementation', 'closed'].includes(round.phase),
    winningPlans: Number(sums!.winning),
    realisedPlans: Number(sums!.realised),
  };
}
