import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { Request, Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { PageQuery, withETag } from '../http/http.js';
import { BOOLEAN, DATE_TIME, INTEGER, nullable, objectSchema, pageSchema, rowSchema, STRING } from '../http/openapi.js';
import { PlanEntity } from '../plans/plan.entity.js';
import { RoundOverviewEntity } from './round-overview.entity.js';
import { GetRoundImplementation, GetRoundOverview, ListRoundOverviews } from './round-overview.query.js';

const PHASES = ['planned', 'submission', 'support', 'feasibility', 'preselection', 'voting', 'counting', 'deliberation', 'adoption', 'implementation', 'intake', 'closed'];

const ROUND = rowSchema(RoundOverviewEntity);
const plan = PlanEntity.options.columns;
const EXECUTION = objectSchema({
  allocatedCents: INTEGER,
  committedCents: INTEGER,
  decidedCents: INTEGER,
  paidCents: INTEGER,
  spentCents: INTEGER,
  returnedCents: INTEGER,
  releasedCents: INTEGER,
  unspentCents: INTEGER,
  unspentFlagged: BOOLEAN,
  winningPlans: INTEGER,
  realisedPlans: INTEGER,
});
const IMPLEMENTATION = objectSchema({
  roundId: STRING,
  execution: EXECUTION,
  items: {
    type: 'array',
    items: objectSchema({
      proposalId: STRING,
      title: STRING,
      areaId: STRING,
      status: { type: 'string', enum: ['selected', 'granted', 'in_implementation', 'realised', 'partly_realised', 'cancelled'] },
      decidedCents: INTEGER,
      paidCents: INTEGER,
      spentCents: INTEGER,
      returnedCents: INTEGER,
      releasedCents: INTEGER,
      implementationStartedOn: plan.implementation_started_on?.nullable ? nullable(STRING) : STRING,
      realisedAt: nullable(DATE_TIME),
    }),
  },
});

export class RoundListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026, minimum: 2000, maximum: 2100, description: "The round's year (as at planning: 2000 to 2100)" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
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
  @ApiOkResponse({ description: 'A page of rounds (rows of round_overview)', schema: pageSchema(ROUND) })
  @ApiProblems({ 400: [] })
  async list(@Query() query: RoundListQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const { year, phase, budgetId, page, pageSize } = query;
    return withETag(request, response, await this.queries.execute(new ListRoundOverviews(principal.tenant, { year, phase, budgetId }, { page, pageSize })));
  }

  @Get(':roundId')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'One round with its budget execution (allocated, decided, paid, spent, returned, unspent flagged)' })
  @ApiOkResponse({ description: 'The round (a row of round_overview) with `execution`', schema: rowSchema(RoundOverviewEntity, { execution: EXECUTION }) })
  @ApiProblems({ 404: ['READ_MODEL.NOT_FOUND'] })
  async get(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetRoundOverview(principal.tenant, roundId)));
  }

  @Get(':roundId/implementation')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Implementation tracker: every winning plan with its decided, paid, spent and returned money' })
  @ApiOkResponse({ description: 'The round\'s execution and its winning plans', schema: IMPLEMENTATION })
  @ApiProblems({ 404: ['READ_MODEL.NOT_FOUND'] })
  async implementation(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetRoundImplementation(principal.tenant, roundId)));
  }
}
