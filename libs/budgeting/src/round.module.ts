import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AdoptResultController } from './round/adopt-result/adopt-result.controller.js';
import { AdoptResultHandler } from './round/adopt-result/adopt-result.handler.js';
import { AdvancePhaseController } from './round/advance-phase/advance-phase.controller.js';
import { AdvancePhaseHandler } from './round/advance-phase/advance-phase.handler.js';
import { CancelRoundController } from './round/cancel-round/cancel-round.controller.js';
import { CancelRoundHandler } from './round/cancel-round/cancel-round.handler.js';
import { CommitFundsController } from './round/commit-funds/commit-funds.controller.js';
import { CommitFundsHandler } from './round/commit-funds/commit-funds.handler.js';
import { CorrectResultController } from './round/correct-result/correct-result.controller.js';
import { CorrectResultHandler } from './round/correct-result/correct-result.handler.js';
import { GetRoundController } from './round/get-round/get-round.controller.js';
import { GetRoundHandler } from './round/get-round/get-round.query.js';
import { PlanRoundController } from './round/plan-round/plan-round.controller.js';
import { PlanRoundHandler } from './round/plan-round/plan-round.handler.js';
import { PublishResultController } from './round/publish-result/publish-result.controller.js';
import { PublishResultHandler } from './round/publish-result/publish-result.handler.js';
import { ReleaseFundsController } from './round/release-funds/release-funds.controller.js';
import { ReleaseFundsHandler } from './round/release-funds/release-funds.handler.js';
import { RoundCommandRunner } from './round/round-command.runner.js';
import { RoundReactions } from './round/round.reactions.js';
import { RoundClockRegistration } from './round-clock/round-clock.registration.js';

/** The `Round-<id>` stream over HTTP, one use-case folder per command. Other modules commit and release funds through the CommandBus (CommitFundsRequest, ReleaseFundsRequest). */
@Module({
  imports: [CqrsModule],
  controllers: [
    PlanRoundController,
    AdvancePhaseController,
    CommitFundsController,
    ReleaseFundsController,
    PublishResultController,
    AdoptResultController,
    CorrectResultController,
    CancelRoundController,
    GetRoundController,
  ],
  providers: [
    RoundCommandRunner,
    RoundReactions,
    RoundClockRegistration,
    PlanRoundHandler,
    AdvancePhaseHandler,
    CommitFundsHandler,
    ReleaseFundsHandler,
    PublishResultHandler,
    AdoptResultHandler,
    CorrectResultHandler,
    CancelRoundHandler,
    GetRoundHandler,
  ],
  exports: [RoundCommandRunner],
})
export class RoundModule {}
