import { parseStreamName } from '@lib/es';
import { comparePositions, parsePosition, type EventStore, type Position, type RecordedEvent } from '@lib/event-store';
import type { AuditDomain } from './audit-domain.js';

/** A moment in the store: an ISO timestamp (compared with each event's recorded time) or a `$all` position. */
export type AsOf = { kind: 'time'; at: Date; text: string } | { kind: 'position'; position: Position; text: string };

export class AsOfError extends Error {
  override readonly name = 'AsOfError';
}

/** Parses `--as-of`: `COMMIT/PREPARE` as history prints it, or an ISO 8601 timestamp. */
export function parseAsOf(text: string): AsOf {
  if (/^\d+\/\d+$/.test(text.trim())) return { kind: 'position', position: parsePosition(text), text: text.trim() };
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) {
    throw new AsOfError(`--as-of takes an ISO timestamp (2026-05-21T09:00:00Z) or a position COMMIT/PREPARE as history prints it, not ${JSON.stringify(text)}`);
  }
  const at = new Date(text.trim());
  if (Number.isNaN(at.getTime())) throw new AsOfError(`--as-of ${JSON.stringify(text)} is not a valid moment`);
  return { kind: 'time', at, text: text.trim() };
}

/** When an event happened: the `at` of its metadata (the command's clock), else the store's own time. */
export function eventTime(event: Pick<RecordedEvent, 'metadata' | 'created'>): Date {
  const at = event.metadata.at;
  if (typeof at === 'string') {
    const parsed = new Date(at);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return event.created;
}

function isAtOrBefore(event: RecordedEvent, asOf: AsOf): boolean {
  return asOf.kind === 'position' ? comparePositions(event.position, asOf.position) <= 0 : eventTime(event).getTime() <= asOf.at.getTime();
}

/** One stream as it stood at a moment. */
export interface StreamStateAsOf {
  streamName: string;
  asOf: string;
  /** Events of the stream up to the moment, and in total. */
  events: number;
  totalEvents: number;
  /** Revision of the last event folded; null when the stream did not exist yet. */
  revision: bigint | null;
  lastEvent: { type: string; at: string; position: string; actor?: string; reason?: string } | null;
  /** The decider's state; null for a category without a decider (then `eventTypes` lists what happened). */
  state: unknown;
  folded: boolean;
  eventTypes: string[];
}

/** Folds a stream with its decider's evolve (from `domain`, by the stream's category), using only the events up to the moment. */
export async function stateAsOf(store: EventStore, streamName: string, asOf: AsOf, domain: Pick<AuditDomain, 'folds'>): Promise<StreamStateAsOf> {
  const recorded = await store.readStream(streamName);
  // A stream's revisions are in `$all` order, and so (for one writer's clock) in time: stop at the first later event.
  const upTo: RecordedEvent[] = [];
  for (const event of recorded) {
    if (!isAtOrBefore(event, asOf)) break;
    upTo.push(event);
  }
  const category = parseStreamName(streamName).category;
  const fold = Object.hasOwn(domain.folds, category) ? domain.folds[category]! : null;
  let state: unknown = null;
  if (fold) {
    state = fold.initialState();
    for (const event of upTo) state = fold.evolve(state, { type: event.type, data: event.data });
  }
  const last = upTo[upTo.length - 1];
  return {
    streamName,
    asOf: asOf.text,
    events: upTo.length,
    totalEvents: recorded.length,
    revision: last ? last.revision : null,
    lastEvent: last
      ? {
          type: last.type,
          at: eventTime(last).toISOString(),
          position: `${last.position.commit}/${last.position.prepare}`,
          ...(typeof last.metadata.actor === 'string' ? { actor: last.metadata.actor } : {}),
          ...(typeof last.metadata.reason === 'string' ? { reason: last.metadata.reason } : {}),
        }
      : null,
    state,
    folded: fold !== null,
    eventTypes: upTo.map((e) => e.type),
  };
}
