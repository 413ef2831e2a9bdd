import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString } from 'class-validator';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { camel, notFound, pageOf, PageQuery, withETag } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import type { PlanRow } from '../plans/plan.entity.js';
import type { RoundOverviewRow } from './round-overview.entity.js';
import { findRound, roundExecution, WINNING_STATUSES } from './round.queries.js';

const PHASES = ['planned', 'submission', 'support', 'feasibility', 'preselection', 'voting', 'counting', 'deliberation', 'adoption', 'implementation', 'intake', 'closed'];

export class RoundListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
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
  constructor(private readonly readModels: ReadModelsService) {}

  @Get()
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Rounds (table round_overview): phase, dates, money allocated and committed; filter by year, phase, budget' })
  async list(@Query() query: RoundListQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const db = await this.readModels.db();
    const { limit, offset, page, pageSize } = pageOf(query);
    const rows = await db.read((m) =>
      m.query<{ row: RoundOverviewRow; total: string }[]>(
        `SELECT to_jsonb(r) AS row, count(*) OVER () AS total FROM ${db.schema}.round_overview r
          WHERE tenant = $1 AND ($2::int IS NULL OR year = $2) AND ($3::text IS NULL OR phase = $3) AND ($4::text IS NULL OR budget_id = $4)
          ORDER BY year DESC, planned_at DESC, round_id LIMIT $5 OFFSET $6`,
        [principal.tenant, query.year ?? null, query.phase ?? null, query.budgetId ?? null, limit, offset],
      ),
    );
    return withETag(request, response, { items: rows.map((r) => camel(r.row)), page, pageSize, total: Number(rows[0]?.total ?? 0) });
  }

  @Get(':roundId')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'One round with its budget execution (allocated, decided, paid, spent, returned, unspent flagged)' })
  async get(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const db = await this.readModels.db();
    const round = await findRound(db, roundId, principal.tenant);
    if (!round) notFound('round', roundId);
    return withETag(request, response, { ...camel(round), execution: await roundExecution(db, round) });
  }

  @Get(':roundId/implementation')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Implementation tracker: every winning plan with its decided, paid, spent and returned money' })
  async implementation(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const db = await this.readModels.db();
    const round = await findRound(db, roundId, principal.tenant);
    if (!round) notFound('round', roundId);
    const plans = await db.read((m) =>
      m.query<{ row: PlanRow }[]>(`SELECT to_jsonb(p) AS row FROM ${db.schema}.plan p WHERE round_id = $1 AND tenant = $2 AND status = ANY($3::text[]) ORDER BY decided_at, proposal_id`, [
        roundId,
        principal.tenant,
        WINNING_STATUSES,
      ]),
    );
    const items = plans.map(({ row: p }) => ({
      proposalId: p.proposal_id,
      title: p.title,
      areaId: p.area_id,
      status: p.status,
      decidedCents: p.decided_cents,
      paidCents: p.paid_cents,
      spentCents: p.spent_cents,
      returnedCents: p.returned_cents,
      releasedCents: p.released_cents,
      implementationStartedOn: p.implementation_started_on,
      realisedAt: p.realised_at,
    }));
    return withETag(request, response, { roundId, execution: await roundExecution(db, round), items });
  }
}
