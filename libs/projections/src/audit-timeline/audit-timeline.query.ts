import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { camel, notFound, type Page, pageOf, type PageQuery, pagedSql, pageRows } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import { findRound } from '../rounds/round.queries.js';
import type { AuditTimelineRow } from './audit-timeline.entity.js';

/** Audit timeline of one round of one municipality, with its budget's frame decisions (auditors, administrators). */
export class GetAuditTimeline extends Query<Page<Record<string, unknown>>> {
  constructor(
    readonly tenant: string,
    readonly roundId: string,
    readonly paging: PageQuery = {},
  ) {
    super();
  }
}

@QueryHandler(GetAuditTimeline)
export class GetAuditTimelineHandler implements IQueryHandler<GetAuditTimeline, Page<Record<string, unknown>>> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, roundId, paging }: GetAuditTimeline): Promise<Page<Record<string, unknown>>> {
    const db = await this.readModels.db();
    const round = await findRound(db, roundId, tenant);
    if (!round) notFound('round', roundId);
    const { limit, offset, page, pageSize } = pageOf(paging);
    const rows = await db.read((m) =>
      m.query<{ row: AuditTimelineRow | null; total: string }[]>(
        pagedSql(`${db.schema}.audit_timeline`, 't', 'tenant = $1 AND (round_id = $2 OR (round_id IS NULL AND budget_id = $3))', 'commit_position, prepare_position', 4),
        [tenant, roundId, round.budget_id, limit, offset],
      ),
    );
    const { rows: matched, total } = pageRows(rows);
    const items = matched.map((row) => {
      const { commitPosition, preparePosition, ...rest } = camel(row);
      return { ...rest, position: `${String(commitPosition)}/${String(preparePosition)}` };
    });
    return { items, page, pageSize, total };
  }
}
