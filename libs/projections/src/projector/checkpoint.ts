import type { EntityManager } from 'typeorm';
import { formatPosition, type Position, parsePosition } from '@lib/event-store';
import type { ProjectionCheckpointRow } from '../checkpoints/projection-checkpoint.entity.js';
import type { Projection } from '../projection.js';

/** Another runner moved the checkpoint under us: stop and start again from the stored one. */
export class CheckpointMovedError extends Error {
  constructor(readonly projection: string, expected: string | null, actual: string | null) {
    super(`Projection ${projection}: checkpoint is ${actual ?? 'start'}, expected ${expected ?? 'start'}; another runner wrote it`);
    this.name = 'CheckpointMovedError';
  }
}

/**
 * Reads (and locks) the projection's checkpoint, creating it; when the stored version differs from
 * the projection's, empties its tables and starts it from the beginning: a version bump is a rebuild.
 */
export async function prepareCheckpoint(manager: EntityManager, schema: string, projection: Projection, options: { rebuild?: boolean } = {}): Promise<{ position: Position | null; rebuilt: boolean }> {
  await manager.query(`INSERT INTO ${schema}.projection_checkpoint (name, version, status) VALUES ($1, $2, 'running') ON CONFLICT (name) DO NOTHING`, [
    projection.name,
    projection.version,
  ]);
  const [row] = await manager.query<{ row: ProjectionCheckpointRow }[]>(
    `SELECT to_jsonb(c) AS row FROM ${schema}.projection_checkpoint c WHERE name = $1 FOR UPDATE`,
    [projection.name],
  );
  const checkpoint = row!.row;
  const fresh = checkpoint.position === null && Number(checkpoint.events_handled) === 0;
  if (options.rebuild || checkpoint.version !== projection.version || fresh) {
    await projection.truncate({ manager, schema });
    await manager.query(
      `UPDATE ${schema}.projection_checkpoint SET version = $2, position = NULL, events_handled = 0, last_event_at = NULL, status = 'running',
              error = NULL, failed_stream = NULL, failed_position = NULL, failed_event_type = NULL, failed_at = NULL, updated_at = now() WHERE name = $1`,
      [projection.name, projection.version],
    );
    return { position: null, rebuilt: !fresh || options.rebuild === true };
  }
  if (checkpoint.status !== 'running') {
    await manager.query(
      `UPDATE ${schema}.projection_checkpoint SET status = 'running', error = NULL, failed_stream = NULL, failed_position = NULL, failed_event_type = NULL, failed_at = NULL, updated_at = now() WHERE name = $1`,
      [projection.name],
    );
  }
  return { position: checkpoint.position === null ? null : parsePosition(checkpoint.position), rebuilt: false };
}

/** Locks the checkpoint row and checks it still stands where this runner left it. */
export async function lockCheckpoint(manager: EntityManager, schema: string, name: string, expected: Position | null): Promise<void> {
  const rows = await manager.query<{ position: string | null }[]>(`SELECT position FROM ${schema}.projection_checkpoint WHERE name = $1 FOR UPDATE`, [name]);
  const actual = rows[0]?.position ?? null;
  const wanted = expected === null ? null : formatPosition(expected);
  if (rows.length === 0 || actual !== wanted) throw new CheckpointMovedError(name, wanted, actual);
}

/** Moves the checkpoint; runs in the same transaction as the projection's writes. */
export async function advanceCheckpoint(manager: EntityManager, schema: string, name: string, position: Position, handled: number, lastEventAt: Date | null): Promise<void> {
  await manager.query(
    `UPDATE ${schema}.projection_checkpoint SET position = $2, events_handled = events_handled + $3, last_event_at = coalesce($4::timestamptz, last_event_at), updated_at = now() WHERE name = $1`,
    [name, formatPosition(position), handled, lastEventAt?.toISOString() ?? null],
  );
}

/**
 * Locks the checkpoint rows of several projections (in name order) and checks each still stands where
 * its runner left it: lockCheckpoint for a batch that one transaction commits for all of them.
 */
export async function lockCheckpoints(manager: EntityManager, schema: string, expected: readonly { name: string; position: Position | null }[]): Promise<void> {
  const rows = await manager.query<{ name: string; position: string | null }[]>(
    `SELECT name, position FROM ${schema}.projection_checkpoint WHERE name IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY name FOR UPDATE`,
    [JSON.stringify(expected.map((e) => e.name))],
  );
  const stored = new Map(rows.map((r) => [r.name, r.position]));
  for (const { name, position } of expected) {
    const wanted = position === null ? null : formatPosition(position);
    const actual = stored.get(name);
    if (actual === undefined || actual !== wanted) throw new CheckpointMovedError(name, wanted, actual ?? null);
  }
}

/** Moves several projections' checkpoints in one statement (advanceCheckpoint for each), in the batch's transaction. */
export async function advanceCheckpoints(
  manager: EntityManager,
  schema: string,
  advances: readonly { name: string; position: Position; handled: number; lastEventAt: Date | null }[],
): Promise<void> {
  if (advances.length === 0) return;
  const rows = advances.map((a) => ({ name: a.name, position: formatPosition(a.position), handled: a.handled, last_event_at: a.lastEventAt?.toISOString() ?? null }));
  await manager.query(
    `UPDATE ${schema}.projection_checkpoint c SET position = a.position, events_handled = c.events_handled + a.handled,
            last_event_at = coalesce(a.last_event_at, c.last_event_at), updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS a(name text, position text, handled bigint, last_event_at timestamptz) WHERE c.name = a.name`,
    [JSON.stringify(rows)],
  );
}

/** Marks the projection failed at an event, in its own transaction after the batch rolled back. */
export async function recordFailure(
  manager: EntityManager,
  schema: string,
  name: string,
  failure: { stream: string; position: Position; eventType: string; error: string },
): Promise<void> {
  await manager.query(
    `UPDATE ${schema}.projection_checkpoint SET status = 'failed', error = $2, failed_stream = $3, failed_position = $4, failed_event_type = $5, failed_at = now(), updated_at = now() WHERE name = $1`,
    [name, failure.error, failure.stream, formatPosition(failure.position), failure.eventType],
  );
}
