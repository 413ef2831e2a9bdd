import { readModelEntity } from '../entity.js';

/** The published (or corrected) result per plan, with the counting's explanation. Table `result_plan`. */
export interface ResultPlanRow {
  [column: string]: unknown;
  round_id: string;
  proposal_id: string;
  tenant: string;
  /** 0 for the published result, n for the n-th correction. */
  correction: number;
  selected: boolean;
  amount_cents: number | null;
  area_code: string | null;
  votes: number | null;
  /** Why the counting selected the plan or not (the tally's explanation). */
  explanation: string;
  /** Fairness and counting figures the tally recorded (e.g. Equal Shares' per-voter budget). */
  details: Record<string, unknown> | null;
  published_at: string;
}

export const ResultPlanEntity = readModelEntity<ResultPlanRow>(
  'result_plan',
  {
    round_id: 'text',
    proposal_id: 'text',
    tenant: 'text',
    correction: 'integer',
    selected: 'boolean',
    amount_cents: 'bigint?',
    area_code: 'text?',
    votes: 'integer?',
    explanation: 'text',
    details: 'jsonb?',
    published_at: 'timestamptz',
  },
  ['round_id', 'proposal_id'],
);
