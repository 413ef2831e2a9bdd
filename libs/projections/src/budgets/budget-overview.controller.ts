import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { camel, notFound, type Page, pageOf, PageQuery, withETag } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import type { BudgetOverviewRow } from './budget-overview.entity.js';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/budgets')
export class BudgetOverviewController {
  constructor(private readonly readModels: ReadModelsService) {}

  @Get()
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Budgets of the caller\'s municipality (table budget_overview), newest first; ETag / If-None-Match' })
  @ApiOkResponse({ description: '{ items, page, pageSize, total }' })
  async list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<Page<Record<string, unknown>> | undefined> {
    const db = await this.readModels.db();
    const { limit, offset, page, pageSize } = pageOf(query);
    const rows = await db.read((m) =>
      m.query<{ row: BudgetOverviewRow; total: string }[]>(
        `SELECT to_jsonb(b) AS row, count(*) OVER () AS total FROM ${db.schema}.budget_overview b WHERE tenant = $1 ORDER BY established_at DESC, budget_id LIMIT $2 OFFSET $3`,
        [principal.tenant, limit, offset],
      ),
    );
    return withETag(request, response, { items: rows.map((r) => camel(r.row)), page, pageSize, total: Number(rows[0]?.total ?? 0) });
  }

  @Get(':budgetId')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'One budget from the read model' })
  async get(@Param('budgetId') budgetId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const db = await this.readModels.db();
    const [found] = await db.read((m) => m.query<{ row: BudgetOverviewRow }[]>(`SELECT to_jsonb(b) AS row FROM ${db.schema}.budget_overview b WHERE tenant = $1 AND budget_id = $2`, [principal.tenant, budgetId]));
    if (!found) notFound('budget', budgetId);
    return withETag(request, response, camel(found.row));
  }
}
