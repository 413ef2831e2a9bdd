import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE } from '@lib/platform';
import type { PlanCriterion } from '../../budget/budget.events.js';
import { ROUND_PHASES, type RoundPhase, type ScheduledPhase } from '../round.events.js';
import { ScheduledPhaseDto } from '../plan-round/plan-round.dto.js';
import { readRound } from '../round.read.js';
import { remainingCents, type Commitment, type ExistingRound, type PhaseChange, type RoundResult } from '../round.state.js';

@ApiSchema({ description: 'A round folded from its stream: phase, schedule, frame version, criteria, ceilings, commitments and result' })
export class RoundView {
  @ApiProperty({ example: '0f5c…' }) roundId!: string;
  @ApiProperty({ example: 'b3f1…' }) budgetId!: string;
  @ApiProperty({ type: String, example: 'burgerbegroting' }) form!: ExistingRound['form'];
  @ApiProperty({ example: 'Buurtbudget Oost 2026' }) title!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ enum: ROUND_PHASES, example: 'voting' }) phase!: RoundPhase;
  @ApiProperty({ enum: ROUND_PHASES, isArray: true, example: ['planned', 'submission', 'support', 'feasibility', 'voting', 'counting', 'adoption', 'implementation', 'closed'] }) pipeline!: RoundPhase[];
  @ApiProperty({
    type: [ScheduledPhaseDto],
    description: 'The dates planned for the phases, as given when the round was planned (a phase opens by its transition, not by the date)',
    example: [{ phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' }, { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' }],
  })
  schedule!: ScheduledPhase[];
  @ApiProperty({ example: 1 }) frameVersion!: number;
  @ApiProperty({ example: '2026-05-01T08:00:00.000Z', nullable: true, type: String }) rulesFrozenAt!: string | null;
  @ApiProperty({ example: '2026-02-01T08:00:00.000Z', nullable: true, type: String }) submissionOpenedAt!: string | null;
  @ApiProperty({ type: Object, isArray: true, nullable: true, example: [{ id: 'max-amount', text: 'A plan costs at most €50.000', kind: 'maximum-amount', amountCents: 5_000_000 }] })
  criteriaPublishedBeforeSubmission!: PlanCriterion[] | null;
  @ApiProperty({ example: 30_000_000 }) ceilingCents!: number;
  @ApiProperty({ example: 4_000_000 }) committedCents!: number;
  @ApiProperty({ example: 26_000_000 }) remainingCents!: number;
  @ApiProperty({ type: Object, isArray: true, example: [{ areaCode: 'WK036301', ceilingCents: 18_000_000, committedCents: 4_000_000 }] })
  areas!: { areaCode: string; ceilingCents: number; committedCents: number }[];
  @ApiProperty({ example: { 'p-1': { amountCents: 4_000_000, areaCode: 'WK036301' } } }) commitments!: Record<string, Commitment>;
  @ApiProperty({ nullable: true, example: null }) result!: RoundResult | null;
  @ApiProperty({ example: [] }) history!: PhaseChange[];
  @ApiProperty({ example: [] }) intakeDates!: string[];
}

export class GetRound extends Query<{ view: RoundView; revision: bigint }> {
  constructor(
    readonly roundId: string,
    readonly tenant: string,
  ) {
    super();
  }
}

export function roundView(state: ExistingRound): RoundView {
  return {
    roundId: state.roundId,
    budgetId: state.budgetId,
    form: state.form,
    title: state.title,
    year: state.year,
    phase: state.phase,
    pipeline: state.pipeline,
    schedule: state.schedule,
    frameVersion: state.frameVersion,
    rulesFrozenAt: state.rulesFrozenAt,
    submissionOpenedAt: state.submissionOpenedAt,
    criteriaPublishedBeforeSubmission: state.criteriaPublishedBeforeSubmission,
    ceilingCents: state.ceilingCents,
    committedCents: state.committedCents,
    remainingCents: remainingCents(state),
    areas: state.frame.areaCeilings.map((a) => ({ areaCode: a.areaCode, ceilingCents: a.amountCents, committedCents: state.areaCommittedCents[a.areaCode] ?? 0 })),
    commitments: state.commitments,
    result: state.result,
    history: state.history,
    intakeDates: state.intakeDates,
  };
}

@QueryHandler(GetRound)
export class GetRoundHandler implements IQueryHandler<GetRound, { view: RoundView; revision: bigint }> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ roundId, tenant }: GetRound): Promise<{ view: RoundView; revision: bigint }> {
    const { state, revision } = await readRound(this.store, roundId, tenant);
    return { view: roundView(state), revision };
  }
}
