import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, ApiProblems, CurrentPrincipal, type Principal } from '@lib/platform';
import { PageQuery, withETag } from '../http/http.js';
import { pageSchema, rowSchema } from '../http/openapi.js';
import { AuditTimelineEntity } from './audit-timeline.entity.js';

const ENTRY = rowSchema(AuditTimelineEntity, { position: { type: 'string', pattern: '^[0-9]+/[0-9]+$', description: 'commit/prepare position in $all' } }, ['commitPosition', 'preparePosition']);
import { GetAuditTimeline } from './audit-timeline.query.js';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/rounds')
export class AuditTimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':roundId/timeline')
  @Allow('auditor', 'administrator')
  @ApiOperation({ summary: 'Audit timeline of a round (table audit_timeline): who did what when, with reasons and decision references; includes its budget\'s frame decisions' })
  @ApiOkResponse({ description: 'A page of timeline entries (rows of audit_timeline, positions as `commit/prepare`)', schema: pageSchema(ENTRY) })
  @ApiProblems({ 400: [], 404: ['READ_MODEL.NOT_FOUND'] })
  async timeline(@Param('roundId') roundId: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return withETag(request, response, await this.queries.execute(new GetAuditTimeline(principal.tenant, roundId, query)));
  }
}
