import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Filter,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, StreamDeletedError, WrongExpectedVersionError } from '../event-store.errors.js';
import type {
  AllFilter,
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port.js';
import { comparePositions } from '../position.js';
import { isDeadlineExceeded, toPortError } from './esdb-errors.js';
import { esdbSubscription, type EsdbSubscriptionSettings } from './esdb-subscription.js';

export interface EsdbEventStoreOptions {
  /** `esdb://host:2113?tls=false`, `esdb+discover://…` or a list of cluster nodes (from EVENTSTORE_URL). */
  connectionString: string;
  /** Every call fails with EventStoreUnavailableError after this long (default 5000 ms); also passed to the client as its gRPC deadline. */
  deadlineMs?: number;
  /** Reconnection of catch-up subscriptions. */
  subscription?: EsdbSubscriptionSettings;
}

export interface EsdbSubscribeOptions extends SubscribeToAllOptions {
  /** Server checkpoints of a filtered subscription: the server has searched up to here (bookkeeping only; resumption uses delivered events). */
  onCheckpoint?(position: Position): void;
}

/** What the readiness check learns from `ping()`. */
export type EsdbHealth =
  | { status: 'up'; latencyMs: number }
  | { status: 'down'; reason: 'unavailable' | 'timeout' | 'error'; message: string; latencyMs: number };

/** `$tb` of a soft-deleted stream (long.MaxValue). */
const DELETED_STREAM = 9223372036854775807n;
const DEFAULT_READ_ALL_COUNT = 1000;
const READ_ALL_PAGE = 512;

/** Creates the EventStoreDB adapter of the event-store port. */
export function createEsdbEventStore(options: EsdbEventStoreOptions): EsdbEventStore {
  return new EsdbEventStore(options);
}

/**
 * The event-store port on EventStoreDB (`@eventstore/db-client` 6.x). Every call has a gRPC
 * deadline and, because a server that accepts connections but never answers can stall the client
 * past any deadline, its own timer: on expiry the call fails with EventStoreUnavailableError and
 * the client is replaced.
 */
export class EsdbEventStore implements EventStore {
  private client: EventStoreDBClient;
  private closed = false;
  private readonly deadlineMs: number;
  private readonly subscriptions = new Set<Subscription>();
  private readonly clientReplacedListeners = new Set<() => void>();
  /** Clients replaced after a timeout: calls still in flight on one were cancelled with it. */
  private readonly retired = new WeakSet<EventStoreDBClient>();

  constructor(private readonly options: EsdbEventStoreOptions) {
    if (!/^esdb(\+discover)?:\/\//.test(options.connectionString)) {
      throw new Error('EVENTSTORE_URL must be an esdb:// or esdb+discover:// connection string');
    }
    this.deadlineMs = options.deadlineMs ?? 5000;
    if (!(this.deadlineMs > 0)) throw new Error(`deadlineMs must be positive, got ${this.deadlineMs}`);
    this.client = this.createClient();
  }

  async append(streamName: string, events: NewEvent[], options: { expectedRevision?: ExpectedRevision } = {}): Promise<AppendResult> {
    const expectedRevision = options.expectedRevision ?? 'any';
    if (events.length === 0) return this.checkExpectedRevision(streamName, expectedRevision);
    const data = events.map((event) =>
      jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata ?? {} }),
    );
    try {
      const result = await this.call('append', streamName, expectedRevision, (client) =>
        client.appendToStream(streamName, data, { expectedRevision, deadline: this.deadlineMs }),
      );
      if (!result.position) throw new Error(`EventStoreDB returned no position for an append to ${streamName}`);
      return { nextRevision: result.nextExpectedRevision, position: { commit: result.position.commit, prepare: result.position.prepare } };
    } catch (error) {
      // The server answers "stream deleted" to `stream_exists` on a soft-deleted stream; for the port that stream does not exist.
      if (error instanceof StreamDeletedError && expectedRevision === 'stream_exists' && !(await this.isTombstoned(streamName))) {
        throw new WrongExpectedVersionError(streamName, expectedRevision, 'no_stream');
      }
      throw error;
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const direction = options.direction ?? 'forwards';
    const fromRevision = options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
    if (options.maxCount === 0) return [];
    try {
      const resolved = await this.collect<ResolvedEvent>('readStream', streamName, (client) =>
        client.readStream(streamName, {
          direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
          fromRevision: fromRevision === 'start' ? START : fromRevision === 'end' ? END : fromRevision,
          maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
        }),
      );
      return resolved.map((r) => toRecorded(r)).filter((e): e is RecordedEvent => e !== null);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? DEFAULT_READ_ALL_COUNT;
    const filter = options.filter;
    const after = options.after === undefined || options.after === 'start' ? null : options.after;
    const found: RecordedEvent[] = [];
    if (limit <= 0) return found;
    // The client's readAll takes no server-side filter: page through $all and filter here.
    let from: Position | null = after;
    // System events ($settings, $users, metadata…) are skipped client-side: never page in tiny steps.
    const pageSize = filter ? READ_ALL_PAGE : Math.min(Math.max(limit + 1, 64), READ_ALL_PAGE);
    for (;;) {
      const page = await this.collect<AllStreamResolvedEvent>('readAll', '$all', (client) =>
        client.readAll({ direction: FORWARDS, fromPosition: from ?? START, maxCount: pageSize }),
      );
      let lastPosition: Position | null = null;
      for (const resolved of page) {
        const position = resolved.event?.position;
        if (!position) continue;
        lastPosition = position;
        // ESDB reads $all from a position inclusively; the port reads after it.
        if (after && comparePositions(position, after) <= 0) continue;
        if (from && comparePositions(position, from) <= 0) continue;
        const event = toRecorded(resolved);
        if (!event || !matchesFilter(filter, event)) continue;
        found.push(event);
        if (found.length === limit) return found;
      }
      if (page.length < pageSize || !lastPosition) return found;
      if (from && comparePositions(lastPosition, from) <= 0) return found;
      from = lastPosition;
    }
  }

  subscribeToAll(options: EsdbSubscribeOptions = {}): Subscription {
    this.assertOpen();
    const filter = options.filter;
    const subscription = esdbSubscription({
      client: () => this.client,
      after: options.after ?? 'start',
      serverFilter: serverFilter(filter),
      convert: (resolved) => {
        const event = toRecorded(resolved);
        return event && matchesFilter(filter, event) ? event : null;
      },
      onCheckpoint: options.onCheckpoint,
      onClientReplaced: (listener) => {
        this.clientReplacedListeners.add(listener);
        return () => this.clientReplacedListeners.delete(listener);
      },
      settings: this.options.subscription ?? {},
    });
    this.subscriptions.add(subscription);
    const close = subscription.close.bind(subscription);
    subscription.close = async () => {
      this.subscriptions.delete(subscription);
      await close();
    };
    return subscription;
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadata> {
    const result = await this.call('getStreamMetadata', streamName, undefined, (client) =>
      client.getStreamMetadata(streamName, { deadline: this.deadlineMs }),
    );
    const raw = (result.metadata ?? {}) as Record<string, unknown>;
    const metadata: StreamMetadata = {};
    const custom: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'maxAge' && typeof value === 'number') metadata.maxAge = value;
      else if (key === 'maxCount' && typeof value === 'number') metadata.maxCount = value;
      else if (key === 'truncateBefore' && typeof value === 'number') metadata.truncateBefore = toRevision(value);
      else if (key === 'cacheControl' || key === 'acl') continue;
      else custom[key] = value;
    }
    if (Object.keys(custom).length > 0) metadata.custom = custom;
    return metadata;
  }

  async setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<void> {
    const body: Record<string, unknown> = { ...(metadata.custom ?? {}) };
    if (metadata.maxAge !== undefined) body.maxAge = metadata.maxAge;
    if (metadata.maxCount !== undefined) body.maxCount = metadata.maxCount;
    if (metadata.truncateBefore !== undefined) body.truncateBefore = Number(metadata.truncateBefore);
    await this.call('setStreamMetadata', `$$${streamName}`, 'any', (client) =>
      client.setStreamMetadata(streamName, body, { deadline: this.deadlineMs }),
    );
  }

  async deleteStream(streamName: string, options: { expectedRevision?: ExpectedRevision } = {}): Promise<void> {
    let expected = options.expectedRevision ?? 'any';
    if (expected === 'stream_exists') {
      // The client cannot send "stream exists" with a delete: check it, then delete at the revision found.
      const [last] = await this.readStream(streamName, { direction: 'backwards', maxCount: 1 });
      if (!last) throw new WrongExpectedVersionError(streamName, 'stream_exists', 'no_stream');
      expected = last.revision;
    }
    const revision = expected;
    await this.call('deleteStream', streamName, options.expectedRevision ?? 'any', (client) =>
      client.deleteStream(streamName, { expectedRevision: revision as 'any' | 'no_stream' | bigint, deadline: this.deadlineMs }),
    );
  }

  async tombstoneStream(streamName: string, options: { expectedRevision?: ExpectedRevision } = {}): Promise<void> {
    const expectedRevision = options.expectedRevision ?? 'any';
    await this.call('tombstoneStream', streamName, expectedRevision, (client) =>
      // The client's types omit `stream_exists` for tombstones; its implementation sends it.
      client.tombstoneStream(streamName, { expectedRevision: expectedRevision as 'any' | 'no_stream' | bigint, deadline: this.deadlineMs }),
    );
  }

  /** For the readiness check: reads the head of `$all` within the deadline and says why it could not. */
  async ping(): Promise<EsdbHealth> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    try {
      await this.collect<AllStreamResolvedEvent>('ping', '$all', (client) =>
        client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }),
      );
      return { status: 'up', latencyMs: elapsed() };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof EventStoreUnavailableError) {
        return { status: 'down', reason: /did not answer/.test(message) ? 'timeout' : 'unavailable', message, latencyMs: elapsed() };
      }
      return { status: 'down', reason: 'error', message, latencyMs: elapsed() };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  private createClient(): EventStoreDBClient {
    return EventStoreDBClient.connectionString(this.options.connectionString);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The EventStoreDB event store is closed');
  }

  /** Replaces a client whose call timed out: its channel or cached streams may be stuck for good. */
  private replaceClient(stuck: EventStoreDBClient): void {
    if (this.closed || this.client !== stuck) return;
    this.retired.add(stuck);
    this.client = this.createClient();
    for (const listener of [...this.clientReplacedListeners]) listener();
    void stuck.dispose().catch(() => undefined);
  }

  /** Runs one client call under the store's own timer and translates its errors. */
  private async call<T>(what: string, streamName: string, expected: ExpectedRevision | undefined, action: (client: EventStoreDBClient) => Promise<T>): Promise<T> {
    this.assertOpen();
    const client = this.client;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.replaceClient(client);
        reject(new EventStoreUnavailableError(`EventStoreDB did not answer ${what} on ${streamName} within ${this.deadlineMs} ms`));
      }, this.deadlineMs);
    });
    try {
      const result = await Promise.race([action(client), timeout]);
      // The client was replaced while this call was in flight, which cancelled it: the client ends a cancelled read
      // as if it were complete, so an answer from it (an existing stream read as empty, a short page) is not to be trusted.
      if (this.retired.has(client)) throw new EventStoreUnavailableError(`EventStoreDB connection was replaced during ${what} on ${streamName} (another call timed out)`);
      return result;
    } catch (error) {
      // The client's own gRPC deadline (the same length) may fire a moment before the timer: the same timeout.
      if (isDeadlineExceeded(error)) {
        this.replaceClient(client);
        throw new EventStoreUnavailableError(`EventStoreDB did not answer ${what} on ${streamName} within ${this.deadlineMs} ms`, { cause: error });
      }
      throw toPortError(error, streamName, expected);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Reads a whole (bounded) gRPC read under the store's timer, cancelling it on expiry. */
  private collect<T>(what: string, streamName: string, open: (client: EventStoreDBClient) => AsyncIterable<T> & { cancel(): Promise<void> }): Promise<T[]> {
    let read: (AsyncIterable<T> & { cancel(): Promise<void> }) | undefined;
    return this.call(what, streamName, undefined, async (client) => {
      read = open(client);
      const items: T[] = [];
      for await (const item of read) items.push(item);
      return items;
    }).catch((error: unknown) => {
      void read?.cancel().catch(() => undefined);
      throw error;
    });
  }

  /**
   * An append of no events, as the other adapters treat it: checks the expected revision against the
   * stream's last event and writes nothing (the client would send an empty batch to the server).
   */
  private async checkExpectedRevision(streamName: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readStream(streamName, { direction: 'backwards', maxCount: 1 });
    const matches = expected === 'any' || (expected === 'no_stream' ? !last : expected === 'stream_exists' ? last !== undefined : last?.revision === expected);
    if (!matches) throw new WrongExpectedVersionError(streamName, expected, last ? last.revision : 'no_stream');
    return last ? { nextRevision: last.revision, position: last.position } : { nextRevision: -1n, position: { commit: 0n, prepare: 0n } };
  }

  private async isTombstoned(streamName: string): Promise<boolean> {
    try {
      await this.readStream(streamName, { direction: 'backwards', maxCount: 1 });
      return false;
    } catch (error) {
      return error instanceof StreamDeletedError;
    }
  }
}

/** Server-side filter: stream prefixes, else event types, else "no system events". The rest is filtered client-side. */
function serverFilter(filter: AllFilter | undefined): Filter {
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: filter.streamPrefixes });
  if (filter?.eventTypes?.length) return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  return excludeSystemEvents();
}

function matchesFilter(filter: AllFilter | undefined, event: RecordedEvent): boolean {
  if (filter?.streamPrefixes?.length && !filter.streamPrefixes.some((p) => event.streamName.startsWith(p))) return false;
  if (filter?.eventTypes?.length && !filter.eventTypes.includes(event.type)) return false;
  return true;
}

/** The port's view of a client event; `null` for system events (metadata, tombstones, links) and events without a position. */
function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  if (!event || event.streamId.startsWith('$') || event.type.startsWith('$')) return null;
  const position = event.position ?? (resolved.commitPosition !== undefined ? { commit: resolved.commitPosition, prepare: resolved.commitPosition } : undefined);
  if (!position) return null;
  const data = event.isJson ? (event.data as Record<string, unknown>) : { $bytes: Buffer.from(event.data as Uint8Array).toString('base64') };
  const metadata = event.metadata && !(event.metadata instanceof Uint8Array) && typeof event.metadata === 'object' && !Array.isArray(event.metadata) ? (event.metadata as EventMetadata) : {};
  return {
    id: event.id,
    type: event.type,
    data,
    metadata,
    streamName: event.streamId,
    revision: event.revision,
    position: { commit: position.commit, prepare: position.prepare },
    created: event.created,
  };
}

function toRevision(value: number): bigint {
  if (value >= Number(DELETED_STREAM)) return DELETED_STREAM;
  return BigInt(Math.trunc(value));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
