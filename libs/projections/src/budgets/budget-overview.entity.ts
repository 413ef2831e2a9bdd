import { readModelEntity } from '../entity.js';

/** One row per budget (council frame): the frame version in force. Table `budget_overview`. */
export interface BudgetOverviewRow {
  [column: string]: unknown;
  budget_id: string;
  /** Municipality, CBS code. */
  tenant: string;
  title: string;
  /** burgerbegroting | wijkbudget | dorpsbudget | initiatievenfonds */
  form: string;
  /** budget | subsidy-ceiling */
  amount_kind: string;
  amount_cents: number;
  frame_version: number;
  /** Rounds voting under the version in force (its rules may not change). */
  frozen_by: string[];
  interim_results_public: boolean;
  /** [{ code, name, kind, amountCents }] */
  areas: { code: string; name: string; kind: string; amountCents: number | null }[];
  /** [{ id, text, kind }]: the published feasibility criteria. */
  criteria: { id: string; text: string; kind: string }[];
  ballot_type: string | null;
  tally_rule: string | null;
  decision_body: string;
  decision_number: string;
  decision_date: string;
  established_at: string;
  updated_at: string;
}

export const BudgetOverviewEntity = readModelEntity<BudgetOverviewRow>(
  'budget_overview',
  {
    budget_id: 'text',
    tenant: 'text',
    title: 'text',
    form: 'text',
    amount_kind: 'text',
    amount_cents: 'bigint',
    frame_version: 'integer',
    frozen_by: 'jsonb',
    interim_results_public: 'boolean',
    areas: 'jsonb',
    criteria: 'jsonb',
    ballot_type: 'text?',
    tally_rule: 'text?',
    decision_body: 'text',
    decision_number: 'text',
    decision_date: 'text',
    established_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  ['budget_id'],
);
