import { readModelEntity } from '../entity.js';

/** Who did what when, per round, with the decision behind it. Table `audit_timeline`, one row per event. */
export interface AuditTimelineRow {
  [column: string]: unknown;
  stream_name: string;
  revision: number;
  tenant: string;
  round_id: string | null;
  budget_id: string | null;
  /** `$all` position (commit, prepare): the order of the timeline. */
  commit_position: string;
  prepare_position: string;
  event_id: string;
  event_type: string;
  /** Pseudonymous staff id, `system` or `voter`. */
  actor: string | null;
  role: string | null;
  at: string;
  reason: string | null;
  /** Council/college decision number, or the beschikking's reference. */
  decision_reference: string | null;
  correlation_id: string | null;
  causation_id: string | null;
}

export const AuditTimelineEntity = readModelEntity<AuditTimelineRow>(
  'audit_timeline',
  {
    stream_name: 'text',
    revision: 'bigint',
    tenant: 'text',
    round_id: 'text?',
    budget_id: 'text?',
    commit_position: 'numeric',
    prepare_position: 'numeric',
    event_id: 'text',
    event_type: 'text',
    actor: 'text?',
    role: 'text?',
    at: 'timestamptz',
    reason: 'text?',
    decision_reference: 'text?',
    correlation_id: 'text?',
    causation_id: 'text?',
  },
  ['stream_name', 'revision'],
);

/** Internal: which round and budget a stream belongs to. */
export interface AuditStreamRoundRow {
  [column: string]: unknown;
  stream_name: string;
  round_id: string | null;
  budget_id: string | null;
}

export const AuditStreamRoundEntity = readModelEntity<AuditStreamRoundRow>('audit_stream_round', { stream_name: 'text', round_id: 'text?', budget_id: 'text?' }, ['stream_name']);
