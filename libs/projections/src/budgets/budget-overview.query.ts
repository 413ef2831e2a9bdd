import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { camel, notFound, type Page, pageOf, type PageQuery, pagedSql, pageRows } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import type { BudgetOverviewRow } from './budget-overview.entity.js';

/** Budgets of one municipality, newest first (table budget_overview). */
export class ListBudgetOverviews extends Query<Page<Record<string, unknown>>> {
  constructor(
    readonly tenant: string,
    readonly paging: PageQuery = {},
  ) {
    super();
  }
}

/** One budget of one municipality; another municipality's budget is not found. */
export class GetBudgetOverview extends Query<Record<string, unknown>> {
  constructor(
    readonly tenant: string,
    readonly budgetId: string,
  ) {
    super();
  }
}

@QueryHandler(ListBudgetOverviews)
export class ListBudgetOverviewsHandler implements IQueryHandler<ListBudgetOverviews, Page<Record<string, unknown>>> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, paging }: ListBudgetOverviews): Promise<Page<Record<string, unknown>>> {
    const db = await this.readModels.db();
    const { limit, offset, page, pageSize } = pageOf(paging);
    const rows = await db.read((m) =>
      m.query<{ row: BudgetOverviewRow | null; total: string }[]>(
        pagedSql(`${db.schema}.budget_overview`, 'b', 'tenant = $1', 'established_at DESC, budget_id', 2),
        [tenant, limit, offset],
      ),
    );
    const { rows: matched, total } = pageRows(rows);
    return { items: matched.map((row) => camel(row)), page, pageSize, total };
  }
}

@QueryHandler(GetBudgetOverview)
export class GetBudgetOverviewHandler implements IQueryHandler<GetBudgetOverview, Record<string, unknown>> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, budgetId }: GetBudgetOverview): Promise<Record<string, unknown>> {
    const db = await this.readModels.db();
    const [found] = await db.read((m) => m.query<{ row: BudgetOverviewRow }[]>(`SELECT to_jsonb(b) AS row FROM ${db.schema}.budget_overview b WHERE tenant = $1 AND budget_id = $2`, [tenant, budgetId]));
    if (!found) notFound('budget', budgetId);
    return camel(found.row);
  }
}
