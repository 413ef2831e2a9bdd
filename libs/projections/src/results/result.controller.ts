import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { camel, notFound, withETag } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import { findRound } from '../rounds/round.queries.js';
import type { ResultPlanRow } from './result-plan.entity.js';

/** A round's published result per plan, with the plan's title and cost. */
export async function roundResults(readModels: ReadModelsService, roundId: string, tenant: string) {
  const db = await readModels.db();
  return db.read((m) =>
    m.query<{ row: ResultPlanRow & { title: string | null; cost_cents: number | null; area_id: string | null } }[]>(
      `SELECT to_jsonb(r) || jsonb_build_object('title', p.title, 'cost_cents', p.cost_cents, 'area_id', p.area_id) AS row
         FROM ${db.schema}.result_plan r LEFT JOIN ${db.schema}.plan p ON p.proposal_id = r.proposal_id
        WHERE r.round_id = $1 AND r.tenant = $2 ORDER BY r.selected DESC, r.votes DESC NULLS LAST, r.proposal_id`,
      [roundId, tenant],
    ),
  );
}

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/rounds')
export class ResultController {
  constructor(private readonly readModels: ReadModelsService) {}

  @Get(':roundId/results')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'The published (or corrected) result: per plan selected or not, amount, votes and the counting explanation (table result_plan)' })
  async results(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const db = await this.readModels.db();
    const round = await findRound(db, roundId, principal.tenant);
    if (!round) notFound('round', roundId);
    const rows = await roundResults(this.readModels, roundId, principal.tenant);
    return withETag(request, response, {
      roundId,
      status: round.result_status,
      totalCents: round.result_total_cents,
      publishedAt: round.result_published_at,
      adoptedAt: round.result_adopted_at,
      decision: round.result_decision,
      plans: rows.map((r) => camel(r.row)),
    });
  }
}
