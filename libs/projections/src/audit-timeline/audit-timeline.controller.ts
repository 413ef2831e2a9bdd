import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, type Principal } from '@lib/platform';
import { camel, notFound, pageOf, PageQuery, withETag } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import { findRound } from '../rounds/round.queries.js';
import type { AuditTimelineRow } from './audit-timeline.entity.js';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/rounds')
export class AuditTimelineController {
  constructor(private readonly readModels: ReadModelsService) {}

  @Get(':roundId/timeline')
  @Allow('auditor', 'administrator')
  @ApiOperation({ summary: 'Audit timeline of a round (table audit_timeline): who did what when, with reasons and decision references; includes its budget\'s frame decisions' })
  async timeline(@Param('roundId') roundId: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const db = await this.readModels.db();
    const round = await findRound(db, roundId, principal.tenant);
    if (!round) notFound('round', roundId);
    const { limit, offset, page, pageSize } = pageOf(query);
    const rows = await db.read((m) =>
      m.query<{ row: AuditTimelineRow; total: string }[]>(
        `SELECT to_jsonb(t) AS row, count(*) OVER () AS total FROM ${db.schema}.audit_timeline t
          WHERE tenant = $1 AND (round_id = $2 OR (round_id IS NULL AND budget_id = $3))
          ORDER BY commit_position, prepare_position LIMIT $4 OFFSET $5`,
        [principal.tenant, roundId, round.budget_id, limit, offset],
      ),
    );
    const items = rows.map(({ row }) => {
      const { commitPosition, preparePosition, ...rest } = camel(row);
      return { ...rest, position: `${String(commitPosition)}/${String(preparePosition)}` };
    });
    return withETag(request, response, { items, page, pageSize, total: Number(rows[0]?.total ?? 0) });
  }
}
