import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { ApiProblems, Public, StreamIdPipe } from '@lib/platform';
import { PageQuery, withETag } from '../http/http.js';
import { nullable, objectSchema, pageSchema, type SchemaObject } from '../http/openapi.js';
import { ListPublicPlans } from './public-plans.query.js';

const PUBLIC_STATUSES = ['submitted', 'admitted', 'refused', 'selected', 'not_selected', 'granted', 'grant_refused', 'in_implementation', 'realised', 'partly_realised', 'cancelled'];
const FEASIBILITY = ['pending', 'feasible', 'not_feasible', 'needs_revision'];

const integer: SchemaObject = { type: 'integer', minimum: 0 };
const PUBLIC_PLAN = objectSchema({
  proposalId: { type: 'string', example: '6f1d3c1e-2b8a-4c55-9a1d-0e7d8c2b4a11' },
  title: { type: 'string', example: 'Speeltuin Oosterpark' },
  summary: { type: 'string', example: 'Nieuwe speeltoestellen en een bankje bij de vijver' },
  areaCode: { type: 'string', example: 'WK036301' },
  areaName: { ...nullable({ type: 'string' }), example: 'Oost', description: "The area's name in the budget's frame" },
  themeId: { type: 'string', example: 'spelen' },
  costCents: { ...integer, example: 2_500_000, description: 'Investment + maintenance per year × years of the current version, in euro cents: the cost on the ballot' },
  investmentCents: { ...integer, example: 2_000_000 },
  status: { type: 'string', enum: PUBLIC_STATUSES, example: 'submitted' },
  feasibility: { type: 'string', enum: FEASIBILITY, example: 'pending' },
  supportCount: { ...integer, example: 12 },
  supportThresholdReached: { type: 'boolean', example: false },
  version: { type: 'integer', minimum: 1, example: 1 },
  submittedAt: { type: 'string', format: 'date-time', example: '2026-03-02T09:00:00.000Z' },
});

export class PublicPlanQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'WK036301', description: 'Only plans in this area' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  areaId?: string;

  @ApiPropertyOptional({ example: 'spelen', description: 'Only plans with this theme' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  themeId?: string;

  @ApiPropertyOptional({ example: 'admitted', enum: PUBLIC_STATUSES })
  @IsOptional()
  @IsIn(PUBLIC_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: 'speeltuin', description: 'Words in the title or summary (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

@ApiTags('public')
@Controller('rounds')
export class PublicPlansController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':roundId/plans')
  @Public()
  @ApiOperation({
    summary: "A round's public plans, in submission order: cost, area (code and name), theme, status, feasibility and support. Plans awaiting moderation, refused by it, withdrawn or merged are left out",
  })
  @ApiOkResponse({ description: 'A page of public plans', schema: pageSchema(PUBLIC_PLAN) })
  @ApiProblems({ 400: [], 404: ['READ_MODEL.NOT_FOUND'] })
  async list(@Param('roundId', StreamIdPipe) roundId: string, @Query() query: PublicPlanQuery, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const { areaId, themeId, status, q, page, pageSize } = query;
    return withETag(request, response, await this.queries.execute(new ListPublicPlans(roundId, { areaId, themeId, status, q }, { page, pageSize })));
  }
}
