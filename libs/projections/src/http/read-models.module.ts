import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditTimelineController } from '../audit-timeline/audit-timeline.controller.js';
import { GetAuditTimelineHandler } from '../audit-timeline/audit-timeline.query.js';
import { BudgetOverviewController } from '../budgets/budget-overview.controller.js';
import { GetBudgetOverviewHandler, ListBudgetOverviewsHandler } from '../budgets/budget-overview.query.js';
import { EvaluationController } from '../evaluation/evaluation.controller.js';
import { GetEvaluationHandler } from '../evaluation/evaluation.query.js';
import { PlanController } from '../plans/plan.controller.js';
import { GetPlanHandler, ListPlansHandler } from '../plans/plan.query.js';
import { PublicPlansController } from '../public-page/public-plans.controller.js';
import { ListPublicPlansHandler } from '../public-page/public-plans.query.js';
import { PublicRoundController } from '../public-page/public-round.controller.js';
import { GetPublicRoundHandler } from '../public-page/public-round.query.js';
import { ResultController } from '../results/result.controller.js';
import { GetRoundResultHandler } from '../results/result.query.js';
import { RoundOverviewController } from '../rounds/round-overview.controller.js';
import { GetRoundImplementationHandler, GetRoundOverviewHandler, ListRoundOverviewsHandler } from '../rounds/round-overview.query.js';
import { ImportPopulationHandler } from '../turnout/import-population.command.js';
import { TurnoutController } from '../turnout/turnout.controller.js';
import { GetRoundTurnoutHandler } from '../turnout/turnout.query.js';
import { LiveFeed } from './live-feed.js';
import { GetFeedChangesHandler, GetFeedCursorHandler } from './live-feed.query.js';
import { ProjectionsController } from './projections.controller.js';
import { GetProjectionStatusesHandler } from './projections.query.js';
import { ReadModelsService } from './read-models.service.js';

/** Every GET of the read side goes through the QueryBus to one of these handlers; they read the read-model tables only. */
export const READ_MODEL_QUERY_HANDLERS = [
  ListBudgetOverviewsHandler,
  GetBudgetOverviewHandler,
  ListRoundOverviewsHandler,
  GetRoundOverviewHandler,
  GetRoundImplementationHandler,
  ListPlansHandler,
  GetPlanHandler,
  GetRoundResultHandler,
  GetAuditTimelineHandler,
  GetRoundTurnoutHandler,
  GetEvaluationHandler,
  GetPublicRoundHandler,
  ListPublicPlansHandler,
  GetProjectionStatusesHandler,
  GetFeedCursorHandler,
  GetFeedChangesHandler,
];

/** The read models over HTTP (queries, live feed, the public results page) and, in process, the projector. */
@Module({
  imports: [CqrsModule],
  controllers: [BudgetOverviewController, RoundOverviewController, PlanController, ResultController, AuditTimelineController, ProjectionsController, PublicRoundController, PublicPlansController, TurnoutController, EvaluationController],
  providers: [ReadModelsService, LiveFeed, ImportPopulationHandler, ...READ_MODEL_QUERY_HANDLERS],
  exports: [ReadModelsService, LiveFeed],
})
export class ReadModelsModule {}
