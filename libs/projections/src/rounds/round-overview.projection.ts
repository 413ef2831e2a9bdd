import type { RecordedEvent } from '@lib/event-store';
import { type BudgetEvent, ROUND_EVENT_TYPES, type RoundEvent, type RoundSealed } from '@lib/budgeting/events';
import { domainEvent, type Projection, type ProjectionContext, tenantOf, truncateTables } from '../projection.js';
import { RowBatch } from '../rows.js';
import type { RoundFrameFlagRow, RoundOverviewRow, RoundSealRow } from './round-overview.entity.js';

const TABLES = ['round_overview', 'round_frame_flag', 'round_seal'] as const;

/** A seal changes nothing the overview shows; it has a row of its own in `round_seal`. */
type RoundOverviewEvent = Exclude<RoundEvent, RoundSealed>;

/** A seal as the public page shows it, whether or not the round was planned here (an imported round has no RoundPlanned). */
function sealRow(recorded: RecordedEvent): RoundSealRow {
  const { data } = domainEvent<RoundSealed>(recorded);
  return {
    round_id: data.roundId,
    revision: Number(recorded.revision),
    tenant: tenantOf(recorded),
    digest: data.digest,
    up_to: data.upTo,
    streams: data.streams,
    events: data.events,
    sealed_at: data.sealedAt,
    phase: data.phase ?? null,
    chain_link: data.storeChain?.link ?? null,
    chain_up_to: data.storeChain?.upTo ?? null,
    chain_digest: data.storeChain?.digest ?? null,
  };
}

/** Rounds: phase and dates, ceiling, committed money and result status; and every seal of each round (v2). */
export const roundOverviewProjection: Projection = {
  name: 'round-overview',
  version: 2,
  canHandle: ['BudgetEstablished', 'FrameAmended', ...ROUND_EVENT_TYPES],
  tables: TABLES,
  truncate: truncateTables(TABLES),
  async handle(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const rounds = new RowBatch<RoundOverviewRow>(context, 'round_overview', ['round_id']);
    const flags = new RowBatch<RoundFrameFlagRow>(context, 'round_frame_flag', ['budget_id', 'frame_version']);
    await rounds.load('round_id', events.map((e) => (e.data as { roundId?: string }).roundId));
    await flags.load('budget_id', events.map((e) => (e.data as { budgetId?: string }).budgetId));
    const seals = new RowBatch<RoundSealRow>(context, 'round_seal', ['round_id', 'revision']);
    const interimPublic = (budgetId: string, version: number): boolean => flags.get(budgetId, version)?.interim_results_public ?? false;
    for (const recorded of events) {
      if (recorded.type === 'RoundSealed') {
        seals.set(sealRow(recorded));
        continue;
      }
      if (recorded.type === 'BudgetEstablished' || recorded.type === 'FrameAmended') {
        const event = domainEvent<BudgetEvent>(recorded) as Extract<BudgetEvent, { type: 'BudgetEstablished' | 'FrameAmended' }>;
        flags.set({ budget_id: event.data.budgetId, frame_version: event.data.version, interim_results_public: event.data.frame.interimResultsPublic });
        continue;
      }
      const event = domainEvent<RoundOverviewEvent>(recorded);
      if (event.type === 'RoundPlanned') {
        const { data } = event;
        rounds.set({
          round_id: data.roundId,
          tenant: tenantOf(recorded),
          budget_id: data.budgetId,
          title: data.title,
          year: data.year,
          form: data.frame.form,
          decided_by: data.decidedBy,
          phase: 'planned',
          pipeline: data.pipeline,
          schedule: data.schedule,
          phase_changed_at: data.plannedAt,
          frame_version: data.frame.version,
          rules_frozen_at: null,
          interim_results_public: interimPublic(data.budgetId, data.frame.version),
          allocated_cents: data.frame.ceilingCents,
          area_ceilings: data.frame.areaCeilings,
          committed_cents: 0,
          result_status: 'none',
          result_total_cents: null,
          result_published_at: null,
          result_adopted_at: null,
          result_decision: null,
          planned_at: data.plannedAt,
          updated_at: data.plannedAt,
        });
        continue;
      }
      const round = rounds.get(event.data.roundId);
      if (!round) continue;
      const at = event.data.at;
      switch (event.type) {
        case 'RoundFollowedFrameAmendment':
          rounds.set({
            ...round,
            frame_version: event.data.frame.version,
            allocated_cents: event.data.frame.ceilingCents,
            area_ceilings: event.data.frame.areaCeilings,
            interim_results_public: interimPublic(round.budget_id, event.data.frame.version),
            updated_at: at,
          });
          break;
        case 'RoundPhaseAdvanced':
          rounds.set({ ...round, phase: event.data.to, phase_changed_at: at, updated_at: at });
          break;
        case 'SubmissionOpened':
          rounds.set({ ...round, frame_version: event.data.frameVersion, updated_at: at });
          break;
        case 'RoundRulesFrozen':
          rounds.set({ ...round, frame_version: event.data.frameVersion, rules_frozen_at: at, updated_at: at });
          break;
        case 'FundsCommitted':
        case 'FundsReleased':
          rounds.set({ ...round, committed_cents: event.data.committedCents, updated_at: at });
          break;
        case 'ResultPublished':
          rounds.set({ ...round, result_status: 'published', result_total_cents: event.data.totalCents, result_published_at: at, updated_at: at });
          break;
        case 'ResultAdopted':
          rounds.set({ ...round, result_status: 'adopted', result_adopted_at: at, result_decision: event.data.decision, updated_at: at });
          break;
        case 'ResultCorrected':
          rounds.set({ ...round, result_status: 'corrected', result_total_cents: event.data.totalCents, result_decision: event.data.decision, updated_at: at });
          break;
      }
    }
    await flags.flush();
    await rounds.flush();
    await seals.flush();
  },
};
