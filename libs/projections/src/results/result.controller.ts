import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { withETag } from '../http/http.js';
import { DATE_TIME, INTEGER, JSON_VALUE, nullable, objectSchema, rowSchema, STRING } from '../http/openapi.js';
import { ResultPlanEntity } from './result-plan.entity.js';

const RESULT = objectSchema({
  roundId: STRING,
  status: STRING,
  totalCents: nullable(INTEGER),
  publishedAt: nullable(DATE_TIME),
  adoptedAt: nullable(DATE_TIME),
  decision: nullable(JSON_VALUE),
  plans: { type: 'array', items: rowSchema(ResultPlanEntity, { title: nullable(STRING), costCents: nullable(INTEGER), areaId: nullable(STRING) }) },
});
import { GetRoundResult } from './result.query.js';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/rounds')
export class ResultController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':roundId/results')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'The published (or corrected) result: per plan selected or not, amount, votes and the counting explanation (table result_plan)' })
  @ApiOkResponse({ description: 'The round\'s result; `plans` are rows of result_plan with the plan\'s title, cost and area', schema: RESULT })
  @ApiProblems({ 404: ['READ_MODEL.NOT_FOUND'] })
  async results(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetRoundResult(principal.tenant, roundId)));
  }
}
