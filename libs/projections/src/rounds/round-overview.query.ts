import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { camel, notFound, type Page, pageOf, type PageQuery, pagedSql, pageRows } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import type { PlanRow } from '../plans/plan.entity.js';
import type { RoundOverviewRow } from './round-overview.entity.js';
import { findRound, type RoundExecution, roundExecution, WINNING_STATUSES } from './round.queries.js';

export interface RoundFilters {
  year?: number;
  phase?: string;
  budgetId?: string;
}

/** Rounds of one municipality (table round_overview), filtered by year, phase and budget. */
export class ListRoundOverviews extends Query<Page<Record<string, unknown>>> {
  constructor(
    readonly tenant: string,
    readonly filters: RoundFilters = {},
    readonly paging: PageQuery = {},
  ) {
    super();
  }
}

/** One round with its budget execution. */
export class GetRoundOverview extends Query<Record<string, unknown> & { execution: RoundExecution }> {
  constructor(
    readonly tenant: string,
    readonly roundId: string,
  ) {
    super();
  }
}

export interface RoundImplementation {
  roundId: string;
  execution: RoundExecution;
  items: Record<string, unknown>[];
}

/** The implementation tracker: every winning plan of a round with its money. */
export class GetRoundImplementation extends Query<RoundImplementation> {
  constructor(
    readonly tenant: string,
    readonly roundId: string,
  ) {
    super();
  }
}

@QueryHandler(ListRoundOverviews)
export class ListRoundOverviewsHandler implements IQueryHandler<ListRoundOverviews, Page<Record<string, unknown>>> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, filters, paging }: ListRoundOverviews): Promise<Page<Record<string, unknown>>> {
    const db = await this.readModels.db();
    const { limit, offset, page, pageSize } = pageOf(paging);
    const rows = await db.read((m) =>
      m.query<{ row: RoundOverviewRow | null; total: string }[]>(
        pagedSql(
          `${db.schema}.round_overview`,
          'r',
          'tenant = $1 AND ($2::int IS NULL OR year = $2) AND ($3::text IS NULL OR phase = $3) AND ($4::text IS NULL OR budget_id = $4)',
          'year DESC, planned_at DESC, round_id',
          5,
        ),
        [tenant, filters.year ?? null, filters.phase ?? null, filters.budgetId ?? null, limit, offset],
      ),
    );
    const { rows: matched, total } = pageRows(rows);
    return { items: matched.map((row) => camel(row)), page, pageSize, total };
  }
}

@QueryHandler(GetRoundOverview)
export class GetRoundOverviewHandler implements IQueryHandler<GetRoundOverview, Record<string, unknown> & { execution: RoundExecution }> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, roundId }: GetRoundOverview): Promise<Record<string, unknown> & { execution: RoundExecution }> {
    const db = await this.readModels.db();
    const round = await findRound(db, roundId, tenant);
    if (!round) notFound('round', roundId);
    return { ...camel(round), execution: await roundExecution(db, round) };
  }
}

@QueryHandler(GetRoundImplementation)
export class GetRoundImplementationHandler implements IQueryHandler<GetRoundImplementation, RoundImplementation> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, roundId }: GetRoundImplementation): Promise<RoundImplementation> {
    const db = await this.readModels.db();
    const round = await findRound(db, roundId, tenant);
    if (!round) notFound('round', roundId);
    const plans = await db.read((m) =>
      m.query<{ row: PlanRow }[]>(`SELECT to_jsonb(p) AS row FROM ${db.schema}.plan p WHERE round_id = $1 AND tenant = $2 AND status = ANY($3::text[]) ORDER BY decided_at, proposal_id`, [
        roundId,
        tenant,
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
    return { roundId, execution: await roundExecution(db, round), items };
  }
}
