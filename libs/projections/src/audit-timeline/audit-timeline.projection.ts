import type { RecordedEvent } from '@lib/event-store';
import { BUDGET_EVENT_TYPES, PROPOSAL_EVENT_TYPES, type ProposalEvent, ROUND_EVENT_TYPES } from '@lib/budgeting/events';
import { type BallotBoxEvent, type PaperBatchEvent, type ParticipantEvent, type ParticipantRegistered, ROLL_IMPORT_SOURCES } from '@lib/voting/events';
import { type Projection, type ProjectionContext, tenantOf, truncateTables } from '../projection.js';
import { RowBatch } from '../rows.js';
import type { AuditStreamRoundRow, AuditTimelineRow } from './audit-timeline.entity.js';

const TABLES = ['audit_timeline', 'audit_stream_round'] as const;

/** Residents' own acts (supporting a plan, casting a ballot) are not staff decisions and stay out of the timeline. */
const RESIDENT_ACTS = new Set<ProposalEvent['type']>(['ProposalSupported', 'ProposalSupportWithdrawn']);

/**
 * Staff acts on the vote (the ballot box, the roll's codes, paper batches); ballots themselves are not listed.
 * A roll import is listed once, as its first `ParticipantRegistered` (below); `VoterRollExtended`, which
 * older stores hold beside those registrations, is not listed again.
 */
const VOTING_STAFF_ACTS: (BallotBoxEvent | ParticipantEvent | PaperBatchEvent)['type'][] = [
  'BallotBoxPrepared',
  'BallotBoxOpened',
  'BallotBoxClosed',
  'RoundKeyDestroyed',
  'BallotBoxSealed',
  'ParticipantRegistered',
  'VotingCodeBlocked',
  'VotingCodeReissued',
  'PaperBatchOpened',
  'PaperBatchConfirmed',
];

/** A round's seals are listed by the audit CLI (`audit seal`, `audit history`), not here. */
const ROUND_DECISIONS = ROUND_EVENT_TYPES.filter((t) => t !== 'RoundSealed');

/** The audit timeline: every staff and system decision per round, from the events' metadata. */
export const auditTimelineProjection: Projection = {
  name: 'audit-timeline',
  // 2: a roll import is its first registration (per correlation id), no longer VoterRollExtended.
  version: 2,
  canHandle: [...BUDGET_EVENT_TYPES, ...ROUND_DECISIONS, ...PROPOSAL_EVENT_TYPES.filter((t) => !RESIDENT_ACTS.has(t)), ...VOTING_STAFF_ACTS],
  tables: TABLES,
  truncate: truncateTables(TABLES),
  async handle(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const streams = new RowBatch<AuditStreamRoundRow>(context, 'audit_stream_round', ['stream_name']);
    const timeline = new RowBatch<AuditTimelineRow>(context, 'audit_timeline', ['stream_name', 'revision']);
    const listed = await rollImports(events, context);
    await streams.load('stream_name', events.map((e) => e.streamName));
    for (const event of events) {
      if (event.type === 'ParticipantRegistered' && !listed.has(event.id)) continue;
      const data = event.data as { roundId?: string; budgetId?: string };
      let link = streams.get(event.streamName);
      if (!link || (link.round_id === null && data.roundId) || (link.budget_id === null && data.budgetId)) {
        link = streams.set({ stream_name: event.streamName, round_id: link?.round_id ?? data.roundId ?? null, budget_id: link?.budget_id ?? data.budgetId ?? null });
      }
      const m = event.metadata;
      timeline.set({
        stream_name: event.streamName,
        revision: Number(event.revision),
        tenant: tenantOf(event),
        round_id: link.round_id,
        budget_id: link.budget_id,
        commit_position: event.position.commit.toString(),
        prepare_position: event.position.prepare.toString(),
        event_id: event.id,
        event_type: event.type,
        actor: text(m.actor),
        role: text(m.role),
        at: text(m.at) ?? event.created.toISOString(),
        reason: text(m.reason) ?? text((event.data as { reason?: unknown }).reason),
        decision_reference: decisionReference(event.data),
        correlation_id: text(m.$correlationId),
        causation_id: text(m.$causationId),
      });
    }
    await streams.flush();
    await timeline.flush();
  },
};

/**
 * The registrations of the batch that stand for a roll import: per municipality, round and correlation id
 * (one request of staff: a file, a print run, a Pabulib import) the first one, unless the timeline
 * already lists one. A resident's own registration and a re-issued code's successor are not listed.
 */
async function rollImports(events: readonly RecordedEvent[], { manager, schema }: ProjectionContext): Promise<Set<string>> {
  const keyOf = (tenant: string, roundId: string, correlation: string) => JSON.stringify([tenant, roundId, correlation]);
  const candidates = events.filter((e) => e.type === 'ParticipantRegistered' && ROLL_IMPORT_SOURCES.includes((e.data as ParticipantRegistered['data']).source));
  const listed = new Set<string>();
  if (candidates.length === 0) return listed;
  const correlationOf = (e: RecordedEvent) => text(e.metadata.$correlationId) ?? e.id;
  const tenants = [...new Set(candidates.map(tenantOf))];
  const rounds = [...new Set(candidates.map((e) => (e.data as ParticipantRegistered['data']).roundId))];
  // By the timeline's (tenant, round_id, …) index: a round's own rows.
  const known = await manager.query<{ tenant: string; round_id: string; correlation_id: string }[]>(
    `SELECT DISTINCT tenant, round_id, correlation_id FROM ${schema}.audit_timeline
      WHERE tenant = ANY($1::text[]) AND round_id = ANY($2::text[]) AND event_type = 'ParticipantRegistered' AND correlation_id IS NOT NULL`,
    [tenants, rounds],
  );
  const seen = new Set(known.map((r) => keyOf(r.tenant, r.round_id, r.correlation_id)));
  for (const event of candidates) {
    const key = keyOf(tenantOf(event), (event.data as ParticipantRegistered['data']).roundId, correlationOf(event));
    if (seen.has(key)) continue;
    seen.add(key);
    listed.add(event.id);
  }
  return listed;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** `decision.number` (council, college, residents' body) or a beschikking's `decisionReference`. */
function decisionReference(data: Record<string, unknown>): string | null {
  const decision = data.decision as { body?: string; number?: string; date?: string } | null | undefined;
  if (decision && typeof decision.number === 'string') return `${decision.body ?? ''} ${decision.number}${decision.date ? ` (${decision.date})` : ''}`.trim();
  return text(data.decisionReference);
}
