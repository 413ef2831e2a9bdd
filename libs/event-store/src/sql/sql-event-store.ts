import { catchUpSubscription, type CatchUpPage, TypedWakers } from '../catch-up-subscription.js';
import { ReadBatcher } from './read-batcher.js';
import { EventStoreUnavailableError, StreamDeletedError, WrongExpectedVersionError } from '../event-store.errors.js';
import type {
  AllFilter,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  RoundStreamTips,
  StreamMetadata,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port.js';
import { migrate } from './migrations.js';
import { isConnectionLevel, quoteIdent, type SqlDriver, type SqlQueryable } from './sql-client.js';

/** The schema the event store's tables live in unless configured otherwise. */
export const DEFAULT_EVENT_STORE_SCHEMA = 'event_store';

export interface SqlEventStoreOptions {
  /** PostgreSQL schema of the tables. Default `event_store`. */
  schema?: string;
  /** Apply pending migrations on open. Default true. */
  migrate?: boolean;
  /** Longest a live subscription sleeps without a wake-up. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Events per read while catching up. Default 1000. */
  pageSize?: number;
  /** Forward stream reads running at once before further ones wait and go together in one statement. Default 2. */
  readConcurrency?: number;
  /** NOTIFY after appends so subscriptions in other processes wake up. Default true. */
  notify?: boolean;
}

/** Where a held append pauses (see `SqlEventStore.beginHeldAppend`). */
export type HeldAppendPause = 'afterTransactionStart' | 'beforeCommit';

/** An append paused inside its transaction; `release()` lets it finish. */
export interface HeldAppend {
  release(): Promise<AppendResult>;
}

interface InsertRow {
  inserted: string | number;
  revision: string | null;
  commit_position: string | null;
  prepare_position: string | null;
}

interface StateRow {
  revision: string;
  deleted_before: string;
  tombstoned: boolean;
  found: string | number;
  min_offset: string | null;
  max_offset: string | null;
  last_found: string | null;
}

interface EventRow {
  commit_position: string;
  prepare_position: string;
  stream_id: string;
  revision: string;
  event_id: string;
  event_type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  created: Date | string;
}

const MAX_BIGINT = '9223372036854775807';
const MAX_ATTEMPTS = 1000;
const NOTIFY_INTERVAL_MS = 20;
const TOMBSTONE_TYPE = '$streamDeleted';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const eventColumns = `e.transaction_id::text AS commit_position, e.global_position::text AS prepare_position,
  e.stream_id, e.revision::text AS revision, e.event_id::text AS event_id, e.event_type, e.data, e.metadata, e.created`;

/**
 * The event store on PostgreSQL or PGlite. `$all` is ordered by (transaction id, global position);
 * readers only see transactions older than every running one, so a slow writer stalls them and never
 * makes them skip. See docs/event-store.md.
 */
export class SqlEventStore implements EventStore {
  readonly schema: string;
  private readonly s: string;
  private readonly channel: string;
  private readonly wakers = new TypedWakers();
  /** Event types appended since the last NOTIFY went out: the next one names them. */
  private unannounced = new Set<string>();
  private readonly subscriptions = new Set<Subscription>();
  private unlisten: Promise<(() => Promise<void>) | undefined> | undefined;
  private listeners = 0;
  private notifyState: 'idle' | 'busy' | 'again' = 'idle';
  /** When the last NOTIFY went out (ms). */
  private lastNotify = 0;
  /** The NOTIFY loop while it runs. */
  private notifying: Promise<void> | undefined;
  private closed = false;
  private readonly sql: Statements;
  private readonly forwardReads: ReadBatcher<ForwardRead, RecordedEvent[]>;

  constructor(
    readonly driver: SqlDriver,
    private readonly options: SqlEventStoreOptions = {},
  ) {
    this.schema = options.schema ?? DEFAULT_EVENT_STORE_SCHEMA;
    this.s = quoteIdent(this.schema);
    this.channel = `${this.schema.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_appended`.slice(0, 63);
    this.sql = statements(this.s, this.schema);
    this.forwardReads = new ReadBatcher({
      limit: options.readConcurrency ?? 2,
      maxBatch: 200,
      one: (read) => this.readOneStream(read.streamName, { fromRevision: read.from, ...(read.maxCount === null ? {} : { maxCount: read.maxCount }) }),
      many: (reads) => this.readManyStreams(reads),
    });
  }

  async append(streamName: string, events: NewEvent[], options: { expectedRevision?: ExpectedRevision } = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    const payload = encodeEvents(events);
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        let row: InsertRow | undefined;
        try {
          // 1. Optimistic: one statement, no lock. 2. After a lost race: contenders queue on an advisory lock.
          row =
            attempt === 0
              ? await this.tryInsert(this.driver, streamName, expected, payload)
              : await this.driver.transaction(async (tx) => {
                  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}:${streamName}`]);
                  return this.tryInsert(tx, streamName, expected, payload);
                });
        } catch (error) {
          // A unique violation: another writer took the revision, or some ids are already in the stream.
          if (!isUniqueViolation(error)) throw error;
        }
        // The usual case, without another await: written.
        if (row && Number(row.inserted) > 0) return this.written(row, events);
        const result = await this.settle(streamName, expected, events);
        if (result) return result;
      }
    } catch (error) {
      throw unavailableOr(error);
    }
    throw new Error(`Stream ${streamName}: append still contended after ${MAX_ATTEMPTS} attempts`);
  }

  private written(row: InsertRow, events: readonly NewEvent[]): AppendResult {
    this.announce(events.map((event) => event.type));
    return {
      nextRevision: BigInt(row.revision!),
      position: { commit: BigInt(row.commit_position!), prepare: BigInt(row.prepare_position!) },
    };
  }

  /**
   * Test hook: starts an append in its own transaction and pauses it, either right after the
   * transaction took its id or after writing and before COMMIT, until `release()`. Resolves once
   * paused. Only for PostgreSQL: on PGlite a paused transaction blocks every other query.
   */
  async beginHeldAppend(
    streamName: string,
    events: NewEvent[],
    options: { expectedRevision?: ExpectedRevision },
    pause: HeldAppendPause,
  ): Promise<HeldAppend> {
    const expected = options.expectedRevision ?? 'any';
    const payload = encodeEvents(events);
    let paused!: () => void;
    const reached = new Promise<void>((resolve) => (paused = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = this.driver.transaction(async (tx) => {
      await tx.query('SELECT pg_current_xact_id()');
      if (pause === 'afterTransactionStart') {
        paused();
        await released;
      }
      const row = await this.tryInsert(tx, streamName, expected, payload);
      if (pause === 'beforeCommit') {
        paused();
        await released;
      }
      return row;
    });
    held.catch(() => paused());
    await reached;
    return {
      release: async () => {
        release();
        const row = await this.guarded(() => held).catch((error: unknown) => {
          if (isUniqueViolation(error)) return undefined;
          throw error;
        });
        if (row && Number(row.inserted) > 0) return this.written(row, events);
        const result = await this.guarded(() => this.settle(streamName, expected, events));
        return result ?? this.append(streamName, events, options);
      },
    };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    // Forward reads (every command's) go through the batcher: under load, those that wait share one statement.
    if (!backwards && from !== 'end') return this.forwardReads.run({ streamName, from: from === 'start' ? 0n : from, maxCount: options.maxCount ?? null });
    return this.readOneStream(streamName, options);
  }

  /** One stream's events, in one statement of its own. */
  private async readOneStream(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const bound = from === 'start' ? '0' : from === 'end' ? MAX_BIGINT : from.toString();
    const rows = await this.guarded(() =>
      this.driver.query<EventRow & { tombstoned: boolean; revision: string | null }>(
        `WITH st AS (
           SELECT coalesce(st.tombstoned, false) AS tombstoned, coalesce(st.deleted_before, 0) AS deleted_before,
                  coalesce(st.metadata, '{}'::jsonb) AS metadata,
                  (SELECT max(h.revision) FROM ${this.s}.events h WHERE h.stream_id = $1) AS head
             FROM (SELECT 1) AS one LEFT JOIN ${this.s}.streams st ON st.stream_id = $1
         ), s AS (
           SELECT tombstoned,
                  greatest(deleted_before, coalesce((metadata->>'truncateBefore')::bigint, 0),
                           CASE WHEN metadata->>'maxCount' IS NOT NULL THEN head - (metadata->>'maxCount')::bigint + 1 ELSE 0 END) AS first_visible,
                  (metadata->>'maxAge')::double precision AS max_age
             FROM st
         )
         SELECT s.tombstoned, e.* FROM s LEFT JOIN LATERAL (
           SELECT ${eventColumns} FROM ${this.s}.events e
            WHERE e.stream_id = $1 AND e.revision >= s.first_visible
              AND e.revision ${backwards ? '<=' : '>='} $2::bigint
              ${from === 'end' && !backwards ? 'AND false' : ''}
              AND (s.max_age IS NULL OR e.created >= now() - s.max_age * interval '1 second')
            ORDER BY e.revision ${backwards ? 'DESC' : 'ASC'}
            LIMIT $3
         ) e ON true`,
        [streamName, bound, options.maxCount ?? null],
        // Prepared once per connection: every command reads its stream first.
        { name: `event_store_read_${backwards ? 'b' : 'f'}${from === 'end' && !backwards ? 'e' : ''}_${this.schema}`.slice(0, 63) },
      ),
    );
    if (rows[0]?.tombstoned) throw new StreamDeletedError(streamName);
    return rows.filter((row) => row.revision !== null).map(toRecordedEvent);
  }

  /** Several streams' forward reads in one statement: per read its events, or StreamDeletedError for a deleted stream. */
  private async readManyStreams(reads: ForwardRead[]): Promise<(RecordedEvent[] | Error)[]> {
    const input = JSON.stringify(reads.map((read, ord) => ({ ord, stream_id: read.streamName, bound: read.from.toString(), max_count: read.maxCount })));
    const rows = await this.guarded(() =>
      this.driver.query<EventRow & { ord: number; tombstoned: boolean; revision: string | null }>(this.sql.readMany, [input], { name: this.sql.readManyName }),
    );
    const results: (RecordedEvent[] | Error)[] = reads.map(() => []);
    for (const row of rows) {
      const result = results[row.ord];
      if (row.tombstoned) results[row.ord] = new StreamDeletedError(reads[row.ord]!.streamName);
      else if (row.revision !== null && Array.isArray(result)) result.push(toRecordedEvent(row));
    }
    return results;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const page = await this.guarded(() => this.readAllPage(options.after ?? 'start', options.maxCount ?? 1000, options.filter));
    return page.events;
  }

  /**
   * The round's streams up to a position (see the port), from the index on `data->'roundId'` and the
   * primary key: one statement whose cost follows the round's streams, not the store. The bound is
   * `upTo` or the head of `$all` as `readAll` sees it (transactions older than every running one).
   */
  async roundStreamTips(roundId: string, options: { upTo?: Position } = {}): Promise<RoundStreamTips> {
    const rows = await this.guarded(() =>
      this.driver.query<{
        last_commit: string | null;
        last_prepare: string | null;
        stream_id: string | null;
        events: string;
        revision: string;
        commit_position: string;
        prepare_position: string;
        metadata: Record<string, unknown>;
      }>(this.sql.roundStreamTips, [JSON.stringify(roundId), `Round-${roundId}`, options.upTo?.commit.toString() ?? null, options.upTo?.prepare.toString() ?? null], {
        name: this.sql.roundStreamTipsName,
      }),
    );
    const first = rows[0];
    return {
      last: first?.last_commit != null && first.last_prepare != null ? { commit: BigInt(first.last_commit), prepare: BigInt(first.last_prepare) } : null,
      streams: rows
        .filter((row) => row.stream_id !== null)
        .map((row) => ({
          streamName: row.stream_id!,
          events: Number(row.events),
          revision: BigInt(row.revision),
          position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
          metadata: row.metadata,
        })),
    };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const wakeUps = this.wakers.register(options.filter?.eventTypes);
    const subscription: Subscription = catchUpSubscription({
      after: options.after ?? 'start',
      readPage: (after, limit) => this.guarded(() => this.readAllPage(after, limit, options.filter)),
      waker: wakeUps.waker,
      pageSize: this.options.pageSize ?? 1000,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
      onStart: async () => {
        wakeUps.attach();
        await this.startListening();
      },
      onEnd: async () => {
        wakeUps.release();
        this.subscriptions.delete(subscription);
        await this.stopListening();
      },
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadata> {
    const rows = await this.guarded(() =>
      this.driver.query<{ tombstoned: boolean; metadata: Record<string, unknown> }>(
        `SELECT tombstoned, metadata FROM ${this.s}.streams WHERE stream_id = $1`,
        [streamName],
      ),
    );
    if (rows[0]?.tombstoned) throw new StreamDeletedError(streamName);
    return decodeStreamMetadata(rows[0]?.metadata ?? {});
  }

  async setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<void> {
    const rows = await this.guarded(() =>
      this.driver.query(
        `INSERT INTO ${this.s}.streams AS s (stream_id, metadata) VALUES ($1, $2::text::jsonb)
         ON CONFLICT (stream_id) DO UPDATE SET metadata = excluded.metadata WHERE NOT s.tombstoned
         RETURNING 1`,
        [streamName, JSON.stringify(encodeStreamMetadata(metadata))],
      ),
    );
    if (rows.length === 0) throw new StreamDeletedError(streamName);
  }

  async deleteStream(streamName: string, options: { expectedRevision?: ExpectedRevision } = {}): Promise<void> {
    await this.delete(streamName, options.expectedRevision ?? 'any', false);
  }

  async tombstoneStream(streamName: string, options: { expectedRevision?: ExpectedRevision } = {}): Promise<void> {
    await this.delete(streamName, options.expectedRevision ?? 'any', true);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    // The appends that completed still wake other processes: the NOTIFY waiting for its interval goes
    // out before the driver closes (sent afterwards, it would open a connection nothing closes).
    await this.notifying;
    await this.driver.close();
  }

  private async delete(streamName: string, expected: ExpectedRevision, hard: boolean): Promise<void> {
    const [kind, revision] = splitExpected(expected);
    const [row] = await this.guarded(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.driver.query<{ outcome: string; revision: string | null }>(
            `SELECT outcome, revision::text AS revision FROM ${this.s}.delete_stream($1, $2, $3, $4)`,
            [streamName, kind, revision, hard],
          );
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
        }
      }
    });
    if (row!.outcome === 'deleted') throw new StreamDeletedError(streamName);
    if (row!.outcome === 'wrong_expected') {
      throw new WrongExpectedVersionError(streamName, expected, row!.revision === null ? 'no_stream' : BigInt(row!.revision));
    }
  }

  /**
   * Inserts the batch at the stream's next revisions if, as of this statement, the stream is not
   * tombstoned, matches the expected revision, and its last event was written by this transaction or
   * an older one (the order guard); otherwise inserts nothing. Two racing writers collide on the
   * primary key, a retried batch on the (stream, event id) key: both raise a unique violation.
   */
  private async tryInsert(db: SqlQueryable, streamName: string, expected: ExpectedRevision, payload: EncodedEvents): Promise<InsertRow> {
    const [kind, revision] = splitExpected(expected);
    if ('one' in payload) {
      // One event (what most commands append): plain parameters, no JSON array to take apart.
      const [row] = await db.query<InsertRow>(this.sql.insertOne, [streamName, kind, revision, ...payload.one], { name: this.sql.insertOneName });
      return row ?? { inserted: 0, revision: null, commit_position: null, prepare_position: null };
    }
    const [row] = await db.query<InsertRow>(this.sql.insert, [streamName, kind, revision, payload.many], { name: this.sql.insertName });
    return row!;
  }

  /**
   * After a `tryInsert` that wrote nothing (or hit a unique violation): why not (an error, or the
   * original result of an idempotent retry), or `undefined` to try again.
   */
  private async settle(streamName: string, expected: ExpectedRevision, events: NewEvent[]): Promise<AppendResult | undefined> {
    const [state] = await this.driver.query<StateRow>(this.sql.state, [streamName, JSON.stringify(events.map((e) => e.id))]);
    const revision = BigInt(state!.revision);
    const exists = revision >= 0n && revision >= BigInt(state!.deleted_before);
    const actual = exists ? revision : 'no_stream';
    if (state!.tombstoned) throw new StreamDeletedError(streamName);
    if (Number(state!.found) > 0) {
      const firstOffset = BigInt(state!.min_offset!);
      const idempotent =
        Number(state!.found) === events.length &&
        state!.min_offset === state!.max_offset &&
        (typeof expected !== 'bigint' || firstOffset === expected);
      if (!idempotent) throw new WrongExpectedVersionError(streamName, expected, actual);
      return { nextRevision: BigInt(state!.last_found!), position: await this.positionOf(streamName, BigInt(state!.last_found!)) };
    }
    if (!matchesExpected(expected, revision, exists)) throw new WrongExpectedVersionError(streamName, expected, actual);
    if (events.length === 0) {
      return { nextRevision: revision, position: revision >= 0n ? await this.positionOf(streamName, revision) : { commit: 0n, prepare: 0n } };
    }
    return undefined;
  }

  private async positionOf(streamName: string, revision: bigint): Promise<Position> {
    const [row] = await this.driver.query<{ commit_position: string; prepare_position: string }>(
      `SELECT transaction_id::text AS commit_position, global_position::text AS prepare_position
         FROM ${this.s}.events WHERE stream_id = $1 AND revision = $2`,
      [streamName, revision.toString()],
    );
    return { commit: BigInt(row!.commit_position), prepare: BigInt(row!.prepare_position) };
  }

  private async readAllPage(after: Position | 'start', limit: number, filter: AllFilter | undefined): Promise<CatchUpPage> {
    const from = after === 'start' ? { commit: 0n, prepare: 0n } : after;
    const prefixes = filter?.streamPrefixes?.length ? JSON.stringify(filter.streamPrefixes) : null;
    const types = filter?.eventTypes?.length ? JSON.stringify(filter.eventTypes) : null;
    const rows = await this.driver.query<
      Partial<EventRow> & { head_commit: string | null; head_prepare: string | null; pending: boolean }
    >(
      `WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
       meta AS (
         SELECT h.transaction_id AS head_xid, h.global_position AS head_gp,
                (SELECT p.transaction_id FROM ${this.s}.events p WHERE p.transaction_id >= snapshot.xmin
                  ORDER BY p.transaction_id, p.global_position LIMIT 1) IS NOT NULL AS pending
           FROM snapshot
           LEFT JOIN LATERAL (
             SELECT transaction_id, global_position FROM ${this.s}.events
              WHERE transaction_id < snapshot.xmin
              ORDER BY transaction_id DESC, global_position DESC LIMIT 1
           ) h ON true
       )
       SELECT meta.head_xid::text AS head_commit, meta.head_gp::text AS head_prepare, meta.pending, e.*
         FROM meta LEFT JOIN LATERAL (
           SELECT ${eventColumns} FROM ${this.s}.events e
            WHERE (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)
              AND (e.transaction_id, e.global_position) <= (meta.head_xid, meta.head_gp)
              AND ($4::text IS NULL OR EXISTS (
                    SELECT 1 FROM jsonb_array_elements_text($4::text::jsonb) AS p(prefix) WHERE starts_with(e.stream_id, p.prefix)))
              AND ($5::text IS NULL OR e.event_type IN (SELECT jsonb_array_elements_text($5::text::jsonb)))
              AND e.event_type <> '${TOMBSTONE_TYPE}'
            ORDER BY e.transaction_id, e.global_position
            LIMIT $3
         ) e ON true`,
      [from.commit.toString(), from.prepare.toString(), limit, prefixes, types],
      // Prepared: live subscriptions read many small pages, and planning cost more than running (docs/event-store.md).
      { name: `event_store_read_all_${this.schema}`.slice(0, 63) },
    );
    const first = rows[0];
    return {
      events: rows.filter((row) => row.revision !== null && row.revision !== undefined).map((row) => toRecordedEvent(row as EventRow)),
      scannedTo:
        first?.head_commit != null && first.head_prepare != null
          ? { commit: BigInt(first.head_commit), prepare: BigInt(first.head_prepare) }
          : null,
      pending: first?.pending ?? false,
    };
  }

  /**
   * Wakes this process's subscriptions that read one of `types` now and, coalesced, other processes'
   * through NOTIFY, whose payload names the types appended since the last one.
   */
  private announce(types: readonly string[]): void {
    this.wakers.wake(types);
    if (this.options.notify === false || !this.driver.notify || this.closed) return;
    for (const type of types) this.unannounced.add(type);
    if (this.notifyState !== 'idle') {
      this.notifyState = 'again';
      return;
    }
    this.notifyState = 'busy';
    const send = async (): Promise<void> => {
      do {
        // At most one NOTIFY per interval, the first too: each is a transaction that flushes WAL, and
        // a voter at a time would otherwise cost one per ballot.
        const wait = NOTIFY_INTERVAL_MS - (Date.now() - this.lastNotify);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        this.notifyState = 'busy';
        this.lastNotify = Date.now();
        const payload = notificationPayload(this.unannounced);
        this.unannounced = new Set();
        await this.driver.notify!(this.channel, payload).catch(() => undefined);
      } while ((this.notifyState as string) === 'again');
      this.notifyState = 'idle';
    };
    this.notifying = send().finally(() => (this.notifying = undefined));
  }

  private async startListening(): Promise<void> {
    this.listeners++;
    if (this.unlisten || !this.driver.listen) return;
    this.unlisten = this.driver.listen(this.channel, (payload) => this.wakers.wake(notifiedTypes(payload))).catch(() => {
      this.unlisten = undefined;
      return undefined;
    });
    await this.unlisten;
  }

  private async stopListening(): Promise<void> {
    this.listeners--;
    if (this.listeners > 0 || !this.unlisten) return;
    const pending = this.unlisten;
    this.unlisten = undefined;
    const unlisten = await pending;
    await unlisten?.().catch(() => undefined);
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw unavailableOr(error);
    }
  }
}

/** NOTIFY's payload is at most 8000 bytes: longer lists (and names with a comma) go as none, which wakes every subscription. */
const MAX_PAYLOAD = 7000;

/** The payload of an append's NOTIFY: the event types, comma-separated; null (wake every subscription) when they do not fit. */
export function notificationPayload(types: ReadonlySet<string>): string | null {
  const names = [...types];
  if (names.length === 0 || names.some((name) => name.includes(',') || name === '')) return null;
  const payload = names.join(',');
  return Buffer.byteLength(payload) <= MAX_PAYLOAD ? payload : null;
}

/** The event types a NOTIFY names; null (every type) for an empty payload, as older processes send. */
export function notifiedTypes(payload: string | null | undefined): string[] | null {
  return payload ? payload.split(',') : null;
}

/** Opens the SQL event store on a driver, applying migrations first unless told not to. */
export async function createSqlEventStore(driver: SqlDriver, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
  const store = new SqlEventStore(driver, options);
  if (options.migrate !== false) {
    try {
      await migrate(driver, store.schema);
    } catch (error) {
      if (isConnectionLevel(error)) {
        throw new EventStoreUnavailableError(`Event store unavailable: ${describe(error)}`, { cause: error });
      }
      throw error;
    }
  }
  return store;
}

/** A lost connection as EventStoreUnavailableError (a 503 upstream); any other error as it is. */
function unavailableOr(error: unknown): unknown {
  return isConnectionLevel(error) ? new EventStoreUnavailableError(`Event store unavailable: ${describe(error)}`, { cause: error }) : error;
}

function splitExpected(expected: ExpectedRevision): [kind: string, revision: string | null] {
  return typeof expected === 'bigint' ? ['exact', expected.toString()] : [expected, null];
}

function matchesExpected(expected: ExpectedRevision, revision: bigint, exists: boolean): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return !exists;
  if (expected === 'stream_exists') return exists;
  return revision >= 0n && revision === expected;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** A forward read of one stream, from a revision (inclusive), at most `maxCount` events (null: all). */
interface ForwardRead {
  streamName: string;
  from: bigint;
  maxCount: number | null;
}

interface Statements {
  readMany: string;
  readManyName: string;
  roundStreamTips: string;
  roundStreamTipsName: string;
  insert: string;
  insertName: string;
  insertOne: string;
  insertOneName: string;
  state: string;
}

/** The hot statements, for one schema (`s` quoted). */
function statements(s: string, schema: string): Statements {
  // The stream's last event, as the state an append checks: its revision, its writer's transaction, a tombstone.
  const head = `
head AS (
  SELECT e.revision, e.transaction_id, e.event_type FROM ${s}.events e WHERE e.stream_id = $1 ORDER BY e.revision DESC LIMIT 1
), state AS (
  SELECT coalesce(head.revision, -1) AS revision, head.transaction_id AS last_xid,
         coalesce(head.event_type = '${TOMBSTONE_TYPE}', false) AS tombstoned
    FROM (SELECT 1) AS one LEFT JOIN head ON true
)`;
  // Whether an append may write after that head: not tombstoned, the order guard, the expected revision ($2 kind, $3 exact).
  const mayWrite = `
NOT state.tombstoned
AND (state.last_xid IS NULL OR state.last_xid <= pg_current_xact_id())
AND CASE $2::text
      WHEN 'any' THEN true
      WHEN 'no_stream' THEN state.revision < coalesce((SELECT st.deleted_before FROM ${s}.streams st WHERE st.stream_id = $1), 0)
      WHEN 'stream_exists' THEN state.revision >= 0
           AND state.revision >= coalesce((SELECT st.deleted_before FROM ${s}.streams st WHERE st.stream_id = $1), 0)
      ELSE state.revision >= 0 AND state.revision = $3::bigint
    END`;
  // One event given as parameters ($4 id, $5 type, $6 data, $7 metadata).
  const insertOne = `
WITH ${head}
INSERT INTO ${s}.events (transaction_id, stream_id, revision, event_id, event_type, data, metadata)
SELECT pg_current_xact_id(), $1, state.revision + 1, $4::uuid, $5::text, $6::text::jsonb, $7::text::jsonb
  FROM state
 WHERE ${mayWrite}
RETURNING 1 AS inserted, revision::text AS revision, transaction_id::text AS commit_position, global_position::text AS prepare_position`;
  // Any other number of events, as one JSON array ($4).
  const insert = `
WITH input AS (
  SELECT t.ord, (t.event->>'id')::uuid AS id, t.event->>'type' AS type, t.event->'data' AS data,
         coalesce(t.event->'metadata', '{}'::jsonb) AS metadata
    FROM jsonb_array_elements($4::text::jsonb) WITH ORDINALITY AS t(event, ord)
), ${head}, inserted AS (
  INSERT INTO ${s}.events (transaction_id, stream_id, revision, event_id, event_type, data, metadata)
  SELECT pg_current_xact_id(), $1, state.revision + input.ord, input.id, input.type, input.data, input.metadata
    FROM state, input
   WHERE ${mayWrite}
   ORDER BY input.ord
  RETURNING revision, transaction_id, global_position
)
SELECT count(*) AS inserted, max(revision)::text AS revision, max(transaction_id::text) AS commit_position,
       max(global_position)::text AS prepare_position
  FROM inserted`;
  const state = `
WITH ids AS (
  SELECT t.id::uuid AS id, t.ord FROM jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY AS t(id, ord)
)
SELECT coalesce((SELECT max(e.revision) FROM ${s}.events e WHERE e.stream_id = $1), -1)::text AS revision,
       coalesce(st.deleted_before, 0)::text AS deleted_before,
       coalesce(st.tombstoned, false) AS tombstoned,
       found.found, found.min_offset::text AS min_offset, found.max_offset::text AS max_offset, found.last_found::text AS last_found
  FROM (SELECT 1) AS one
  LEFT JOIN ${s}.streams st ON st.stream_id = $1
  CROSS JOIN (
    SELECT count(*) AS found, min(e.revision - ids.ord) AS min_offset, max(e.revision - ids.ord) AS max_offset, max(e.revision) AS last_found
      FROM ids CROSS JOIN LATERAL (
        SELECT f.revision FROM ${s}.events f WHERE f.stream_id = $1 AND f.event_id = ids.id LIMIT 1
      ) AS e
  ) AS found`;
  // A round's streams ($1 the round id as JSON, $2 its Round stream) up to ($3, $4) or the head of $all.
  const roundStreamTips = `
WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
bound AS (
  SELECT h.transaction_id AS xid, h.global_position AS gp
    FROM snapshot LEFT JOIN LATERAL (
      SELECT e.transaction_id, e.global_position FROM ${s}.events e
       WHERE e.transaction_id < snapshot.xmin AND e.event_type <> '${TOMBSTONE_TYPE}'
         AND (e.transaction_id, e.global_position) <= (coalesce($3::text, '18446744073709551615')::xid8, coalesce($4::bigint, ${MAX_BIGINT}))
       ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1
    ) h ON true
)
SELECT b.xid::text AS last_commit, b.gp::text AS last_prepare, t.*
  FROM bound b LEFT JOIN LATERAL (
    SELECT m.stream_id, l.events::text AS events, l.revision::text AS revision, l.transaction_id::text AS commit_position,
           l.global_position::text AS prepare_position, l.metadata
      FROM (
        -- The round's events from the roundId index alone (OFFSET 0 keeps the planner from adding the
        -- position index, whose part below the bound grows with the store), then bounded.
        SELECT DISTINCT r.stream_id FROM (
          SELECT e.stream_id, e.transaction_id, e.global_position, e.event_type FROM ${s}.events e
           WHERE e.data->'roundId' = $1::text::jsonb AND (e.data->'roundId') IS NOT NULL OFFSET 0
        ) r
         WHERE (r.transaction_id, r.global_position) <= (b.xid, b.gp) AND r.event_type <> '${TOMBSTONE_TYPE}'
        UNION SELECT $2::text
      ) m
      -- Per stream one scan of its key: its events up to the bound, counted, and the last. In a stream,
      -- revision order is $all order. Ordered by position, the planner chose to walk the whole position
      -- index for every stream (the count reads to its end): 7 s for a round of 5,571 streams.
      CROSS JOIN LATERAL (
        SELECT f.revision, f.transaction_id, f.global_position, f.metadata, count(*) OVER () AS events FROM ${s}.events f
         WHERE f.stream_id = m.stream_id AND (f.transaction_id, f.global_position) <= (b.xid, b.gp) AND f.event_type <> '${TOMBSTONE_TYPE}'
         ORDER BY f.revision DESC LIMIT 1
      ) l
  ) t ON true`;
  // Forward reads of several streams ($1: [{ ord, stream_id, bound, max_count }]), each as readStream reads one.
  const readMany = `
WITH req AS (
  SELECT r.ord, r.stream_id, r.bound::bigint AS bound, r.max_count FROM jsonb_to_recordset($1::text::jsonb) AS r(ord int, stream_id text, bound text, max_count int)
), st AS (
  SELECT req.ord, req.stream_id, req.bound, req.max_count,
         coalesce(st.tombstoned, false) AS tombstoned, coalesce(st.deleted_before, 0) AS deleted_before,
         coalesce(st.metadata, '{}'::jsonb) AS metadata,
         (SELECT max(h.revision) FROM ${s}.events h WHERE h.stream_id = req.stream_id) AS head
    FROM req LEFT JOIN ${s}.streams st ON st.stream_id = req.stream_id
), v AS (
  SELECT ord, stream_id, bound, max_count, tombstoned,
         greatest(deleted_before, coalesce((metadata->>'truncateBefore')::bigint, 0),
                  CASE WHEN metadata->>'maxCount' IS NOT NULL THEN head - (metadata->>'maxCount')::bigint + 1 ELSE 0 END) AS first_visible,
         (metadata->>'maxAge')::double precision AS max_age
    FROM st
)
SELECT v.ord, v.tombstoned, e.* FROM v LEFT JOIN LATERAL (
  SELECT ${eventColumns} FROM ${s}.events e
   WHERE e.stream_id = v.stream_id AND e.revision >= v.first_visible AND e.revision >= v.bound
     AND (v.max_age IS NULL OR e.created >= now() - v.max_age * interval '1 second')
   ORDER BY e.revision ASC
   LIMIT v.max_count
) e ON true
-- e.revision is text here (eventColumns): order by its number, or revision 10 comes before 2.
ORDER BY v.ord, e.revision::bigint`;
  return {
    readMany,
    readManyName: `event_store_read_many_${schema}`.slice(0, 63),
    roundStreamTips,
    roundStreamTipsName: `event_store_round_tips_${schema}`.slice(0, 63),
    insert,
    insertName: `event_store_append_${schema}`.slice(0, 63),
    insertOne,
    insertOneName: `event_store_append1_${schema}`.slice(0, 63),
    state,
  };
}

/** A batch ready for `tryInsert`: one event as its four parameters, or any other number as a JSON array. */
type EncodedEvents = { one: [id: string, type: string, data: string, metadata: string] } | { many: string };

function encodeEvents(events: NewEvent[]): EncodedEvents {
  for (const event of events) {
    if (!uuidPattern.test(event.id)) throw new TypeError(`Event id must be a uuid: ${JSON.stringify(event.id)}`);
  }
  if (events.length === 1) {
    const [event] = events as [NewEvent];
    return { one: [event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata ?? {})] };
  }
  return { many: JSON.stringify(events.map((event) => ({ id: event.id, type: event.type, data: event.data, metadata: event.metadata ?? {} }))) };
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    streamName: row.stream_id,
    revision: BigInt(row.revision),
    position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
    created: row.created instanceof Date ? row.created : new Date(row.created),
  };
}

function encodeStreamMetadata(metadata: StreamMetadata): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (metadata.maxAge !== undefined) json.maxAge = metadata.maxAge;
  if (metadata.maxCount !== undefined) json.maxCount = metadata.maxCount;
  if (metadata.truncateBefore !== undefined) json.truncateBefore = metadata.truncateBefore.toString();
  if (metadata.custom !== undefined) json.custom = metadata.custom;
  return json;
}

function decodeStreamMetadata(json: Record<string, unknown>): StreamMetadata {
  const metadata: StreamMetadata = {};
  if (typeof json.maxAge === 'number') metadata.maxAge = json.maxAge;
  if (typeof json.maxCount === 'number') metadata.maxCount = json.maxCount;
  if (typeof json.truncateBefore === 'string') metadata.truncateBefore = BigInt(json.truncateBefore);
  if (json.custom && typeof json.custom === 'object') metadata.custom = json.custom as Record<string, unknown>;
  return metadata;
}

function describe(error: unknown): string {
  const { message, code } = error as { message?: unknown; code?: unknown };
  return typeof message === 'string' && message !== '' ? message : String(code ?? error);
}
