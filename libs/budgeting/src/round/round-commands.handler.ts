import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandEnvelope, CommandStreamMissing, handleCommand } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { readBudget } from '../budget/budget.read.js';
import { currentFrameVersion } from '../budget/budget.state.js';
import { AdoptResult, type AdoptResultData } from './adopt-result/adopt-result.command.js';
import { AdvancePhase, type AdvancePhaseData } from './advance-phase/advance-phase.command.js';
import { CommitFunds, type CommitFundsData } from './commit-funds/commit-funds.command.js';
import { CorrectResult, type CorrectResultData } from './correct-result/correct-result.command.js';
import { PlanRound, type PlanRoundData } from './plan-round/plan-round.command.js';
import { assertMayPublish, decidesByVote, PublishResult } from './publish-result/publish-result.command.js';
import { ReleaseFunds, type ReleaseFundsData } from './release-funds/release-funds.command.js';
import { roundDecider } from './round.decider.js';
import { RoundUnknownBudgetError } from './round.errors.js';
import { type PlanOutcome, type RoundDecision, roundStream, type Winner } from './round.events.js';
import { roundFrameOf } from './round.frame.js';
import type { RoundBallotBox } from './round-ballot-box.port.js';
import { type RoundCommandFactory, type RoundCommandOutcome, RoundCommandRunner } from './round-command.runner.js';

type Result = RoundCommandOutcome;

/** A round command on the CommandBus: its data (the handler adds the budget's frame) and who sends it. */
abstract class RoundRequest<Data> extends Command<Result> {
  constructor(
    readonly data: Data,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

export class PlanRoundRequest extends RoundRequest<Omit<PlanRoundData, 'frame' | 'frameTitle'>> {}
export class AdvancePhaseRequest extends RoundRequest<Omit<AdvancePhaseData, 'frame'>> {}
export class CommitFundsRequest extends RoundRequest<Omit<CommitFundsData, 'frame'>> {}
export class ReleaseFundsRequest extends RoundRequest<ReleaseFundsData> {}
/** Without winners: count the ballots (a vote). With winners, explanation and decision: the residents' body's result. */
export interface PublishResultRequestData {
  roundId: string;
  winners?: Winner[];
  explanation?: PlanOutcome[];
  decision?: RoundDecision | null;
  reason: string | null;
  at: string;
}
export class PublishResultRequest extends RoundRequest<PublishResultRequestData> {}
export class AdoptResultRequest extends RoundRequest<AdoptResultData> {}
export class CorrectResultRequest extends RoundRequest<CorrectResultData> {}

/** Plans a round under the budget's version in force (also used outside Nest: the Pabulib import). */
export async function planNewRound(store: EventStore, newId: () => string, data: PlanRoundRequest['data'], context: CommandContext): Promise<Result> {
  const budget = await readBudget(store, data.budgetId, context.tenant).catch((error: unknown) => {
    if (error instanceof CommandStreamMissing) throw new RoundUnknownBudgetError(`Budget ${data.budgetId} does not exist`, { budgetId: data.budgetId });
    throw error;
  });
  const command = new PlanRound({ ...data, frame: roundFrameOf(budget.state), frameTitle: currentFrameVersion(budget.state).frame.title });
  return handleCommand(store, roundStream(data.roundId), roundDecider, command, context, { streamMustExist: false, newId });
}

/** Publishes the result: a vote's is counted here, from the ballots; a residents' body's is its decision as given. */
export function publishResultCommand(ballotBox: RoundBallotBox, data: PublishResultRequestData, context: CommandContext): RoundCommandFactory {
  return async (round) => {
    const { roundId, reason, at } = data;
    if (decidesByVote(round) && data.winners === undefined && data.explanation === undefined) {
      assertMayPublish(round, roundId);
      return new PublishResult({ roundId, reason, at, basis: 'count', counted: await ballotBox.count(round, context) });
    }
    return new PublishResult({ roundId, reason, at, basis: 'decision', winners: data.winners ?? [], explanation: data.explanation ?? [], decision: data.decision ?? null });
  };
}

@CommandHandler(PlanRoundRequest)
export class PlanRoundHandler implements ICommandHandler<PlanRoundRequest, Result> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  execute({ data, envelope }: PlanRoundRequest): Promise<Result> {
    return planNewRound(this.store, () => this.ids.newId(), data, envelope.context);
  }
}

@CommandHandler(AdvancePhaseRequest)
export class AdvancePhaseHandler implements ICommandHandler<AdvancePhaseRequest, Result> {
  constructor(private readonly runner: RoundCommandRunner) {}
  execute({ data, envelope }: AdvancePhaseRequest): Promise<Result> {
    return this.runner.run(data.roundId, (_round, frame) => new AdvancePhase({ ...data, frame }), envelope);
  }
}

@CommandHandler(CommitFundsRequest)
export class CommitFundsHandler implements ICommandHandler<CommitFundsRequest, Result> {
  constructor(private readonly runner: RoundCommandRunner) {}
  execute({ data, envelope }: CommitFundsRequest): Promise<Result> {
    return this.runner.run(data.roundId, (_round, frame) => new CommitFunds({ ...data, frame }), envelope);
  }
}

@CommandHandler(ReleaseFundsRequest)
export class ReleaseFundsHandler implements ICommandHandler<ReleaseFundsRequest, Result> {
  constructor(private readonly runner: RoundCommandRunner) {}
  execute({ data, envelope }: ReleaseFundsRequest): Promise<Result> {
    return this.runner.run(data.roundId, () => new ReleaseFunds(data), envelope);
  }
}

@CommandHandler(PublishResultRequest)
export class PublishResultHandler implements ICommandHandler<PublishResultRequest, Result> {
  constructor(private readonly runner: RoundCommandRunner) {}
  execute({ data, envelope }: PublishResultRequest): Promise<Result> {
    return this.runner.run(data.roundId, publishResultCommand(this.runner.ballotBox, data, envelope.context), envelope);
  }
}

@CommandHandler(AdoptResultRequest)
export class AdoptResultHandler implements ICommandHandler<AdoptResultRequest, Result> {
  constructor(private readonly runner: RoundCommandRunner) {}
  execute({ data, envelope }: AdoptResultRequest): Promise<Result> {
    return this.runner.run(data.roundId, () => new AdoptResult(data), envelope);
  }
}

@CommandHandler(CorrectResultRequest)
export class CorrectResultHandler implements ICommandHandler<CorrectResultRequest, Result> {
  constructor(private readonly runner: RoundCommandRunner) {}
  execute({ data, envelope }: CorrectResultRequest): Promise<Result> {
    return this.runner.run(data.roundId, () => new CorrectResult(data), envelope);
  }
}
