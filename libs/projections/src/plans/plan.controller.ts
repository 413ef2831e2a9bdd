import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';
import type { Request, Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { PageQuery, withETag } from '../http/http.js';
import { pageSchema, rowSchema } from '../http/openapi.js';
import { PlanEntity } from './plan.entity.js';
import { GetPlan, ListPlans } from './plan.query.js';

const STATUSES = ['awaiting_moderation', 'moderation_refused', 'submitted', 'withdrawn', 'merged', 'admitted', 'refused', 'selected', 'not_selected', 'granted', 'grant_refused', 'in_implementation', 'realised', 'partly_realised', 'cancelled'];
const FEASIBILITY = ['pending', 'feasible', 'not_feasible', 'needs_revision'];
const PLAN = rowSchema(PlanEntity);

export class PlanListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'r-oost-2026' })
  @IsOptional()
  @IsString()
  roundId?: string;

  @ApiPropertyOptional({ example: 'admitted', enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: 'BU03630000' })
  @IsOptional()
  @IsString()
  areaId?: string;

  @ApiPropertyOptional({ example: 'groen' })
  @IsOptional()
  @IsString()
  themeId?: string;

  @ApiPropertyOptional({ example: 'feasible', enum: FEASIBILITY })
  @IsOptional()
  @IsIn(FEASIBILITY)
  feasibility?: string;

  @ApiPropertyOptional({
    example: '2026-05-01T00:00:00Z',
    description: 'Only applications still undecided whose statutory decision deadline (as extended) lies before this time: pass today to list those overdue (Awb)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  decisionDueBefore?: string;

  @ApiPropertyOptional({
    example: '2026-09-01T00:00:00Z',
    description: 'Only plans whose objection (bezwaar) is undecided and due before this time: pass today to list those overdue (Awb 7:10)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  objectionDueBefore?: string;
}

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/plans')
export class PlanController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Plans (table plan): status, area, theme, cost, feasibility per criterion with reason, support, decision deadline, objection; filter by round, status, area, theme, feasibility, overdue decision, overdue objection' })
  @ApiOkResponse({ description: 'A page of plans (rows of plan)', schema: pageSchema(PLAN) })
  @ApiProblems({ 400: [] })
  async list(@Query() query: PlanListQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const { roundId, status, areaId, themeId, feasibility, decisionDueBefore, objectionDueBefore, page, pageSize } = query;
    return withETag(request, response, await this.queries.execute(new ListPlans(principal.tenant, { roundId, status, areaId, themeId, feasibility, decisionDueBefore, objectionDueBefore }, { page, pageSize })));
  }

  @Get(':proposalId')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'One plan from the read model' })
  @ApiOkResponse({ description: 'The plan (a row of plan)', schema: PLAN })
  @ApiProblems({ 404: ['READ_MODEL.NOT_FOUND'] })
  async get(@Param('proposalId') proposalId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetPlan(principal.tenant, proposalId)));
  }
}
