import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { type Page, PageQuery, withETag } from '../http/http.js';
import { pageSchema, rowSchema } from '../http/openapi.js';
import { BudgetOverviewEntity } from './budget-overview.entity.js';

const BUDGET = rowSchema(BudgetOverviewEntity);
import { GetBudgetOverview, ListBudgetOverviews } from './budget-overview.query.js';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/budgets')
export class BudgetOverviewController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Budgets of the caller\'s municipality (table budget_overview), newest first; ETag / If-None-Match' })
  @ApiOkResponse({ description: 'A page of budgets (rows of budget_overview)', schema: pageSchema(BUDGET) })
  @ApiProblems({ 400: [] })
  async list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<Page<Record<string, unknown>> | undefined> {
    return withETag(request, response, await this.queries.execute(new ListBudgetOverviews(principal.tenant, query)));
  }

  @Get(':budgetId')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'One budget from the read model' })
  @ApiOkResponse({ description: 'The budget (a row of budget_overview)', schema: BUDGET })
  @ApiProblems({ 404: ['READ_MODEL.NOT_FOUND'] })
  async get(@Param('budgetId') budgetId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetBudgetOverview(principal.tenant, budgetId)));
  }
}
