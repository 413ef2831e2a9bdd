import { catchUpSubscription, Waker, type CatchUpPage } from '../catch-up-subscription.js';
import { StreamDeletedError, WrongExpectedVersionError } from '../event-store.errors.js';
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
  StreamTip,
  StreamMetadata,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port.js';
import { comparePositions } from '../position.js';

interface StreamState {
  events: RecordedEvent[];
  /** Revision of the last event ever written; -1 when none. */
  revision: bigint;
  /** First revision that reads show (soft delete moves it past the end). */
  deletedBefore: bigint;
  tombstoned: boolean;
  metadata: StreamMetadata;
}

/** The event store in memory, for unit tests and demos; same semantics as the SQL adapter. */
export class InMemoryEventStore implements EventStore {
  private readonly streams = new Map<string, StreamState>();
  private readonly all: RecordedEvent[] = [];
  private readonly waker = new Waker();
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly options: { pollIntervalMs?: number; pageSize?: number; now?: () => Date } = {}) {}

  async append(streamName: string, events: NewEvent[], options: { expectedRevision?: ExpectedRevision } = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    const stream = this.stream(streamName);
    if (stream.tombstoned) throw new StreamDeletedError(streamName);
    const exists = this.exists(stream);
    const actual = exists ? stream.revision : 'no_stream';

    if (events.length > 0 && stream.revision >= 0n) {
      const found = events.map((event) => stream.events.find((recorded) => recorded.id === event.id));
      if (found.some(Boolean)) {
        const first = found[0]?.revision;
        const contiguous = first !== undefined && found.every((recorded, index) => recorded?.revision === first + BigInt(index));
        if (contiguous && (typeof expected !== 'bigint' || first === expected + 1n)) {
          const last = found.at(-1)!;
          return { nextRevision: last.revision, position: last.position };
        }
        throw new WrongExpectedVersionError(streamName, expected, actual);
      }
    }
    if (!matches(expected, stream.revision, exists)) throw new WrongExpectedVersionError(streamName, expected, actual);
    if (events.length === 0) {
      const last = stream.events.at(-1);
      return { nextRevision: stream.revision, position: last?.position ?? { commit: 0n, prepare: 0n } };
    }

    const created = this.options.now?.() ?? new Date();
    for (const event of events) {
      stream.revision++;
      const position = BigInt(this.all.length + 1);
      const recorded: RecordedEvent = {
        id: event.id,
        type: event.type,
        data: copy(event.data),
        metadata: copy(event.metadata ?? {}),
        streamName,
        revision: stream.revision,
        position: { commit: position, prepare: position },
        created,
      };
      stream.events.push(recorded);
      this.all.push(recorded);
    }
    this.waker.wake();
    return { nextRevision: stream.revision, position: stream.events.at(-1)!.position };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamName);
    if (!stream) return [];
    if (stream.tombstoned) throw new StreamDeletedError(streamName);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const firstVisible = this.firstVisible(stream);
    const oldest = stream.metadata.maxAge === undefined ? undefined : Date.now() - stream.metadata.maxAge * 1000;
    let events = stream.events.filter(
      (event) => event.revision >= firstVisible && (oldest === undefined || event.created.getTime() >= oldest),
    );
    if (backwards) {
      events = events.reverse();
      if (typeof from === 'bigint') events = events.filter((event) => event.revision <= from);
      if (from === 'start') events = events.filter((event) => event.revision <= 0n);
    } else {
      if (typeof from === 'bigint') events = events.filter((event) => event.revision >= from);
      if (from === 'end') events = [];
    }
    return events.slice(0, options.maxCount ?? events.length).map(clone);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.page(options.after ?? 'start', options.maxCount ?? 1000, options.filter).events;
  }

  /** The round's streams up to a position (see the port); in memory by one pass over `$all`. */
  async roundStreamTips(roundId: string, options: { upTo?: Position } = {}): Promise<RoundStreamTips> {
    const round = `Round-${roundId}`;
    const tips = new Map<string, StreamTip & { member: boolean }>();
    let last: Position | null = null;
    for (const event of this.all) {
      if (options.upTo && comparePositions(event.position, options.upTo) > 0) break;
      last = event.position;
      const tip = tips.get(event.streamName);
      const member = (tip?.member ?? false) || event.streamName === round || (event.data as { roundId?: unknown }).roundId === roundId;
      tips.set(event.streamName, { streamName: event.streamName, events: (tip?.events ?? 0) + 1, revision: event.revision, position: event.position, metadata: event.metadata, member });
    }
    const streams = [...tips.values()].filter((tip) => tip.member).map(({ member: _member, ...tip }) => ({ ...tip, position: { ...tip.position }, metadata: copy(tip.metadata) }));
    return { streams, last: last ? { ...last } : null };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const subscription: Subscription = catchUpSubscription({
      after: options.after ?? 'start',
      readPage: async (after, limit) => this.page(after, limit, options.filter),
      waker: this.waker,
      pageSize: this.options.pageSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
      onEnd: () => {
        this.subscriptions.delete(subscription);
      },
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadata> {
    const stream = this.streams.get(streamName);
    if (stream?.tombstoned) throw new StreamDeletedError(streamName);
    return copyMetadata(stream?.metadata ?? {});
  }

  async setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<void> {
    const stream = this.stream(streamName);
    if (stream.tombstoned) throw new StreamDeletedError(streamName);
    stream.metadata = copyMetadata(metadata);
  }

  async deleteStream(streamName: string, options: { expectedRevision?: ExpectedRevision } = {}): Promise<void> {
    const stream = this.checkedForDelete(streamName, options.expectedRevision ?? 'any');
    stream.deletedBefore = stream.revision + 1n;
  }

  async tombstoneStream(streamName: string, options: { expectedRevision?: ExpectedRevision } = {}): Promise<void> {
    const stream = this.checkedForDelete(streamName, options.expectedRevision ?? 'any');
    stream.tombstoned = true;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  private checkedForDelete(streamName: string, expected: ExpectedRevision): StreamState {
    const stream = this.stream(streamName);
    if (stream.tombstoned) throw new StreamDeletedError(streamName);
    const exists = this.exists(stream);
    if (!matches(expected, stream.revision, exists)) {
      throw new WrongExpectedVersionError(streamName, expected, exists ? stream.revision : 'no_stream');
    }
    return stream;
  }

  private page(after: Position | 'start', limit: number, filter: AllFilter | undefined): CatchUpPage {
    const start = after === 'start' ? 0 : this.all.findIndex((event) => comparePositions(event.position, after) > 0);
    const events: RecordedEvent[] = [];
    if (start >= 0) {
      for (let index = start; index < this.all.length && events.length < limit; index++) {
        const event = this.all[index]!;
        if (matchesFilter(event, filter)) events.push(clone(event));
      }
    }
    const head = this.all.at(-1);
    const complete = events.length < limit;
    return { events, scannedTo: complete && head ? head.position : (events.at(-1)?.position ?? null) };
  }

  private stream(streamName: string): StreamState {
    let stream = this.streams.get(streamName);
    if (!stream) {
      stream = { events: [], revision: -1n, deletedBefore: 0n, tombstoned: false, metadata: {} };
      this.streams.set(streamName, stream);
    }
    return stream;
  }

  private exists(stream: StreamState): boolean {
    return stream.revision >= 0n && stream.revision >= stream.deletedBefore;
  }

  private firstVisible(stream: StreamState): bigint {
    let first = stream.deletedBefore;
    const { truncateBefore, maxCount } = stream.metadata;
    if (truncateBefore !== undefined && truncateBefore > first) first = truncateBefore;
    if (maxCount !== undefined && stream.revision - BigInt(maxCount) + 1n > first) first = stream.revision - BigInt(maxCount) + 1n;
    return first;
  }
}

function matches(expected: ExpectedRevision, revision: bigint, exists: boolean): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return !exists;
  if (expected === 'stream_exists') return exists;
  return expected === revision && revision >= 0n;
}

function matchesFilter(event: RecordedEvent, filter: AllFilter | undefined): boolean {
  if (filter?.streamPrefixes?.length && !filter.streamPrefixes.some((prefix) => event.streamName.startsWith(prefix))) return false;
  if (filter?.eventTypes?.length && !filter.eventTypes.includes(event.type)) return false;
  return true;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function clone(event: RecordedEvent): RecordedEvent {
  return { ...event, data: copy(event.data), metadata: copy(event.metadata), position: { ...event.position } };
}

function copyMetadata(metadata: StreamMetadata): StreamMetadata {
  return {
    ...metadata,
    ...(metadata.custom === undefined ? {} : { custom: copy(metadata.custom) }),
  };
}
