import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { type Page, PageQuery, withETag } from '../http/http.js';
import { GetBudgetOverview, ListBudgetOverviews } from './budget-overview.query.js';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/budgets')
export class BudgetOverviewController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Budgets of the caller\'s municipality (table budget_overview), newest first; ETag / If-None-Match' })
  @ApiOkResponse({ description: '{ items, page, pageSize, total }' })
  async list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<Page<Record<string, unknown>> | undefined> {
    return withETag(request, response, await this.queries.execute(new ListBudgetOverviews(principal.tenant, query)));
  }

  @Get(':budgetId')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'One budget from the read model' })
  async get(@Param('budgetId') budgetId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetBudgetOverview(principal.tenant, budgetId)));
  }
}
