import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import { PageQuery, withETag } from '../http/http.js';
import { GetAuditTimeline } from './audit-timeline.query.js';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/rounds')
export class AuditTimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':roundId/timeline')
  @Allow('auditor', 'administrator')
  @ApiOperation({ summary: 'Audit timeline of a round (table audit_timeline): who did what when, with reasons and decision references; includes its budget\'s frame decisions' })
  async timeline(@Param('roundId') roundId: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetAuditTimeline(principal.tenant, roundId, query)));
  }
}
