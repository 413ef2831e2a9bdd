import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { camel, notFound, type Page, pageOf, type PageQuery, pagedSql, pageRows } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import type { PlanRow } from './plan.entity.js';

export interface PlanFilters {
  roundId?: string;
  status?: string;
  areaId?: string;
  themeId?: string;
  feasibility?: string;
  /** Undecided applications whose statutory decision deadline lies before this time: overdue on that day. */
  decisionDueBefore?: string;
  /** Undecided objections whose decision is due before this time: overdue on that day (Awb 7:10). */
  objectionDueBefore?: string;
}

/** Plans of one municipality (table plan), filtered by round, status, area, theme and feasibility. */
export class ListPlans extends Query<Page<Record<string, unknown>>> {
  constructor(
    readonly tenant: string,
    readonly filters: PlanFilters = {},
    readonly paging: PageQuery = {},
  ) {
    super();
  }
}

/** One plan of one municipality. */
export class GetPlan extends Query<Record<string, unknown>> {
  constructor(
    readonly tenant: string,
    readonly proposalId: string,
  ) {
    super();
  }
}

@QueryHandler(ListPlans)
export class ListPlansHandler implements IQueryHandler<ListPlans, Page<Record<string, unknown>>> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, filters: f, paging }: ListPlans): Promise<Page<Record<string, unknown>>> {
    const db = await this.readModels.db();
    const { limit, offset, page, pageSize } = pageOf(paging);
    const rows = await db.read((m) =>
      m.query<{ row: PlanRow | null; total: string }[]>(
        pagedSql(
          `${db.schema}.plan`,
          'p',
          `tenant = $1 AND ($2::text IS NULL OR round_id = $2) AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR area_id = $4)
            AND ($5::text IS NULL OR theme_id = $5) AND ($6::text IS NULL OR feasibility = $6)
            AND ($7::timestamptz IS NULL OR (decision_deadline < $7 AND decided_at IS NULL AND status = 'submitted'))
            AND ($8::timestamptz IS NULL OR (objection_decision_due < $8 AND objection_status = 'lodged'))`,
          'submitted_at, proposal_id',
          9,
        ),
        [tenant, f.roundId ?? null, f.status ?? null, f.areaId ?? null, f.themeId ?? null, f.feasibility ?? null, f.decisionDueBefore ?? null, f.objectionDueBefore ?? null, limit, offset],
      ),
    );
    const { rows: matched, total } = pageRows(rows);
    return { items: matched.map((row) => camel(row)), page, pageSize, total };
  }
}

@QueryHandler(GetPlan)
export class GetPlanHandler implements IQueryHandler<GetPlan, Record<string, unknown>> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, proposalId }: GetPlan): Promise<Record<string, unknown>> {
    const db = await this.readModels.db();
    const [found] = await db.read((m) => m.query<{ row: PlanRow }[]>(`SELECT to_jsonb(p) AS row FROM ${db.schema}.plan p WHERE tenant = $1 AND proposal_id = $2`, [tenant, proposalId]));
    if (!found) notFound('plan', proposalId);
    return camel(found.row);
  }
}
