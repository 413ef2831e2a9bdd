/**
 * The in-memory log behind the EventStoreDB test double. It follows the server's commit check
 * (EventStore.Core IndexWriter.CheckCommit) for expected versions, idempotency, soft delete and
 * tombstones; it keeps no index, no chunks and no cache, and forgets nothing.
 */

import { randomUUID } from 'node:crypto';

/** ESDB's internal expected-version numbers. */
export const EXPECTED_ANY = -2n;
export const EXPECTED_NO_STREAM = -1n;
export const EXPECTED_STREAM_EXISTS = -4n;
/** Event number of a tombstone and `$tb` of a soft-deleted stream (long.MaxValue). */
export const DELETED_STREAM = 9223372036854775807n;

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  stream: string;
  revision: bigint;
  commit: bigint;
  prepare: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server sends `created`. */
  created: bigint;
}

export type CommitOutcome =
  | { kind: 'ok'; firstRevision: bigint; lastRevision: bigint; position: { commit: bigint; prepare: bigint } | null }
  | { kind: 'wrongExpectedVersion'; current: bigint /* -1 = no stream */ }
  | { kind: 'deleted' };

interface StreamRecord {
  /** Every event ever written, by revision (soft delete hides, never removes). */
  events: StoredEvent[];
  lastRevision: bigint;
  tombstoned: boolean;
}

const TICKS_PER_MS = 10_000n;
const EPOCH_TICKS = 0n;

export class DoubleStore {
  /** `$all`, in commit order. */
  readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StreamRecord>();
  private readonly eventIds = new Map<string, { stream: string; revision: bigint }>();
  private nextPosition = 1_024n;
  private readonly listeners = new Set<() => void>();

  /** Called after every commit (subscriptions wait on it). */
  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(stream: string, expected: bigint, events: ProposedEvent[]): CommitOutcome {
    const check = this.checkCommit(stream, expected, events.map((e) => e.id));
    if (check.kind !== 'ok') return check;
    if (check.idempotent) {
      const last = this.record(stream)!.events[Number(check.idempotent.end)]!;
      return { kind: 'ok', firstRevision: check.idempotent.start, lastRevision: check.idempotent.end, position: { commit: last.commit, prepare: last.prepare } };
    }
    if (events.length === 0) {
      return { kind: 'ok', firstRevision: check.current, lastRevision: check.current, position: null };
    }
    const written = this.write(stream, events);
    if (check.softDeleted) {
      // Recreating a soft-deleted stream: the server rewrites its metadata with $tb at the first new revision.
      const meta = { ...this.rawMetadata(stream), $tb: Number(written[0]!.revision) };
      this.write(`$$${stream}`, [jsonEvent('$metadata', meta)]);
    }
    this.notify();
    const last = written[written.length - 1]!;
    return { kind: 'ok', firstRevision: written[0]!.revision, lastRevision: last.revision, position: { commit: last.commit, prepare: last.prepare } };
  }

  /** Soft delete: `$tb` = long.MaxValue in the stream's metadata, after the expected-version check on the stream. */
  softDelete(stream: string, expected: bigint): CommitOutcome {
    const check = this.checkCommit(stream, expected, []);
    if (check.kind !== 'ok') return check;
    const meta = { ...this.rawMetadata(stream), $tb: '__DELETED_STREAM__' };
    const json = JSON.stringify(meta).replace('"__DELETED_STREAM__"', DELETED_STREAM.toString());
    const [written] = this.write(`$$${stream}`, [{ ...jsonEvent('$metadata', {}), data: Buffer.from(json, 'utf8') }]);
    this.notify();
    return { kind: 'ok', firstRevision: check.current, lastRevision: check.current, position: { commit: written!.commit, prepare: written!.prepare } };
  }

  /** Hard delete: a `$streamDeleted` tombstone at revision long.MaxValue; the stream is gone for good. */
  tombstone(stream: string, expected: bigint): CommitOutcome {
    const check = this.checkCommit(stream, expected, []);
    if (check.kind !== 'ok') return check;
    const record = this.ensure(stream);
    const position = this.nextPosition;
    this.nextPosition += 128n;
    const tombstone: StoredEvent = {
      ...jsonEvent('$streamDeleted', {}),
      data: new Uint8Array(),
      stream,
      revision: DELETED_STREAM,
      commit: position,
      prepare: position,
      created: nowTicks(),
    };
    record.tombstoned = true;
    this.log.push(tombstone);
    this.notify();
    return { kind: 'ok', firstRevision: record.lastRevision, lastRevision: record.lastRevision, position: { commit: position, prepare: position } };
  }

  isDeleted(stream: string): boolean {
    if (this.record(stream)?.tombstoned) return true;
    return stream.startsWith('$$') && !!this.record(stream.slice(2))?.tombstoned;
  }

  /**
   * The readable events of a stream after `$tb`, `$maxCount` and `$maxAge`, or `null` when the
   * stream does not exist (never written, or soft-deleted and not recreated).
   */
  visibleEvents(stream: string): StoredEvent[] | null {
    const record = this.record(stream);
    if (!record || record.events.length === 0) return null;
    if (this.isSoftDeleted(stream)) return null;
    const meta = stream.startsWith('$$') ? {} : this.rawMetadata(stream);
    let from = 0n;
    if (typeof meta.$tb === 'number') from = BigInt(Math.min(meta.$tb, Number.MAX_SAFE_INTEGER));
    if (typeof meta.$maxCount === 'number') {
      const keepFrom = record.lastRevision - BigInt(meta.$maxCount) + 1n;
      if (keepFrom > from) from = keepFrom;
    }
    let visible = record.events.filter((e) => e.revision >= from);
    if (typeof meta.$maxAge === 'number') {
      const oldest = nowTicks() - BigInt(meta.$maxAge) * 1000n * TICKS_PER_MS;
      visible = visible.filter((e) => e.created >= oldest);
    }
    return visible;
  }

  private checkCommit(
    stream: string,
    expected: bigint,
    eventIds: string[],
  ): { kind: 'ok'; current: bigint; softDeleted: boolean; idempotent?: { start: bigint; end: bigint } } | Exclude<CommitOutcome, { kind: 'ok' }> {
    if (this.isDeleted(stream)) return { kind: 'deleted' };
    const current = this.record(stream)?.lastRevision ?? -1n;
    const softDeleted = this.isSoftDeleted(stream);

    if (expected === EXPECTED_STREAM_EXISTS) {
      if (softDeleted) return { kind: 'deleted' };
      if (current < 0n && (this.record(`$$${stream}`)?.lastRevision ?? -1n) < 0n) return { kind: 'wrongExpectedVersion', current };
    }

    if (expected === EXPECTED_ANY || expected === EXPECTED_STREAM_EXISTS) {
      let start = -1n;
      let end = -1n;
      for (const [i, id] of eventIds.entries()) {
        const known = this.eventIds.get(id);
        if (!known || known.stream !== stream) {
          // A batch that is only partly a duplicate is "corrupted idempotency": answered as a wrong expected version.
          return i === 0 ? { kind: 'ok', current, softDeleted } : { kind: 'wrongExpectedVersion', current };
        }
        if (i === 0) start = known.revision;
        end = known.revision;
      }
      if (eventIds.length === 0) return { kind: 'ok', current, softDeleted };
      return { kind: 'ok', current, softDeleted: false, idempotent: { start, end } };
    }

    if (expected < current) {
      let revision = expected;
      for (const id of eventIds) {
        revision += 1n;
        const known = this.eventIds.get(id);
        if (known && known.stream === stream && known.revision === revision) continue;
        const first = revision === expected + 1n;
        if (!first) return { kind: 'wrongExpectedVersion', current };
        if (expected === EXPECTED_NO_STREAM && softDeleted) return { kind: 'ok', current, softDeleted: true };
        return { kind: 'wrongExpectedVersion', current };
      }
      if (revision === expected) return { kind: 'wrongExpectedVersion', current };
      return { kind: 'ok', current, softDeleted: false, idempotent: { start: expected + 1n, end: revision } };
    }
    if (expected > current) return { kind: 'wrongExpectedVersion', current };
    return { kind: 'ok', current, softDeleted };
  }

  private write(stream: string, events: ProposedEvent[]): StoredEvent[] {
    const record = this.ensure(stream);
    // Like the server's implicit transactions: one commit position per append, one prepare position per event.
    const commit = this.nextPosition;
    const created = nowTicks();
    const written = events.map((event) => {
      const prepare = this.nextPosition;
      this.nextPosition += 96n + BigInt(event.data.length + event.customMetadata.length + event.type.length + stream.length);
      record.lastRevision += 1n;
      const stored: StoredEvent = { ...event, stream, revision: record.lastRevision, commit, prepare, created };
      record.events.push(stored);
      this.log.push(stored);
      this.eventIds.set(event.id, { stream, revision: stored.revision });
      return stored;
    });
    return written;
  }

  private isSoftDeleted(stream: string): boolean {
    if (stream.startsWith('$$')) return false;
    const tb = this.rawMetadata(stream).$tb;
    return typeof tb === 'number' && tb >= Number(DELETED_STREAM);
  }

  private rawMetadata(stream: string): Record<string, unknown> {
    const meta = this.record(`$$${stream}`)?.events.at(-1);
    if (!meta || meta.contentType !== 'application/json') return {};
    try {
      const parsed: unknown = JSON.parse(Buffer.from(meta.data).toString('utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  private record(stream: string): StreamRecord | undefined {
    return this.streams.get(stream);
  }

  private ensure(stream: string): StreamRecord {
    let record = this.streams.get(stream);
    if (!record) {
      record = { events: [], lastRevision: -1n, tombstoned: false };
      this.streams.set(stream, record);
    }
    return record;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function jsonEvent(type: string, data: unknown): ProposedEvent {
  return {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from(JSON.stringify(data), 'utf8'),
    customMetadata: new Uint8Array(),
  };
}

function nowTicks(): bigint {
  return EPOCH_TICKS + BigInt(Date.now()) * TICKS_PER_MS;
}
