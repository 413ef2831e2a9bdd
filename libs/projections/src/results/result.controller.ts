import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { withETag } from '../http/http.js';
import { GetRoundResult } from './result.query.js';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/rounds')
export class ResultController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':roundId/results')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'The published (or corrected) result: per plan selected or not, amount, votes and the counting explanation (table result_plan)' })
  async results(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetRoundResult(principal.tenant, roundId)));
  }
}
