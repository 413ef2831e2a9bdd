import { applyMigrations, type Migration } from './schema-migrations.js';
import type { SqlDriver } from './sql-client.js';

/** The event store's schema, in order. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'streams and events',
    sql: `
CREATE TABLE {{schema}}.streams (
  stream_id           text PRIMARY KEY,
  revision            bigint NOT NULL DEFAULT -1,
  deleted_before      bigint NOT NULL DEFAULT 0,
  tombstoned          boolean NOT NULL DEFAULT false,
  last_transaction_id xid8,
  metadata            jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE {{schema}}.events (
  global_position bigint GENERATED ALWAYS AS IDENTITY,
  transaction_id  xid8 NOT NULL,
  stream_id       text NOT NULL,
  revision        bigint NOT NULL,
  event_id        uuid NOT NULL,
  event_type      text NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  created         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_pkey PRIMARY KEY (stream_id, revision),
  CONSTRAINT events_event_id_key UNIQUE (stream_id, event_id)
);

CREATE UNIQUE INDEX events_position_idx ON {{schema}}.events (transaction_id, global_position);

CREATE FUNCTION {{schema}}.expected_revision_matches(p_expected text, p_revision bigint, p_exists boolean)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $fn$
  SELECT CASE p_expected
    WHEN 'any' THEN true
    WHEN 'no_stream' THEN NOT p_exists
    WHEN 'stream_exists' THEN p_exists
    ELSE p_expected::bigint = p_revision AND p_revision >= 0
  END
$fn$;

CREATE FUNCTION {{schema}}.append_events(p_stream text, p_expected text, p_events text)
RETURNS TABLE (outcome text, revision bigint, commit_position text, prepare_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_stream {{schema}}.streams%ROWTYPE;
  v_events jsonb := p_events::jsonb;
  v_count bigint := jsonb_array_length(p_events::jsonb);
  v_exists boolean;
  v_ids uuid[];
  v_found bigint;
  v_min_offset bigint;
  v_max_offset bigint;
  v_last bigint;
  v_xid xid8;
  v_position bigint;
BEGIN
  SELECT * INTO v_stream FROM {{schema}}.streams s WHERE s.stream_id = p_stream FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO {{schema}}.streams (stream_id) VALUES (p_stream) ON CONFLICT DO NOTHING;
    SELECT * INTO v_stream FROM {{schema}}.streams s WHERE s.stream_id = p_stream FOR UPDATE;
  END IF;
  IF v_stream.tombstoned THEN
    RETURN QUERY SELECT 'deleted'::text, NULL::bigint, NULL::text, NULL::bigint;
    RETURN;
  END IF;
  v_exists := v_stream.revision >= 0 AND v_stream.revision >= v_stream.deleted_before;

  -- 1. Idempotency: the same event ids, already in the stream, one after another, where this append would have put them.
  IF v_count > 0 AND v_stream.revision >= 0 THEN
    v_ids := ARRAY(SELECT (t.event->>'id')::uuid FROM jsonb_array_elements(v_events) AS t(event));
    SELECT count(*), min(e.revision - array_position(v_ids, e.event_id)), max(e.revision - array_position(v_ids, e.event_id)), max(e.revision)
      INTO v_found, v_min_offset, v_max_offset, v_last
      FROM {{schema}}.events e
     WHERE e.stream_id = p_stream AND e.event_id = ANY (v_ids);
    IF v_found > 0 THEN
      IF v_found = v_count AND v_min_offset = v_max_offset
         AND (p_expected IN ('any', 'no_stream', 'stream_exists') OR v_min_offset = p_expected::bigint) THEN
        RETURN QUERY SELECT 'duplicate'::text, e.revision, e.transaction_id::text, e.global_position
          FROM {{schema}}.events e WHERE e.stream_id = p_stream AND e.revision = v_last;
      ELSE
        RETURN QUERY SELECT 'wrong_expected'::text, CASE WHEN v_exists THEN v_stream.revision END, NULL::text, NULL::bigint;
      END IF;
      RETURN;
    END IF;
  END IF;

  -- 2. Optimistic concurrency.
  IF NOT {{schema}}.expected_revision_matches(p_expected, v_stream.revision, v_exists) THEN
    RETURN QUERY SELECT 'wrong_expected'::text, CASE WHEN v_exists THEN v_stream.revision END, NULL::text, NULL::bigint;
    RETURN;
  END IF;
  IF v_count = 0 THEN
    RETURN QUERY SELECT 'ok'::text, v_stream.revision, e.transaction_id::text, e.global_position
      FROM (SELECT 1) one LEFT JOIN {{schema}}.events e ON e.stream_id = p_stream AND e.revision = v_stream.revision;
    RETURN;
  END IF;

  -- 3. Order guard: a transaction older than the stream's last writer would sort before that writer's events in $all.
  v_xid := pg_current_xact_id();
  IF v_stream.last_transaction_id IS NOT NULL AND v_xid < v_stream.last_transaction_id THEN
    RETURN QUERY SELECT 'retry'::text, NULL::bigint, NULL::text, NULL::bigint;
    RETURN;
  END IF;

  -- 4. Write.
  WITH inserted AS (
    INSERT INTO {{schema}}.events (transaction_id, stream_id, revision, event_id, event_type, data, metadata)
    SELECT v_xid, p_stream, v_stream.revision + t.ord, (t.event->>'id')::uuid, t.event->>'type',
           t.event->'data', coalesce(t.event->'metadata', '{}'::jsonb)
      FROM jsonb_array_elements(v_events) WITH ORDINALITY AS t(event, ord)
     ORDER BY t.ord
    RETURNING global_position
  )
  SELECT max(global_position) INTO v_position FROM inserted;
  UPDATE {{schema}}.streams s SET revision = v_stream.revision + v_count, last_transaction_id = v_xid
   WHERE s.stream_id = p_stream;
  RETURN QUERY SELECT 'ok'::text, v_stream.revision + v_count, v_xid::text, v_position;
END
$fn$;

CREATE FUNCTION {{schema}}.delete_stream(p_stream text, p_expected text, p_hard boolean)
RETURNS TABLE (outcome text, revision bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_stream {{schema}}.streams%ROWTYPE;
  v_exists boolean;
BEGIN
  SELECT * INTO v_stream FROM {{schema}}.streams s WHERE s.stream_id = p_stream FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO {{schema}}.streams (stream_id) VALUES (p_stream) ON CONFLICT DO NOTHING;
    SELECT * INTO v_stream FROM {{schema}}.streams s WHERE s.stream_id = p_stream FOR UPDATE;
  END IF;
  IF v_stream.tombstoned THEN
    RETURN QUERY SELECT 'deleted'::text, NULL::bigint;
    RETURN;
  END IF;
  v_exists := v_stream.revision >= 0 AND v_stream.revision >= v_stream.deleted_before;
  IF NOT {{schema}}.expected_revision_matches(p_expected, v_stream.revision, v_exists) THEN
    RETURN QUERY SELECT 'wrong_expected'::text, CASE WHEN v_exists THEN v_stream.revision END;
    RETURN;
  END IF;
  IF p_hard THEN
    UPDATE {{schema}}.streams s SET tombstoned = true WHERE s.stream_id = p_stream;
  ELSE
    UPDATE {{schema}}.streams s SET deleted_before = v_stream.revision + 1 WHERE s.stream_id = p_stream;
  END IF;
  RETURN QUERY SELECT 'ok'::text, v_stream.revision;
END
$fn$;
`,
  },
  {
    version: 2,
    name: 'appends without a stream-row lock: revision and order guard from the events themselves',
    sql: `
DROP FUNCTION {{schema}}.append_events(text, text, text);
DROP FUNCTION {{schema}}.delete_stream(text, text, boolean);
DROP FUNCTION {{schema}}.expected_revision_matches(text, bigint, boolean);
ALTER TABLE {{schema}}.streams DROP COLUMN revision, DROP COLUMN last_transaction_id;

-- A tombstone is now also a marker event at the stream's next revision (appends see it as the head).
INSERT INTO {{schema}}.events (transaction_id, stream_id, revision, event_id, event_type, data, metadata)
SELECT pg_current_xact_id(), s.stream_id,
       coalesce((SELECT max(e.revision) FROM {{schema}}.events e WHERE e.stream_id = s.stream_id), -1) + 1,
       gen_random_uuid(), '$streamDeleted', '{}', '{}'
  FROM {{schema}}.streams s WHERE s.tombstoned;

CREATE FUNCTION {{schema}}.delete_stream(p_stream text, p_expected text, p_expected_revision bigint, p_hard boolean)
RETURNS TABLE (outcome text, revision bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_stream {{schema}}.streams%ROWTYPE;
  v_revision bigint;
  v_exists boolean;
  v_matches boolean;
BEGIN
  INSERT INTO {{schema}}.streams (stream_id) VALUES (p_stream) ON CONFLICT DO NOTHING;
  SELECT * INTO v_stream FROM {{schema}}.streams s WHERE s.stream_id = p_stream FOR UPDATE;
  IF v_stream.tombstoned THEN
    RETURN QUERY SELECT 'deleted'::text, NULL::bigint;
    RETURN;
  END IF;
  SELECT coalesce(max(e.revision), -1) INTO v_revision FROM {{schema}}.events e WHERE e.stream_id = p_stream;
  v_exists := v_revision >= 0 AND v_revision >= v_stream.deleted_before;
  v_matches := CASE p_expected
                 WHEN 'any' THEN true
                 WHEN 'no_stream' THEN NOT v_exists
                 WHEN 'stream_exists' THEN v_exists
                 ELSE v_revision >= 0 AND v_revision = p_expected_revision
               END;
  IF NOT v_matches THEN
    RETURN QUERY SELECT 'wrong_expected'::text, CASE WHEN v_exists THEN v_revision END;
    RETURN;
  END IF;
  IF p_hard THEN
    -- The marker takes the next revision: appends read it as the head, and one racing for that revision fails on the key.
    INSERT INTO {{schema}}.events (transaction_id, stream_id, revision, event_id, event_type, data, metadata)
    VALUES (pg_current_xact_id(), p_stream, v_revision + 1, gen_random_uuid(), '$streamDeleted', '{}', '{}');
    UPDATE {{schema}}.streams s SET tombstoned = true WHERE s.stream_id = p_stream;
  ELSE
    UPDATE {{schema}}.streams s SET deleted_before = v_revision + 1 WHERE s.stream_id = p_stream;
  END IF;
  RETURN QUERY SELECT 'ok'::text, v_revision;
END
$fn$;
`,
  },
  {
    version: 3,
    name: "the round's events by data.roundId: a seal reads its round, not all of $all",
    sql: `
CREATE INDEX events_round_id_idx ON {{schema}}.events ((data->'roundId')) WHERE (data->'roundId') IS NOT NULL;
`,
  },
];

/** Brings the event store's `schema` up to the latest migration; returns the versions it applied. */
export function migrate(driver: SqlDriver, schema: string): Promise<number[]> {
  return applyMigrations(driver, { owner: 'event-store', schema, migrations });
}
