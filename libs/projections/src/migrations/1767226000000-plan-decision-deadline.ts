import type { Migration } from '@lib/event-store';

/** An application's statutory decision deadline (Awb), and whether its beschikking came after it. */
export const planDecisionDeadline: Migration = {
  version: 1767226000000,
  name: 'plan decision deadline',
  sql: `
ALTER TABLE {{schema}}.plan
  ADD COLUMN decision_deadline      timestamptz,
  ADD COLUMN decided_after_deadline boolean NOT NULL DEFAULT false;
CREATE INDEX plan_decision_deadline_idx ON {{schema}}.plan (tenant, decision_deadline) WHERE decision_deadline IS NOT NULL;
`,
};
