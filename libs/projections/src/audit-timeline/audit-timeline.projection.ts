import type { RecordedEvent } from '@lib/event-store';
import { BUDGET_EVENT_TYPES, PROPOSAL_EVENT_TYPES, type ProposalEvent, ROUND_EVENT_TYPES } from '@lib/budgeting/events';
import type { BallotBoxEvent, PaperBatchEvent, ParticipantEvent } from '@lib/voting/events';
import { type Projection, type ProjectionContext, tenantOf, truncateTables } from '../projection.js';
import { RowBatch } from '../rows.js';
import type { AuditStreamRoundRow, AuditTimelineRow } from './audit-timeline.entity.js';

const TABLES = ['audit_timeline', 'audit_stream_round'] as const;

/** Residents' own acts (supporting a plan, casting a ballot) are not staff decisions and stay out of the timeline. */
const RESIDENT_ACTS = new Set<ProposalEvent['type']>(['ProposalSupported', 'ProposalSupportWithdrawn']);

/** Staff acts on the vote (the ballot box, the roll's codes, paper batches); ballots themselves are not listed. */
const VOTING_STAFF_ACTS: (BallotBoxEvent | ParticipantEvent | PaperBatchEvent)['type'][] = ['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed', 'VoterRollExtended', 'BallotBoxSealed', 'VotingCodeBlocked', 'VotingCodeReissued', 'PaperBatchOpened', 'PaperBatchConfirmed'];

/** A round's seals are listed by the audit CLI (`audit seal`, `audit history`), not here. */
const ROUND_DECISIONS = ROUND_EVENT_TYPES.filter((t) => t !== 'RoundSealed');

/** The audit timeline: every staff and system decision per round, from the events' metadata. */
export const auditTimelineProjection: Projection = {
  name: 'audit-timeline',
  version: 1,
  canHandle: [...BUDGET_EVENT_TYPES, ...ROUND_DECISIONS, ...PROPOSAL_EVENT_TYPES.filter((t) => !RESIDENT_ACTS.has(t)), ...VOTING_STAFF_ACTS],
  tables: TABLES,
  truncate: truncateTables(TABLES),
  async handle(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const streams = new RowBatch<AuditStreamRoundRow>(context, 'audit_stream_round', ['stream_name']);
    const timeline = new RowBatch<AuditTimelineRow>(context, 'audit_timeline', ['stream_name', 'revision']);
    await streams.load('stream_name', events.map((e) => e.streamName));
    for (const event of events) {
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

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** `decision.number` (council, college, residents' body) or a beschikking's `decisionReference`. */
function decisionReference(data: Record<string, unknown>): string | null {
  const decision = data.decision as { body?: string; number?: string; date?: string } | null | undefined;
  if (decision && typeof decision.number === 'string') return `${decision.body ?? ''} ${decision.number}${decision.date ? ` (${decision.date})` : ''}`.trim();
  return text(data.decisionReference);
}
