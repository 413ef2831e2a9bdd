import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetRoundHandler } from './round/get-round/get-round.query.js';
import { RoundCommandRunner } from './round/round-command.runner.js';
import { RoundReactions } from './round/round.reactions.js';
import {
  AdoptResultHandler,
  AdvancePhaseHandler,
  CommitFundsHandler,
  CorrectResultHandler,
  PlanRoundHandler,
  PublishResultHandler,
  ReleaseFundsHandler,
} from './round/round-commands.handler.js';
import { RoundsController } from './round/rounds.controller.js';

/** The `Round-<id>` stream over HTTP. Other modules commit and release funds through the CommandBus (CommitFundsRequest, ReleaseFundsRequest). */
@Module({
  imports: [CqrsModule],
  controllers: [RoundsController],
  providers: [RoundCommandRunner, RoundReactions, PlanRoundHandler, AdvancePhaseHandler, CommitFundsHandler, ReleaseFundsHandler, PublishResultHandler, AdoptResultHandler, CorrectResultHandler, GetRoundHandler],
  exports: [RoundCommandRunner],
})
export class RoundModule {}
