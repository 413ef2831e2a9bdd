import { readModelEntity } from '../entity.js';

/** Where each projection stands: `position` is the last `$all` position it committed (`commit/prepare`). */
export interface ProjectionCheckpointRow {
  name: string;
  version: number;
  position: string | null;
  events_handled: number;
  last_event_at: string | null;
  /** running | rebuilding | failed */
  status: string;
  error: string | null;
  failed_stream: string | null;
  failed_position: string | null;
  failed_event_type: string | null;
  failed_at: string | null;
  updated_at: string;
}

export const ProjectionCheckpointEntity = readModelEntity<ProjectionCheckpointRow>(
  'projection_checkpoint',
  {
    name: 'text',
    version: 'integer',
    position: 'text?',
    events_handled: 'bigint',
    last_event_at: 'timestamptz?',
    status: 'text',
    error: 'text?',
    failed_stream: 'text?',
    failed_position: 'text?',
    failed_event_type: 'text?',
    failed_at: 'timestamptz?',
    updated_at: 'timestamptz',
  },
  ['name'],
);
