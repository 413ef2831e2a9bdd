import { Module } from '@nestjs/common';
import { AuditTimelineController } from '../audit-timeline/audit-timeline.controller.js';
import { BudgetOverviewController } from '../budgets/budget-overview.controller.js';
import { EvaluationController } from '../evaluation/evaluation.controller.js';
import { PlanController } from '../plans/plan.controller.js';
import { TurnoutController } from '../turnout/turnout.controller.js';
import { PublicRoundController } from '../public-page/public-round.controller.js';
import { ResultController } from '../results/result.controller.js';
import { RoundOverviewController } from '../rounds/round-overview.controller.js';
import { ProjectionsController } from './projections.controller.js';
import { ReadModelsService } from './read-models.service.js';

/** The read models over HTTP (queries, live feed, the public results page) and, in process, the projector. */
@Module({
  controllers: [BudgetOverviewController, RoundOverviewController, PlanController, ResultController, AuditTimelineController, ProjectionsController, PublicRoundController, TurnoutController, EvaluationController],
  providers: [ReadModelsService],
  exports: [ReadModelsService],
})
export class ReadModelsModule {}
