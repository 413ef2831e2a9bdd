import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { Request, Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { withETag } from '../http/http.js';
import { INTEGER, NUMBER, nullable, objectSchema, STRING } from '../http/openapi.js';
import { evaluationCsv, GetEvaluation } from './evaluation.query.js';

const SHARE = nullable(NUMBER);
const EVALUATION = objectSchema({
  items: {
    type: 'array',
    items: objectSchema({
      roundId: STRING,
      title: STRING,
      form: STRING,
      year: INTEGER,
      phase: STRING,
      plansSubmitted: INTEGER,
      shareFeasible: SHARE,
      eligible: nullable(INTEGER),
      ballots: nullable(INTEGER),
      turnout: SHARE,
      representativenessMin: SHARE,
      representativenessMax: SHARE,
      allocatedCents: INTEGER,
      committedCents: INTEGER,
      shareDecided: SHARE,
      shareSpent: SHARE,
      shareReturned: SHARE,
      shareWinningRealised: SHARE,
      medianDaysToDecision: nullable(NUMBER),
    }),
  },
});

export class EvaluationQuery {
  @ApiPropertyOptional({ example: 'r-oost-2026' })
  @IsOptional()
  @IsString()
  roundId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], example: 'csv' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/evaluation')
export class EvaluationController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Allow(...READ_ROLES)
  @ApiOperation({
    summary: 'Evaluation per round, comparable across rounds and forms (turnout, representativeness, feasible share, money decided/spent/returned, winning plans realised, days to decision); JSON or CSV, no personal data',
  })
  @ApiOkResponse({ description: 'One entry per round: JSON `{ items }`, or with `format=csv` the same figures as CSV', content: { 'application/json': { schema: EVALUATION }, 'text/csv': { schema: STRING } } })
  @ApiProblems({ 400: [] })
  async evaluation(@Query() query: EvaluationQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const rows = await this.queries.execute(new GetEvaluation(principal.tenant, query.roundId));
    if (query.format === 'csv') {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', 'attachment; filename="evaluation.csv"');
      return withETag(request, response, evaluationCsv(rows));
    }
    return withETag(request, response, { items: rows });
  }
}
