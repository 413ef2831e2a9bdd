import { readModelEntity } from '../entity.js';

/** What one committed batch of a projection touched in one municipality (the live feed reads it; rows are kept an hour). */
export interface ProjectionChangeRow {
  seq: number;
  /** The writing transaction (`xid8`): the feed reads only rows older than every running transaction, so it never skips one. */
  transaction_id: string;
  projection: string;
  tenant: string;
  round_ids: string[];
  budget_ids: string[];
  /** Proposal ids (plans). */
  plan_ids: string[];
  /** More ids were touched than listed: refetch everything of that projection. */
  more: boolean;
  at: string;
}

export const ProjectionChangeEntity = readModelEntity<ProjectionChangeRow>(
  'projection_change',
  {
    seq: 'bigint',
    transaction_id: 'text',
    projection: 'text',
    tenant: 'text',
    round_ids: 'jsonb',
    budget_ids: 'jsonb',
    plan_ids: 'jsonb',
    more: 'boolean',
    at: 'timestamptz',
  },
  ['seq'],
);
