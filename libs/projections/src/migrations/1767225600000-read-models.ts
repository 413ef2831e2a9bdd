import type { Migration } from '@lib/event-store';

/** Checkpoints, budgets, rounds, plans, results, the audit timeline and the population reference. */
export const readModels: Migration = {
  version: 1767225600000,
  name: 'checkpoints, budgets, rounds, plans, results, audit timeline, population reference',
  sql: `
CREATE TABLE {{schema}}.projection_checkpoint (
  name              text PRIMARY KEY,
  version           integer NOT NULL,
  position          text,
  events_handled    bigint NOT NULL DEFAULT 0,
  last_event_at     timestamptz,
  status            text NOT NULL DEFAULT 'running',
  error             text,
  failed_stream     text,
  failed_position   text,
  failed_event_type text,
  failed_at         timestamptz,
  updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE {{schema}}.budget_overview (
  budget_id              text PRIMARY KEY,
  tenant                 text NOT NULL,
  title                  text NOT NULL,
  form                   text NOT NULL,
  amount_kind            text NOT NULL,
  amount_cents           bigint NOT NULL,
  frame_version          integer NOT NULL,
  frozen_by              jsonb NOT NULL,
  interim_results_public boolean NOT NULL,
  areas                  jsonb NOT NULL,
  criteria               jsonb NOT NULL,
  ballot_type            text,
  tally_rule             text,
  decision_body          text NOT NULL,
  decision_number        text NOT NULL,
  decision_date          text NOT NULL,
  established_at         timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL
);
CREATE INDEX budget_overview_tenant_idx ON {{schema}}.budget_overview (tenant);

CREATE TABLE {{schema}}.round_frame_flag (
  budget_id              text NOT NULL,
  frame_version          integer NOT NULL,
  interim_results_public boolean NOT NULL,
  PRIMARY KEY (budget_id, frame_version)
);

CREATE TABLE {{schema}}.round_overview (
  round_id               text PRIMARY KEY,
  tenant                 text NOT NULL,
  budget_id              text NOT NULL,
  title                  text NOT NULL,
  year                   integer NOT NULL,
  form                   text NOT NULL,
  decided_by             text,
  phase                  text NOT NULL,
  pipeline               jsonb NOT NULL,
  schedule               jsonb NOT NULL,
  phase_changed_at       timestamptz NOT NULL,
  frame_version          integer NOT NULL,
  rules_frozen_at        timestamptz,
  interim_results_public boolean NOT NULL,
  allocated_cents        bigint NOT NULL,
  area_ceilings          jsonb NOT NULL,
  committed_cents        bigint NOT NULL,
  result_status          text NOT NULL,
  result_total_cents     bigint,
  result_published_at    timestamptz,
  result_adopted_at      timestamptz,
  result_decision        jsonb,
  planned_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL
);
CREATE INDEX round_overview_tenant_idx ON {{schema}}.round_overview (tenant, year);

CREATE TABLE {{schema}}.plan (
  proposal_id                text PRIMARY KEY,
  tenant                     text NOT NULL,
  round_id                   text NOT NULL,
  budget_id                  text NOT NULL,
  form                       text NOT NULL,
  area_id                    text NOT NULL,
  theme_id                   text NOT NULL,
  title                      text NOT NULL,
  summary                    text NOT NULL,
  version                    integer NOT NULL,
  cost_cents                 bigint NOT NULL,
  maintenance_per_year_cents bigint NOT NULL,
  maintenance_years          integer NOT NULL,
  status                     text NOT NULL,
  feasibility                text NOT NULL,
  published_criteria         jsonb NOT NULL,
  verdicts                   jsonb NOT NULL,
  support_count              integer NOT NULL,
  support_threshold_reached  boolean NOT NULL,
  merged_into                text,
  decided_cents              bigint NOT NULL,
  decision_reference         text,
  decision_reason            text,
  decided_at                 timestamptz,
  implementation_started_on  text,
  paid_cents                 bigint NOT NULL,
  spent_cents                bigint NOT NULL,
  returned_cents             bigint NOT NULL,
  released_cents             bigint NOT NULL,
  realised_at                timestamptz,
  submitted_at               timestamptz NOT NULL,
  updated_at                 timestamptz NOT NULL
);
CREATE INDEX plan_round_idx ON {{schema}}.plan (tenant, round_id, status);

CREATE TABLE {{schema}}.result_plan (
  round_id     text NOT NULL,
  proposal_id  text NOT NULL,
  tenant       text NOT NULL,
  correction   integer NOT NULL,
  selected     boolean NOT NULL,
  amount_cents bigint,
  area_code    text,
  votes        integer,
  explanation  text NOT NULL,
  details      jsonb,
  published_at timestamptz NOT NULL,
  PRIMARY KEY (round_id, proposal_id)
);

CREATE TABLE {{schema}}.audit_stream_round (
  stream_name text PRIMARY KEY,
  round_id    text,
  budget_id   text
);

CREATE TABLE {{schema}}.audit_timeline (
  stream_name        text NOT NULL,
  revision           bigint NOT NULL,
  tenant             text NOT NULL,
  round_id           text,
  budget_id          text,
  commit_position    numeric(20) NOT NULL,
  prepare_position   numeric(20) NOT NULL,
  event_id           text NOT NULL,
  event_type         text NOT NULL,
  actor              text,
  role               text,
  at                 timestamptz NOT NULL,
  reason             text,
  decision_reference text,
  correlation_id     text,
  causation_id       text,
  PRIMARY KEY (stream_name, revision)
);
CREATE INDEX audit_timeline_round_idx ON {{schema}}.audit_timeline (tenant, round_id, commit_position, prepare_position);
CREATE INDEX audit_timeline_budget_idx ON {{schema}}.audit_timeline (tenant, budget_id, commit_position, prepare_position);

CREATE TABLE {{schema}}.population_reference (
  tenant      text NOT NULL,
  area_code   text NOT NULL,
  age_band    text NOT NULL,
  population  integer NOT NULL,
  source      text NOT NULL,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, area_code, age_band)
);
`,
};
