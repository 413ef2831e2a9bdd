import { comparePositions, type EventStore, type Position, type RecordedEvent } from '@lib/event-store';
import { belongsToRound, scanAll } from '@lib/es';
import { type ParticipantRegistered, ROLL_IMPORT_SOURCES } from '@lib/voting/events';

/** One line of a round's decision history. */
export interface HistoryEntry {
  at: string;
  actor: string;
  role: string;
  type: string;
  streamName: string;
  revision: bigint;
  position: string;
  reason?: string;
  decisionReference?: string;
  /** A beschikking (ProposalGranted, ProposalGrantRefused) given after its statutory deadline: that deadline (Awb 4:17). */
  decidedAfterDeadline?: string;
}

/**
 * Event types that are bulk facts rather than decisions (each ballot is not a decision of staff).
 * `VoterRollExtended` (no longer written) repeated a roll import's registrations, which stand for it.
 */
const NOT_DECISIONS = new Set(['BallotCast', 'BallotReplaced', 'VoterSignedIn', 'PaperBallotEntered', 'PaperBallotSetAside', 'VoterRollExtended', 'SupportGiven', 'ProposalSupported', 'ProposalSupportWithdrawn']);

/**
 * A roll import (a municipality file, a print run of codes, a Pabulib import) is one staff act: its
 * first `ParticipantRegistered` stands for the request's (its correlation id's) other registrations.
 * Residents' own registrations and re-issued codes' successors are no such act.
 */
function isRollImport(event: RecordedEvent, seen: Set<string>): boolean {
  if (!ROLL_IMPORT_SOURCES.includes((event.data as ParticipantRegistered['data']).source)) return false;
  const correlation = typeof event.metadata.$correlationId === 'string' ? event.metadata.$correlationId : event.id;
  if (seen.has(correlation)) return false;
  seen.add(correlation);
  return true;
}

function referenceOf(data: Record<string, unknown>): string | undefined {
  const ref = data.decisionReference ?? data.decision;
  if (typeof ref === 'string') return ref;
  if (ref && typeof ref === 'object') {
    const { number, date, body } = ref as { number?: unknown; date?: unknown; body?: unknown };
    return [body, number, date].filter((p) => typeof p === 'string').join(' ') || undefined;
  }
  return undefined;
}

function entryOf(event: RecordedEvent): HistoryEntry {
  const m = event.metadata;
  const entry: HistoryEntry = {
    at: typeof m.at === 'string' ? m.at : event.created.toISOString(),
    actor: typeof m.actor === 'string' ? m.actor : 'unknown',
    role: typeof m.role === 'string' ? m.role : 'unknown',
    type: event.type,
    streamName: event.streamName,
    revision: event.revision,
    position: `${event.position.commit}/${event.position.prepare}`,
  };
  const reason = m.reason ?? event.data.reason;
  if (typeof reason === 'string') entry.reason = reason;
  const reference = referenceOf(event.data);
  if (reference) entry.decisionReference = reference;
  if (typeof event.data.decidedAfterDeadline === 'string') entry.decidedAfterDeadline = event.data.decidedAfterDeadline;
  return entry;
}

/**
 * The round's decisions in `$all` order: when, who, what, why, under which decision. A stream that
 * joins the round later (the budget, when its frame version is frozen for the round) brings its
 * earlier decisions along (the frame's establishment and amendments).
 */
export async function history(store: EventStore, roundId: string, options: { onProgress?: (events: number) => void } = {}): Promise<HistoryEntry[]> {
  const members = new Set<string>();
  const joinedLate = new Map<string, bigint>();
  const found: { position: Position; entry: HistoryEntry }[] = [];
  const rollImports = new Set<string>();
  let scanned = 0;
  for await (const event of scanAll(store, { onPage: (n) => options.onProgress?.((scanned += n)) })) {
    if (!members.has(event.streamName) && belongsToRound(event, roundId)) {
      members.add(event.streamName);
      if (event.revision > 0n) joinedLate.set(event.streamName, event.revision);
    }
    if (!members.has(event.streamName) || NOT_DECISIONS.has(event.type)) continue;
    if (event.type === 'ParticipantRegistered' && !isRollImport(event, rollImports)) continue;
    found.push({ position: event.position, entry: entryOf(event) });
  }
  for (const [streamName, joinedAt] of joinedLate) {
    for (const event of await store.readStream(streamName)) {
      if (event.revision >= joinedAt) break;
      if (!NOT_DECISIONS.has(event.type)) found.push({ position: event.position, entry: entryOf(event) });
    }
  }
  return found.sort((a, b) => comparePositions(a.position, b.position)).map((f) => f.entry);
}
