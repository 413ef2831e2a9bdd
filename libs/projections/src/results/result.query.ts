import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { camel, notFound } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import type { RoundOverviewRow } from '../rounds/round-overview.entity.js';
import { findRound } from '../rounds/round.queries.js';
import type { ResultPlanRow } from './result-plan.entity.js';

export interface RoundResult {
  roundId: string;
  status: string;
  totalCents: number | null;
  publishedAt: string | null;
  adoptedAt: string | null;
  decision: RoundOverviewRow['result_decision'];
  plans: Record<string, unknown>[];
}

/** A round's published (or corrected) result per plan, with the plan's title and cost (staff). */
export class GetRoundResult extends Query<RoundResult> {
  constructor(
    readonly tenant: string,
    readonly roundId: string,
  ) {
    super();
  }
}

@QueryHandler(GetRoundResult)
export class GetRoundResultHandler implements IQueryHandler<GetRoundResult, RoundResult> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, roundId }: GetRoundResult): Promise<RoundResult> {
    const db = await this.readModels.db();
    const round = await findRound(db, roundId, tenant);
    if (!round) notFound('round', roundId);
    const rows = await db.read((m) =>
      m.query<{ row: ResultPlanRow & { title: string | null; cost_cents: number | null; area_id: string | null } }[]>(
        `SELECT to_jsonb(r) || jsonb_build_object('title', p.title, 'cost_cents', p.cost_cents, 'area_id', p.area_id) AS row
           FROM ${db.schema}.result_plan r LEFT JOIN ${db.schema}.plan p ON p.proposal_id = r.proposal_id
          WHERE r.round_id = $1 AND r.tenant = $2 ORDER BY r.selected DESC, r.votes DESC NULLS LAST, r.proposal_id`,
        [roundId, tenant],
      ),
    );
    return {
      roundId,
      status: round.result_status,
      totalCents: round.result_total_cents,
      publishedAt: round.result_published_at,
      adoptedAt: round.result_adopted_at,
      decision: round.result_decision,
      plans: rows.map((r) => camel(r.row)),
    };
  }
}
