import type { BallotContent } from '@lib/voting/events';
import { readModelEntity } from '../entity.js';

/**
 * Standing ballots per plan while voting runs (and the final tallies of votes after it closes).
 * Staff only, unless the frame makes interim results public. Table `live_count`.
 */
export interface LiveCountRow {
  [column: string]: unknown;
  round_id: string;
  plan_id: string;
  tenant: string;
  /** Standing ballots that name the plan. */
  ballots: number;
  /** Points (cumulative, scoring), or Borda-style 1 per mention otherwise. */
  points: number;
}

export const LiveCountEntity = readModelEntity<LiveCountRow>('live_count', { round_id: 'text', plan_id: 'text', tenant: 'text', ballots: 'integer', points: 'integer' }, [
  'round_id',
  'plan_id',
]);

/** Internal: each standing ballot's content, to subtract when it is replaced; emptied when the box is sealed. */
export interface LiveBallotRow {
  [column: string]: unknown;
  stream_name: string;
  round_id: string;
  content: BallotContent;
}

export const LiveBallotEntity = readModelEntity<LiveBallotRow>('live_ballot', { stream_name: 'text', round_id: 'text', content: 'jsonb' }, ['stream_name']);
