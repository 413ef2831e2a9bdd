import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound, type Page, pageOf, type PageQuery, pagedSql, pageRows } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import type { PlanRow } from '../plans/plan.entity.js';
import { NOT_PUBLIC_PLAN_STATUSES } from './public-round.view.js';

/** One plan as anyone may see it: no submitter, no reviewer, no contact details. */
export interface PublicPlanItem {
  proposalId: string;
  title: string;
  summary: string;
  areaCode: string;
  /** From the budget's frame; null when the frame does not name the area. */
  areaName: string | null;
  themeId: string;
  /** Investment + maintenance per year × years of the current version: the one cost of the plan (as on the ballot). */
  costCents: number;
  investmentCents: number;
  status: string;
  feasibility: string;
  supportCount: number;
  supportThresholdReached: boolean;
  version: number;
  submittedAt: string;
}

export interface PublicPlanFilters {
  areaId?: string;
  themeId?: string;
  status?: string;
  /** Words in the title or summary (case-insensitive). */
  q?: string;
}

/** The public plans of a round (not withdrawn, merged, awaiting moderation or refused by it), from the read models. */
export class ListPublicPlans extends Query<Page<PublicPlanItem>> {
  constructor(
    readonly roundId: string,
    readonly filters: PublicPlanFilters = {},
    readonly paging: PageQuery = {},
  ) {
    super();
  }
}

@QueryHandler(ListPublicPlans)
export class ListPublicPlansHandler implements IQueryHandler<ListPublicPlans, Page<PublicPlanItem>> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ roundId, filters: f, paging }: ListPublicPlans): Promise<Page<PublicPlanItem>> {
    const db = await this.readModels.db();
    const s = db.schema;
    const { limit, offset, page, pageSize } = pageOf(paging);
    return db.read(async (m) => {
      // A round id names one stream in the whole store: its row gives the municipality.
      const [round] = await m.query<{ tenant: string; budget_id: string }[]>(`SELECT tenant, budget_id FROM ${s}.round_overview WHERE round_id = $1`, [roundId]);
      if (!round) notFound('round', roundId);
      const [budget] = await m.query<{ areas: { code: string; name: string }[] | null }[]>(`SELECT areas FROM ${s}.budget_overview WHERE budget_id = $1 AND tenant = $2`, [round.budget_id, round.tenant]);
      const names = new Map((budget?.areas ?? []).map((a) => [a.code, a.name]));
      const words = f.q?.trim() ? `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const rows = await m.query<{ row: PlanRow | null; total: string }[]>(
        pagedSql(
          `${s}.plan`,
          'p',
          `tenant = $1 AND round_id = $2 AND NOT (status = ANY($3::text[]))
            AND ($4::text IS NULL OR area_id = $4) AND ($5::text IS NULL OR theme_id = $5) AND ($6::text IS NULL OR status = $6)
            AND ($7::text IS NULL OR title ILIKE $7 OR summary ILIKE $7)`,
          'submitted_at, proposal_id',
          8,
        ),
        [round.tenant, roundId, [...NOT_PUBLIC_PLAN_STATUSES], f.areaId ?? null, f.themeId ?? null, f.status ?? null, words, limit, offset],
      );
      const { rows: matched, total } = pageRows(rows);
      const items = matched.map((p) => ({
        proposalId: p.proposal_id,
        title: p.title,
        summary: p.summary,
        areaCode: p.area_id,
        areaName: names.get(p.area_id) ?? null,
        themeId: p.theme_id,
        costCents: Number(p.cost_cents) + Number(p.maintenance_per_year_cents) * Number(p.maintenance_years),
        investmentCents: Number(p.cost_cents),
        status: p.status,
        feasibility: p.feasibility,
        supportCount: Number(p.support_count),
        supportThresholdReached: p.support_threshold_reached,
        version: Number(p.version),
        submittedAt: new Date(p.submitted_at).toISOString(),
      }));
      return { items, page, pageSize, total };
    });
  }
}
