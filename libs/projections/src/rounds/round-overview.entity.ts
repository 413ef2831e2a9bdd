import { readModelEntity } from '../entity.js';

/** One row per round (edition). Table `round_overview`; money in integer euro cents. */
export interface RoundOverviewRow {
  [column: string]: unknown;
  round_id: string;
  tenant: string;
  budget_id: string;
  title: string;
  year: number;
  form: string;
  /** vote | residents-body | null */
  decided_by: string | null;
  /** planned | submission | support | feasibility | preselection | voting | counting | deliberation | adoption | implementation | intake | closed */
  phase: string;
  pipeline: string[];
  /** [{ phase, opensOn, closesOn? }] */
  schedule: { phase: string; opensOn: string; closesOn?: string }[];
  phase_changed_at: string;
  frame_version: number;
  rules_frozen_at: string | null;
  /** The frame lets the public see interim counts while voting runs. */
  interim_results_public: boolean;
  /** The round's ceiling: frame amount plus carry-over. */
  allocated_cents: number;
  area_ceilings: { areaCode: string; amountCents: number }[];
  /** Money committed to plans (decided), after releases. */
  committed_cents: number;
  /** none | published | adopted | corrected */
  result_status: string;
  result_total_cents: number | null;
  result_published_at: string | null;
  result_adopted_at: string | null;
  result_decision: { body: string; number: string; date: string } | null;
  planned_at: string;
  updated_at: string;
}

export const RoundOverviewEntity = readModelEntity<RoundOverviewRow>(
  'round_overview',
  {
    round_id: 'text',
    tenant: 'text',
    budget_id: 'text',
    title: 'text',
    year: 'integer',
    form: 'text',
    decided_by: 'text?',
    phase: 'text',
    pipeline: 'jsonb',
    schedule: 'jsonb',
    phase_changed_at: 'timestamptz',
    frame_version: 'integer',
    rules_frozen_at: 'timestamptz?',
    interim_results_public: 'boolean',
    allocated_cents: 'bigint',
    area_ceilings: 'jsonb',
    committed_cents: 'bigint',
    result_status: 'text',
    result_total_cents: 'bigint?',
    result_published_at: 'timestamptz?',
    result_adopted_at: 'timestamptz?',
    result_decision: 'jsonb?',
    planned_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  ['round_id'],
);

/** Internal to the round projection: whether a frame version makes interim results public. */
export interface RoundFrameFlagRow {
  [column: string]: unknown;
  budget_id: string;
  frame_version: number;
  interim_results_public: boolean;
}

export const RoundFrameFlagEntity = readModelEntity<RoundFrameFlagRow>(
  'round_frame_flag',
  { budget_id: 'text', frame_version: 'integer', interim_results_public: 'boolean' },
  ['budget_id', 'frame_version'],
);

/**
 * One row per seal of a round (`RoundSealed` on `Round-<id>`, revision `revision`). Table `round_seal`:
 * the digest over the round's streams up to `$all` position `up_to`, when and at which phase change,
 * and the head of the store-wide chain it fixed (`chain_*`, absent on seals from before the chain).
 */
export interface RoundSealRow {
  [column: string]: unknown;
  round_id: string;
  revision: number;
  tenant: string;
  digest: string;
  up_to: string;
  streams: number;
  events: number;
  sealed_at: string;
  /** The phase the round moved to (absent for a seal taken outside a phase change). */
  phase: string | null;
  chain_link: number | null;
  chain_up_to: string | null;
  chain_digest: string | null;
}

export const RoundSealEntity = readModelEntity<RoundSealRow>(
  'round_seal',
  {
    round_id: 'text',
    revision: 'bigint',
    tenant: 'text',
    digest: 'text',
    up_to: 'text',
    streams: 'integer',
    events: 'integer',
    sealed_at: 'timestamptz',
    phase: 'text?',
    chain_link: 'integer?',
    chain_up_to: 'text?',
    chain_digest: 'text?',
  },
  ['round_id', 'revision'],
);
