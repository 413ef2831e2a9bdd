import type { Migration } from '@lib/event-store';

/** Ballot boxes, turnout by area/channel and the roll by area/age band, live counts per plan. */
export const votingReadModels: Migration = {
  version: 1767225700000,
  name: 'ballot boxes, turnout, live counts',
  sql: `
CREATE TABLE {{schema}}.ballot_box (
  round_id       text PRIMARY KEY,
  tenant         text NOT NULL,
  budget_id      text NOT NULL,
  frame_version  integer NOT NULL,
  phase          text NOT NULL,
  ballot_type    text NOT NULL,
  tally_rule     text NOT NULL,
  budget_cents   bigint NOT NULL,
  plans          jsonb NOT NULL,
  registered     integer NOT NULL,
  eligible       integer NOT NULL,
  opened_at      timestamptz,
  closed_at      timestamptz,
  sealed_at      timestamptz,
  updated_at     timestamptz NOT NULL
);

CREATE TABLE {{schema}}.turnout_ballots (
  round_id text NOT NULL,
  area     text NOT NULL,
  channel  text NOT NULL,
  tenant   text NOT NULL,
  ballots  integer NOT NULL,
  PRIMARY KEY (round_id, area, channel)
);

CREATE TABLE {{schema}}.turnout_roll (
  round_id text NOT NULL,
  area     text NOT NULL,
  age_band text NOT NULL,
  tenant   text NOT NULL,
  eligible integer NOT NULL,
  PRIMARY KEY (round_id, area, age_band)
);

CREATE TABLE {{schema}}.live_count (
  round_id text NOT NULL,
  plan_id  text NOT NULL,
  tenant   text NOT NULL,
  ballots  integer NOT NULL,
  points   integer NOT NULL,
  PRIMARY KEY (round_id, plan_id)
);

CREATE TABLE {{schema}}.live_ballot (
  stream_name text PRIMARY KEY,
  round_id    text NOT NULL,
  content     jsonb NOT NULL
);
CREATE INDEX live_ballot_round_idx ON {{schema}}.live_ballot (round_id);
`,
};
