import { readModelEntity } from '../entity.js';

/** One verdict on one published criterion, the latest per criterion. */
export interface PlanVerdict {
  criterionId: string;
  /** met | not_met | needs_revision */
  outcome: string;
  reason: string;
  /** Pseudonymous reviewer (staff only; never on the public page). */
  reviewerRef: string;
  version: number;
  at: string;
}

/** One row per plan (proposal). Table `plan`; money in integer euro cents. */
export interface PlanRow {
  [column: string]: unknown;
  proposal_id: string;
  tenant: string;
  round_id: string;
  budget_id: string;
  form: string;
  /** CBS buurt/wijk code. */
  area_id: string;
  theme_id: string;
  title: string;
  summary: string;
  version: number;
  /** Investment of the current version. */
  cost_cents: number;
  maintenance_per_year_cents: number;
  maintenance_years: number;
  /**
   * awaiting_moderation | moderation_refused (a resident's plan before and after moderation; never public)
   * | submitted | withdrawn | merged | admitted | refused | selected | not_selected | granted | grant_refused
   * | in_implementation | realised | partly_realised | cancelled
   */
  status: string;
  /** pending | feasible | not_feasible | needs_revision (over the published criteria, current version) */
  feasibility: string;
  published_criteria: string[];
  verdicts: PlanVerdict[];
  support_count: number;
  support_threshold_reached: boolean;
  merged_into: string | null;
  /** Money decided for the plan (selected: its cost; granted: the beschikking's amount). */
  decided_cents: number;
  decision_reference: string | null;
  decision_reason: string | null;
  decided_at: string | null;
  /** The statutory decision deadline (Awb) of an initiatievenfonds application, as extended; null for ballot plans. */
  decision_deadline: string | null;
  /** The beschikking came after that deadline (Awb 4:17: taken late, recorded as such). */
  decided_after_deadline: boolean;
  /** The objection against the beschikking: `lodged` (undecided), `decided`, `in_beroep`, `final`; null when none. */
  objection_status: string | null;
  /** While `lodged`: when the decision on it is due (Awb 7:10, as postponed). */
  objection_decision_due: string | null;
  /** The decision on the objection came after its term. */
  objection_decided_after_term: boolean;
  implementation_started_on: string | null;
  paid_cents: number;
  spent_cents: number;
  returned_cents: number;
  released_cents: number;
  realised_at: string | null;
  submitted_at: string;
  updated_at: string;
}

export const PlanEntity = readModelEntity<PlanRow>(
  'plan',
  {
    proposal_id: 'text',
    tenant: 'text',
    round_id: 'text',
    budget_id: 'text',
    form: 'text',
    area_id: 'text',
    theme_id: 'text',
    title: 'text',
    summary: 'text',
    version: 'integer',
    cost_cents: 'bigint',
    maintenance_per_year_cents: 'bigint',
    maintenance_years: 'integer',
    status: 'text',
    feasibility: 'text',
    published_criteria: 'jsonb',
    verdicts: 'jsonb',
    support_count: 'integer',
    support_threshold_reached: 'boolean',
    merged_into: 'text?',
    decided_cents: 'bigint',
    decision_reference: 'text?',
    decision_reason: 'text?',
    decided_at: 'timestamptz?',
    decision_deadline: 'timestamptz?',
    decided_after_deadline: 'boolean',
    objection_status: 'text?',
    objection_decision_due: 'timestamptz?',
    objection_decided_after_term: 'boolean',
    implementation_started_on: 'text?',
    paid_cents: 'bigint',
    spent_cents: 'bigint',
    returned_cents: 'bigint',
    released_cents: 'bigint',
    realised_at: 'timestamptz?',
    submitted_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  ['proposal_id'],
);
