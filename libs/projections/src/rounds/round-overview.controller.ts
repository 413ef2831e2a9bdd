import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString } from 'class-validator';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { PageQuery, withETag } from '../http/http.js';
import { GetRoundImplementation, GetRoundOverview, ListRoundOverviews } from './round-overview.query.js';

const PHASES = ['planned', 'submission', 'support', 'feasibility', 'preselection', 'voting', 'counting', 'deliberation', 'adoption', 'implementation', 'intake', 'closed'];

export class RoundListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  year?: number;

  @ApiPropertyOptional({ example: 'voting', enum: PHASES })
  @IsOptional()
  @IsIn(PHASES)
  phase?: string;

  @ApiPropertyOptional({ example: 'b-oost' })
  @IsOptional()
  @IsString()
  budgetId?: string;
}

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/rounds')
export class RoundOverviewController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Rounds (table round_overview): phase, dates, money allocated and committed; filter by year, phase, budget' })
  async list(@Query() query: RoundListQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const { year, phase, budgetId, page, pageSize } = query;
    return withETag(request, response, await this.queries.execute(new ListRoundOverviews(principal.tenant, { year, phase, budgetId }, { page, pageSize })));
  }

  @Get(':roundId')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'One round with its budget execution (allocated, decided, paid, spent, returned, unspent flagged)' })
  async get(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetRoundOverview(principal.tenant, roundId)));
  }

  @Get(':roundId/implementation')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Implementation tracker: every winning plan with its decided, paid, spent and returned money' })
  async implementation(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetRoundImplementation(principal.tenant, roundId)));
  }
}
