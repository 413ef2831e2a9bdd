import type { Migration } from '@lib/event-store';

/** What each committed batch touched (projection, municipality, round/budget/plan ids), for the live feed; kept an hour. */
export const projectionChange: Migration = {
  version: 1767225800000,
  name: 'projection changes for the live feed',
  sql: `
CREATE TABLE {{schema}}.projection_change (
  seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  projection     text NOT NULL,
  tenant         text NOT NULL,
  round_ids      jsonb NOT NULL,
  budget_ids     jsonb NOT NULL,
  plan_ids       jsonb NOT NULL,
  more           boolean NOT NULL,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projection_change_position_idx ON {{schema}}.projection_change (transaction_id, seq);
CREATE INDEX projection_change_at_idx ON {{schema}}.projection_change (at);
`,
};
