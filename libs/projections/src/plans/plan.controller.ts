import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { camel, notFound, pageOf, PageQuery, withETag } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import type { PlanRow } from './plan.entity.js';

const STATUSES = ['submitted', 'withdrawn', 'merged', 'admitted', 'refused', 'selected', 'not_selected', 'granted', 'grant_refused', 'in_implementation', 'realised', 'partly_realised', 'cancelled'];
const FEASIBILITY = ['pending', 'feasible', 'not_feasible', 'needs_revision'];

export class PlanListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'r-oost-2026' })
  @IsOptional()
  @IsString()
  roundId?: string;

  @ApiPropertyOptional({ example: 'admitted', enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: 'BU03630000' })
  @IsOptional()
  @IsString()
  areaId?: string;

  @ApiPropertyOptional({ example: 'groen' })
  @IsOptional()
  @IsString()
  themeId?: string;

  @ApiPropertyOptional({ example: 'feasible', enum: FEASIBILITY })
  @IsOptional()
  @IsIn(FEASIBILITY)
  feasibility?: string;
}

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models/plans')
export class PlanController {
  constructor(private readonly readModels: ReadModelsService) {}

  @Get()
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'Plans (table plan): status, area, theme, cost, feasibility per criterion with reason, support; filter by round, status, area, theme, feasibility' })
  async list(@Query() query: PlanListQuery, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const db = await this.readModels.db();
    const { limit, offset, page, pageSize } = pageOf(query);
    const rows = await db.read((m) =>
      m.query<{ row: PlanRow; total: string }[]>(
        `SELECT to_jsonb(p) AS row, count(*) OVER () AS total FROM ${db.schema}.plan p
          WHERE tenant = $1 AND ($2::text IS NULL OR round_id = $2) AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR area_id = $4)
            AND ($5::text IS NULL OR theme_id = $5) AND ($6::text IS NULL OR feasibility = $6)
          ORDER BY submitted_at, proposal_id LIMIT $7 OFFSET $8`,
        [principal.tenant, query.roundId ?? null, query.status ?? null, query.areaId ?? null, query.themeId ?? null, query.feasibility ?? null, limit, offset],
      ),
    );
    return withETag(request, response, { items: rows.map((r) => camel(r.row)), page, pageSize, total: Number(rows[0]?.total ?? 0) });
  }

  @Get(':proposalId')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'One plan from the read model' })
  async get(@Param('proposalId') proposalId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const db = await this.readModels.db();
    const [found] = await db.read((m) => m.query<{ row: PlanRow }[]>(`SELECT to_jsonb(p) AS row FROM ${db.schema}.plan p WHERE tenant = $1 AND proposal_id = $2`, [principal.tenant, proposalId]));
    if (!found) notFound('plan', proposalId);
    return withETag(request, response, camel(found.row));
  }
}
