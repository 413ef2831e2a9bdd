import type { Migration } from '@lib/event-store';

/** Per ballot box: how many voter sign-ins were recorded (VoterSignedIn), and when the round key was destroyed. */
export const ballotBoxSecrecy: Migration = {
  version: 1767226200000,
  name: 'ballot box sign-ins and key destruction',
  sql: `
ALTER TABLE {{schema}}.ballot_box
  ADD COLUMN sign_ins         integer NOT NULL DEFAULT 0,
  ADD COLUMN key_destroyed_at timestamptz;
`,
};
