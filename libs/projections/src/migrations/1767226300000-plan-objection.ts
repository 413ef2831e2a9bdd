import type { Migration } from '@lib/event-store';

/** The objection (bezwaar) against a plan's beschikking: where it stands and when its decision is due (Awb 7:10). */
export const planObjection: Migration = {
  version: 1767226300000,
  name: 'plan objection',
  sql: `
ALTER TABLE {{schema}}.plan
  ADD COLUMN objection_status           text,
  ADD COLUMN objection_decision_due     timestamptz,
  ADD COLUMN objection_decided_after_term boolean NOT NULL DEFAULT false;
CREATE INDEX plan_objection_due_idx ON {{schema}}.plan (tenant, objection_decision_due) WHERE objection_status = 'lodged';
`,
};
