import {
  type EventStore,
  type ExpectedRevision,
  type Position,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '@lib/event-store';
import type { Decider, DomainEvent } from './decider.js';
import { type CommandContext, eventMetadata } from './envelope.js';
import { chainEvents, lastHash } from './hash-chain.js';

export interface HandleCommandOptions {
  /** From `If-Match`: the revision the caller saw. When given, a conflict is the caller's to resolve (no retry). */
  expectedRevision?: bigint;
  /** Whether the stream must already exist (most commands) or must not (creation), or either. */
  streamMustExist?: boolean;
  /** Event ids; injectable so tests and idempotent retries are deterministic. */
  newId: () => string;
  /** Conflict retries when the caller sent no expected revision. */
  maxRetries?: number;
  /**
   * The stream is almost always new (a first ballot): decide on the initial state and append with
   * `no_stream` without reading first; only after that conflict read, fold and decide again.
   */
  expectNew?: boolean;
}

export interface HandleCommandResult<Event> {
  /** Revision of the stream's last event after the command (the next `ETag`). */
  nextRevision: bigint;
  position: Position | null;
  events: Event[];
}

/** Raised when a command addresses a stream that does not exist; the caller turns it into a domain 404. */
export class CommandStreamMissing extends Error {
  constructor(readonly streamName: string) {
    super(`Stream ${streamName} does not exist`);
  }
}

/**
 * The one write path: read → fold → decide → append with the expected revision.
 * Retries on a concurrent write only when the caller did not pin a revision.
 */
export async function handleCommand<Command, State, Event extends DomainEvent>(
  store: EventStore,
  streamName: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  context: CommandContext,
  options: HandleCommandOptions,
): Promise<HandleCommandResult<Event>> {
  const maxRetries = options.expectedRevision === undefined ? (options.maxRetries ?? 3) : 0;
  const skipFirstRead = options.expectNew === true && options.expectedRevision === undefined && options.streamMustExist !== true;
  for (let attempt = 0; ; attempt++) {
    // 1. Read the stream (a stream expected to be new is read only after `no_stream` failed).
    const assumedNew = skipFirstRead && attempt === 0;
    const recorded = assumedNew ? [] : await store.readStream(streamName);
    const currentRevision = recorded.length === 0 ? null : recorded[recorded.length - 1]!.revision;
    if (options.streamMustExist === true && currentRevision === null) throw new CommandStreamMissing(streamName);
    // Another municipality's stream is answered as if it did not exist, so existence does not leak.
    if (recorded.length > 0 && recorded[0]!.metadata.tenant !== context.tenant) throw new CommandStreamMissing(streamName);
    if (options.expectedRevision !== undefined && options.expectedRevision !== currentRevision) {
      throw new WrongExpectedVersionError(streamName, options.expectedRevision, currentRevision ?? 'no_stream');
    }

    // 2. Fold it into state.
    let state = decider.initialState();
    for (const event of recorded) state = decider.evolve(state, toDomainEvent(event) as Event);

    // 3. Decide: throws a DomainError to reject; nothing is appended then.
    const events = decider.decide(command, state);
    if (events.length === 0) return { nextRevision: currentRevision ?? -1n, position: null, events };

    // 4. Append, expecting the revision we folded.
    const expected: ExpectedRevision = currentRevision === null ? 'no_stream' : currentRevision;
    const metadata = eventMetadata(context);
    const chained = chainEvents(
      streamName,
      lastHash(recorded),
      events.map((event) => ({ id: options.newId(), type: event.type, data: event.data as Record<string, unknown>, metadata })),
    );
    try {
      const result = await store.append(streamName, chained, { expectedRevision: expected });
      return { nextRevision: result.nextRevision, position: result.position, events };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && (assumedNew || attempt < maxRetries)) continue;
      throw error;
    }
  }
}

/** The domain view of a recorded event. */
export function toDomainEvent(event: RecordedEvent): DomainEvent {
  return { type: event.type, data: event.data };
}

/** A stream folded into state, for queries and for commands that span streams. */
export interface LoadedStream<State> {
  state: State;
  /** Revision of the last event (the `ETag`). */
  revision: bigint;
  events: RecordedEvent[];
}

/**
 * Reads and folds a stream of the caller's municipality; a missing or foreign stream throws CommandStreamMissing.
 * With `expectedRevision` (the request's If-Match) a stream at another revision throws WrongExpectedVersionError.
 */
export async function loadStream<State, Event>(
  store: EventStore,
  streamName: string,
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
  tenant: string,
  expectedRevision?: bigint,
): Promise<LoadedStream<State>> {
  const found = await findStream(store, streamName, decider, tenant);
  if (!found) throw new CommandStreamMissing(streamName);
  if (expectedRevision !== undefined && expectedRevision !== found.revision) throw new WrongExpectedVersionError(streamName, expectedRevision, found.revision);
  return found;
}

/** `loadStream` for a stream that may well not exist: null when it has no events or belongs to another municipality. */
export async function findStream<State, Event>(
  store: EventStore,
  streamName: string,
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
  tenant: string,
): Promise<LoadedStream<State> | null> {
  const events = await store.readStream(streamName);
  if (events.length === 0 || events[0]!.metadata.tenant !== tenant) return null;
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, toDomainEvent(event) as Event);
  return { state, revision: events[events.length - 1]!.revision, events };
}

/**
 * Folded state of long-lived streams (a round, its ballot box), kept per process and brought up to
 * date on every use with one read of what was appended since: the same answer as `loadStream`
 * without reading and folding the whole stream each time. Only for streams that are never
 * truncated or soft-deleted, and for deciders whose `evolve` returns new state instead of changing
 * the one it is given (concurrent callers share the cached state). Holds at most `maxEntries`
 * streams (the least recently used go).
 */
export class StreamStateCache {
  private readonly entries = new Map<string, { state: unknown; revision: bigint; tenant: string }>();

  constructor(private readonly maxEntries = 1000) {}

  async load<State, Event>(
    store: EventStore,
    streamName: string,
    decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
    tenant: string,
  ): Promise<{ state: State; revision: bigint }> {
    const found = await this.find(store, streamName, decider, tenant);
    if (!found) throw new CommandStreamMissing(streamName);
    return found;
  }

  /** `load` for a stream that may well not exist: null when it has no events or belongs to another municipality (nothing is kept for it). */
  async find<State, Event>(
    store: EventStore,
    streamName: string,
    decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
    tenant: string,
  ): Promise<{ state: State; revision: bigint } | null> {
    const cached = this.entries.get(streamName);
    if (!cached) {
      const loaded = await findStream(store, streamName, decider, tenant);
      if (!loaded) return null;
      this.remember(streamName, { state: loaded.state, revision: loaded.revision, tenant });
      return { state: loaded.state, revision: loaded.revision };
    }
    if (cached.tenant !== tenant) return null;
    const newer = await store.readStream(streamName, { fromRevision: cached.revision + 1n }).catch((error: unknown) => {
      this.entries.delete(streamName);
      throw error;
    });
    let state = cached.state as State;
    for (const event of newer) state = decider.evolve(state, toDomainEvent(event) as Event);
    const revision = newer.length > 0 ? newer[newer.length - 1]!.revision : cached.revision;
    this.remember(streamName, { state, revision, tenant });
    return { state, revision };
  }

  private remember(streamName: string, entry: { state: unknown; revision: bigint; tenant: string }): void {
    this.entries.delete(streamName);
    this.entries.set(streamName, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
