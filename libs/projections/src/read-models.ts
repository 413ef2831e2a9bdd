import type { PGlite } from '@electric-sql/pglite';
import { AuditStreamRoundEntity, AuditTimelineEntity } from './audit-timeline/audit-timeline.entity.js';
import { auditTimelineProjection } from './audit-timeline/audit-timeline.projection.js';
import { BudgetOverviewEntity } from './budgets/budget-overview.entity.js';
import { budgetOverviewProjection } from './budgets/budget-overview.projection.js';
import { ProjectionCheckpointEntity } from './checkpoints/projection-checkpoint.entity.js';
import { readModels } from './migrations/1767225600000-read-models.js';
import { votingReadModels } from './migrations/1767225700000-voting-read-models.js';
import { projectionChange } from './migrations/1767225800000-projection-change.js';
import { turnoutAgeBand } from './migrations/1767225900000-turnout-age-band.js';
import { planDecisionDeadline } from './migrations/1767226000000-plan-decision-deadline.js';
import { roundSeal } from './migrations/1767226100000-round-seal.js';
import { ballotBoxSecrecy } from './migrations/1767226200000-ballot-box-secrecy.js';
import { planObjection } from './migrations/1767226300000-plan-objection.js';
import { ProjectionChangeEntity } from './changes/projection-change.entity.js';
import { BallotBoxEntity, TurnoutBallotsAgeEntity, TurnoutBallotsEntity, TurnoutRollEntity } from './ballot-box/ballot-box.entity.js';
import { ballotBoxProjection } from './ballot-box/ballot-box.projection.js';
import { LiveBallotEntity, LiveCountEntity } from './live-count/live-count.entity.js';
import { liveCountProjection } from './live-count/live-count.projection.js';
import { PlanEntity } from './plans/plan.entity.js';
import { planProjection } from './plans/plan.projection.js';
import { PopulationReferenceEntity } from './turnout/population-reference.entity.js';
import type { Projection } from './projection.js';
import { openReadModelDatabase, type ReadModelDatabase } from './read-model-database.js';
import { ResultPlanEntity } from './results/result-plan.entity.js';
import { resultProjection } from './results/result.projection.js';
import { RoundFrameFlagEntity, RoundOverviewEntity, RoundSealEntity } from './rounds/round-overview.entity.js';
import { roundOverviewProjection } from './rounds/round-overview.projection.js';

/** Every projection the projector runs. */
export const ALL_PROJECTIONS: readonly Projection[] = [budgetOverviewProjection, roundOverviewProjection, planProjection, resultProjection, auditTimelineProjection, ballotBoxProjection, liveCountProjection];

export const READ_MODEL_ENTITIES = [
  ProjectionCheckpointEntity,
  BudgetOverviewEntity,
  RoundOverviewEntity,
  RoundFrameFlagEntity,
  RoundSealEntity,
  PlanEntity,
  ResultPlanEntity,
  AuditTimelineEntity,
  AuditStreamRoundEntity,
  PopulationReferenceEntity,
  BallotBoxEntity,
  TurnoutBallotsEntity,
  TurnoutBallotsAgeEntity,
  TurnoutRollEntity,
  LiveCountEntity,
  LiveBallotEntity,
  ProjectionChangeEntity,
];

/** The read models' schema changes, in order (versions are the dates they were written, in ms). */
export const READ_MODEL_MIGRATIONS = [readModels, votingReadModels, projectionChange, turnoutAgeBand, planDecisionDeadline, roundSeal, ballotBoxSecrecy, planObjection];

/** Opens the read models on the process's database: PostgreSQL (`url`) or its PGlite instance; migrates. */
export function openReadModels(source: { url?: string; pglite?: PGlite; schema?: string; poolSize?: number }): Promise<ReadModelDatabase> {
  return openReadModelDatabase({ ...source, entities: READ_MODEL_ENTITIES, migrations: READ_MODEL_MIGRATIONS });
}
