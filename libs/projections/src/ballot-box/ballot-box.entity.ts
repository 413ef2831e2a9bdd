import { readModelEntity } from '../entity.js';

/** One row per ballot box (a round's vote). Table `ballot_box`. */
export interface BallotBoxRow {
  [column: string]: unknown;
  round_id: string;
  tenant: string;
  budget_id: string;
  frame_version: number;
  /** prepared | open | closed | sealed */
  phase: string;
  ballot_type: string;
  tally_rule: string;
  budget_cents: number;
  /** [{ planId, costCents, name?, area? }]: the plans on the ballot. */
  plans: { planId: string; costCents: number; name?: string; area?: string }[];
  /** Codes registered on the roll, and how many of them may vote. */
  registered: number;
  eligible: number;
  opened_at: string | null;
  closed_at: string | null;
  sealed_at: string | null;
  /** Voter sign-ins recorded (VoterSignedIn): a count for auditors, no one's in particular. */
  sign_ins: number;
  /** When the round key was destroyed (RoundKeyDestroyed); null while it lives. */
  key_destroyed_at: string | null;
  updated_at: string;
}

export const BallotBoxEntity = readModelEntity<BallotBoxRow>(
  'ballot_box',
  {
    round_id: 'text',
    tenant: 'text',
    budget_id: 'text',
    frame_version: 'integer',
    phase: 'text',
    ballot_type: 'text',
    tally_rule: 'text',
    budget_cents: 'bigint',
    plans: 'jsonb',
    registered: 'integer',
    eligible: 'integer',
    opened_at: 'timestamptz?',
    closed_at: 'timestamptz?',
    sealed_at: 'timestamptz?',
    sign_ins: 'integer',
    key_destroyed_at: 'timestamptz?',
    updated_at: 'timestamptz',
  },
  ['round_id'],
);

/** Ballots per area and channel (online, paper, assisted). Table `turnout_ballots`. */
export interface TurnoutBallotsRow {
  [column: string]: unknown;
  round_id: string;
  area: string;
  channel: string;
  tenant: string;
  ballots: number;
}

export const TurnoutBallotsEntity = readModelEntity<TurnoutBallotsRow>(
  'turnout_ballots',
  { round_id: 'text', area: 'text', channel: 'text', tenant: 'text', ballots: 'integer' },
  ['round_id', 'area', 'channel'],
);

/** Standing ballots per age band (`unknown` for ballots cast before the age band was recorded). Table `turnout_ballots_age`. */
export interface TurnoutBallotsAgeRow {
  [column: string]: unknown;
  round_id: string;
  age_band: string;
  tenant: string;
  ballots: number;
}

export const TurnoutBallotsAgeEntity = readModelEntity<TurnoutBallotsAgeRow>(
  'turnout_ballots_age',
  { round_id: 'text', age_band: 'text', tenant: 'text', ballots: 'integer' },
  ['round_id', 'age_band'],
);

/** Eligible participants on the roll per area and age band. Table `turnout_roll`. */
export interface TurnoutRollRow {
  [column: string]: unknown;
  round_id: string;
  area: string;
  age_band: string;
  tenant: string;
  eligible: number;
}

export const TurnoutRollEntity = readModelEntity<TurnoutRollRow>(
  'turnout_roll',
  { round_id: 'text', area: 'text', age_band: 'text', tenant: 'text', eligible: 'integer' },
  ['round_id', 'area', 'age_band'],
);
