/**
 * The event-store port. Its semantics are EventStoreDB's: streams named `<Category>-<id>`,
 * 0-based bigint revisions, optimistic concurrency by expected revision, idempotent appends by
 * event id, one totally ordered `$all` log read and subscribed to *after* a position.
 */

/** Expected revision of a stream before an append. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** Well-known metadata keys; adapters round-trip every key unchanged. */
export interface EventMetadata {
  $correlationId?: string;
  $causationId?: string;
  /** Pseudonymous staff id (or `system`, `voter`). */
  actor?: string;
  role?: string;
  /** Municipality, by CBS code (e.g. `GM0363`). */
  tenant?: string;
  /** Why a decision was taken, where the decision needs one. */
  reason?: string;
  [key: string]: unknown;
}

/** An event to append. `id` is a uuid chosen by the writer: it makes appends idempotent. */
export interface NewEvent<Type extends string = string, Data = Record<string, unknown>> {
  id: string;
  type: Type;
  data: Data;
  metadata?: EventMetadata;
}

/**
 * A position in `$all`. Totally ordered, lexicographically on (commit, prepare).
 * EventStoreDB: its commit and prepare positions. PostgreSQL: (transaction id, global position).
 */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

/** An event as stored. */
export interface RecordedEvent<Type extends string = string, Data = Record<string, unknown>> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  streamName: string;
  revision: bigint;
  position: Position;
  created: Date;
}

export interface AppendResult {
  /** Revision of the last event now in the stream (the value to send as the next expected revision). */
  nextRevision: bigint;
  position: Position;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; default the start (forwards) or the end (backwards). */
  fromRevision?: bigint | 'start' | 'end';
  maxCount?: number;
}

/** Server-side filter for `$all`: stream-name prefixes or event types (either or both). */
export interface AllFilter {
  streamPrefixes?: string[];
  eventTypes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive. Default: the very start. */
  after?: Position | 'start';
  maxCount?: number;
  filter?: AllFilter;
}

export interface SubscribeToAllOptions {
  /** Exclusive. Default: the very start. */
  after?: Position | 'start';
  filter?: AllFilter;
}

/** What a catch-up subscription yields: events, then one `caughtUp` when it reached the head, then live events. */
export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  | { kind: 'caughtUp'; position: Position | null };

/** A catch-up subscription: iterate it with `for await`; `close()` ends the iteration. */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

/** Stream metadata, as EventStoreDB keeps it; `custom` carries anything else. */
export interface StreamMetadata {
  maxAge?: number;
  maxCount?: number;
  truncateBefore?: bigint;
  custom?: Record<string, unknown>;
}

/** A stream as `$all` holds it up to a position: how many of its events, and the last of them in `$all` order. */
export interface StreamTip {
  streamName: string;
  events: number;
  revision: bigint;
  position: Position;
  metadata: EventMetadata;
}

/** What `roundStreamTips` answers: the round's streams, and the last `$all` position up to the bound (null: none). */
export interface RoundStreamTips {
  streams: StreamTip[];
  last: Position | null;
}

export interface EventStore {
  /**
   * Optional capability: the streams of a round without reading `$all` — `Round-<roundId>` and every
   * stream one of whose events up to `upTo` has `data.roundId === roundId` — each with its events in
   * `$all` up to `upTo` (all of them, also those before the stream joined the round): their count and
   * the last one. Without `upTo`, up to the head of `$all`. It answers exactly what a scan of `$all`
   * from the start would find. The SQL adapter answers it from an index on `data->'roundId'`; the
   * EventStoreDB adapter does not offer it (callers then scan `$all`).
   */
  roundStreamTips?(roundId: string, options?: { upTo?: Position }): Promise<RoundStreamTips>;
  /** Appends atomically; throws WrongExpectedVersionError or StreamDeletedError. */
  append(streamName: string, events: NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult>;
  /** Reads a stream; a stream that does not exist (or was soft-deleted) reads as empty; a tombstoned one throws StreamDeletedError. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Reads `$all` forwards after a position, at most `maxCount` (default 1000) events. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription to `$all`. */
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** The stream's metadata, or an empty object. */
  getStreamMetadata(streamName: string): Promise<StreamMetadata>;
  setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<void>;
  /** Soft delete: reads as empty; a later append recreates the stream and its revisions continue. */
  deleteStream(streamName: string, options?: { expectedRevision?: ExpectedRevision }): Promise<void>;
  /** Hard delete: the stream can never be read or written again. */
  tombstoneStream(streamName: string, options?: { expectedRevision?: ExpectedRevision }): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
}
