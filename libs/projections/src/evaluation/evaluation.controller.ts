import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { withETag } from '../http/http.js';
import { evaluationCsv, GetEvaluation } from './evaluation.query.js';

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
