import type { Migration } from '@lib/event-store';

/** Standing ballots per round and age band (ballots record the participant's age band from the roll). */
export const turnoutAgeBand: Migration = {
  version: 1767225900000,
  name: 'turnout by age band',
  sql: `
CREATE TABLE {{schema}}.turnout_ballots_age (
  round_id text NOT NULL,
  age_band text NOT NULL,
  tenant   text NOT NULL,
  ballots  integer NOT NULL,
  PRIMARY KEY (round_id, age_band)
);
`,
};
