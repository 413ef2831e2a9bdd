import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadModelsService } from '../http/read-models.service.js';
import type { ReadModelDatabase } from '../read-model-database.js';
import { WINNING_STATUSES } from '../rounds/round.queries.js';

/** One round's evaluation figures: shares, not persons; comparable across rounds and forms. Ballots, turnout and representativeness are null while voting runs unless the frame makes interim results public. */
export interface RoundEvaluation {
  roundId: string;
  title: string;
  form: string;
  year: number;
  phase: string;
  plansSubmitted: number;
  /** Plans found feasible / plans with a final feasibility verdict. */
  shareFeasible: number | null;
  eligible: number | null;
  ballots: number | null;
  turnout: number | null;
  /** Lowest and highest representativeness index over the areas (1 = proportional). */
  representativenessMin: number | null;
  representativenessMax: number | null;
  allocatedCents: number;
  committedCents: number;
  shareDecided: number | null;
  shareSpent: number | null;
  shareReturned: number | null;
  shareWinningRealised: number | null;
  /** Median days from submission to the decision on a plan. */
  medianDaysToDecision: number | null;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/** Evaluation of every round of a municipality (or one), from the read models only. */
export async function evaluateRounds(db: ReadModelDatabase, tenant: string, roundId?: string): Promise<RoundEvaluation[]> {
  return db.read(async (m) => {
    const s = db.schema;
    const rows = await m.query<Record<string, string | number | boolean | null>[]>(
      `SELECT r.round_id, r.title, r.form, r.year, r.phase, r.allocated_cents, r.committed_cents,
              (SELECT count(*) FROM ${s}.plan p WHERE p.round_id = r.round_id AND p.tenant = r.tenant) AS submitted,
              (SELECT count(*) FROM ${s}.plan p WHERE p.round_id = r.round_id AND p.tenant = r.tenant AND p.feasibility = 'feasible') AS feasible,
              (SELECT count(*) FROM ${s}.plan p WHERE p.round_id = r.round_id AND p.tenant = r.tenant AND p.feasibility IN ('feasible', 'not_feasible')) AS reviewed,
              (SELECT coalesce(sum(spent_cents), 0) FROM ${s}.plan p WHERE p.round_id = r.round_id AND p.tenant = r.tenant) AS spent,
              (SELECT coalesce(sum(returned_cents), 0) FROM ${s}.plan p WHERE p.round_id = r.round_id AND p.tenant = r.tenant) AS returned,
              (SELECT count(*) FROM ${s}.plan p WHERE p.round_id = r.round_id AND p.tenant = r.tenant AND p.status = ANY($3::text[])) AS winning,
              (SELECT count(*) FROM ${s}.plan p WHERE p.round_id = r.round_id AND p.tenant = r.tenant AND p.status IN ('realised', 'partly_realised')) AS realised,
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.decided_at - p.submitted_at) / 86400)
                 FROM ${s}.plan p WHERE p.round_id = r.round_id AND p.tenant = r.tenant AND p.decided_at IS NOT NULL) AS median_days,
              b.eligible, (b.phase = 'open' OR (b.phase IS NULL AND r.phase = 'voting')) AND NOT r.interim_results_public AS interim_hidden,
              (SELECT sum(ballots) FROM ${s}.turnout_ballots t WHERE t.round_id = r.round_id AND t.tenant = r.tenant) AS ballots
         FROM ${s}.round_overview r LEFT JOIN ${s}.ballot_box b ON b.round_id = r.round_id AND b.tenant = r.tenant
        WHERE r.tenant = $1 AND ($2::text IS NULL OR r.round_id = $2)
        ORDER BY r.year, r.round_id`,
      [tenant, roundId ?? null, WINNING_STATUSES],
    );
    const areas = await m.query<{ round_id: string; area: string; ballots: number; eligible: number }[]>(
      `SELECT coalesce(t.round_id, l.round_id) AS round_id, coalesce(t.area, l.area) AS area, coalesce(t.ballots, 0) AS ballots, coalesce(l.eligible, 0) AS eligible
         FROM (SELECT round_id, area, sum(ballots) AS ballots FROM ${s}.turnout_ballots WHERE tenant = $1 GROUP BY 1, 2) t
         FULL JOIN (SELECT round_id, area, sum(eligible) AS eligible FROM ${s}.turnout_roll WHERE tenant = $1 GROUP BY 1, 2) l ON l.round_id = t.round_id AND l.area = t.area`,
      [tenant],
    );
    return rows.map((r) => {
      const n = (k: string) => Number(r[k] ?? 0);
      // While voting runs, ballots and turnout are interim figures: left out unless the frame makes them public.
      const hidden = r.interim_hidden === true;
      const mine = hidden ? [] : areas.filter((a) => a.round_id === r.round_id);
      const voters = mine.reduce((sum, a) => sum + Number(a.ballots), 0);
      const population = mine.reduce((sum, a) => sum + Number(a.eligible), 0);
      const indices = mine.filter((a) => Number(a.eligible) > 0 && voters > 0).map((a) => Number(a.ballots) / voters / (Number(a.eligible) / population));
      return {
        roundId: String(r.round_id),
        title: String(r.title),
        form: String(r.form),
        year: n('year'),
        phase: String(r.phase),
        plansSubmitted: n('submitted'),
        shareFeasible: ratio(n('feasible'), n('reviewed')),
        eligible: r.eligible === null ? null : n('eligible'),
        ballots: r.ballots === null || hidden ? null : n('ballots'),
        turnout: r.eligible === null || hidden ? null : ratio(n('ballots'), n('eligible')),
        representativenessMin: indices.length ? Math.round(Math.min(...indices) * 100) / 100 : null,
        representativenessMax: indices.length ? Math.round(Math.max(...indices) * 100) / 100 : null,
        allocatedCents: n('allocated_cents'),
        committedCents: n('committed_cents'),
        shareDecided: ratio(n('committed_cents'), n('allocated_cents')),
        shareSpent: ratio(n('spent'), n('committed_cents')),
        shareReturned: ratio(n('returned'), n('committed_cents')),
        shareWinningRealised: ratio(n('realised'), n('winning')),
        medianDaysToDecision: r.median_days === null ? null : Math.round(Number(r.median_days) * 10) / 10,
      };
    });
  });
}

/** CSV (comma-separated, header row) of evaluations; every value is a number, a date-free label or empty. */
export function evaluationCsv(rows: RoundEvaluation[]): string {
  const columns: (keyof RoundEvaluation)[] = [
    'roundId', 'title', 'form', 'year', 'phase', 'plansSubmitted', 'shareFeasible', 'eligible', 'ballots', 'turnout', 'representativenessMin', 'representativenessMax',
    'allocatedCents', 'committedCents', 'shareDecided', 'shareSpent', 'shareReturned', 'shareWinningRealised', 'medianDaysToDecision',
  ];
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    // Quote, and neutralise spreadsheet formulas.
    return /[",\n\r]|^[=+\-@]/.test(text) ? `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** Evaluation of every round of one municipality, or of one round. */
export class GetEvaluation extends Query<RoundEvaluation[]> {
  constructor(
    readonly tenant: string,
    readonly roundId?: string,
  ) {
    super();
  }
}

@QueryHandler(GetEvaluation)
export class GetEvaluationHandler implements IQueryHandler<GetEvaluation, RoundEvaluation[]> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, roundId }: GetEvaluation): Promise<RoundEvaluation[]> {
    return evaluateRounds(await this.readModels.db(), tenant, roundId);
  }
}
