import { comparePositions, formatPosition, parsePosition, type Position } from '@lib/event-store';
import type { ReactorCheckpoints } from '@lib/platform';
import type { ReadModelDatabase } from '../read-model-database.js';

/**
 * The reactors' checkpoints in the projections' checkpoint table (one row per reactor, named
 * `reactor:<name>`): one place to see how far every consumer of `$all` has come.
 */
export class ReadModelReactorCheckpoints implements ReactorCheckpoints {
  constructor(private readonly db: () => Promise<ReadModelDatabase>) {}

  async load(name: string): Promise<Position | null> {
    const db = await this.db();
    const rows = await db.read((manager) => manager.query<{ position: string | null }[]>(`SELECT position FROM ${db.schema}.projection_checkpoint WHERE name = $1`, [name]));
    const position = rows[0]?.position ?? null;
    return position === null ? null : parsePosition(position);
  }

  async save(name: string, position: Position, handled: number, lastEventAt: Date | null): Promise<void> {
    const db = await this.db();
    await db.transaction(async (manager) => {
      await manager.query(`INSERT INTO ${db.schema}.projection_checkpoint (name, version, status) VALUES ($1, 1, 'running') ON CONFLICT (name) DO NOTHING`, [name]);
      const [row] = await manager.query<{ position: string | null }[]>(`SELECT position FROM ${db.schema}.projection_checkpoint WHERE name = $1 FOR UPDATE`, [name]);
      // Never backwards: a runner that lost its lock and still finishes an event does not undo a newer checkpoint.
      if (row?.position && comparePositions(parsePosition(row.position), position) >= 0) return;
      await manager.query(
        `UPDATE ${db.schema}.projection_checkpoint SET position = $2, events_handled = events_handled + $3, last_event_at = coalesce($4::timestamptz, last_event_at), updated_at = now() WHERE name = $1`,
        [name, formatPosition(position), handled, lastEventAt?.toISOString() ?? null],
      );
    });
  }
}
