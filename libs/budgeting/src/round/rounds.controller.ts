import { applyDecorators, Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandContext, HandleCommandResult } from '@lib/es';
import {
  accepted,
  Allow,
  ApiProblems,
  CLOCK,
  type Clock,
  CommandAcceptedDto,
  commandContext,
  correlationIdOf,
  CurrentPrincipal,
  etagOf,
  expectedRevisionFrom,
  ID_GENERATOR,
  type IdGenerator,
  plain,
  type Principal,
  REACTIONS_HEADER,
  REACTIONS_HEADER_DOC,
  reactionsHeader,
  READ_ROLES,
  StreamIdPipe,
  WRITE_ROLES,
} from '@lib/platform';
import type { PlanOutcome, RoundDecision, RoundEvent, Winner } from './round.events.js';
import { AdoptResultDto, AdvancePhaseDto, CommitFundsDto, CorrectResultDto, PlanRoundDto, PublishResultDto, ReleaseFundsDto } from './round.dto.js';
import {
  AdoptResultRequest,
  AdvancePhaseRequest,
  CommitFundsRequest,
  CorrectResultRequest,
  PlanRoundRequest,
  PublishResultRequest,
  ReleaseFundsRequest,
} from './round-commands.handler.js';
import type { RoundCommandOutcome } from './round-command.runner.js';
import { GetRound, RoundView } from './get-round/get-round.query.js';

const winnersOf = (winners: { proposalId: string; amountCents: number; areaCode?: string }[]): Winner[] =>
  winners.map((w) => ({ proposalId: w.proposalId, amountCents: w.amountCents, areaCode: w.areaCode ?? null }));
const decisionOf = (decision: object | undefined): RoundDecision | null => (decision === undefined ? null : plain<RoundDecision>(decision));

/** A command on an existing round: POST, administrators only, `If-Match` honoured, answered 201 with the new `ETag`. */
function RoundCommand(path: string, summary: string) {
  return applyDecorators(
    Post(path),
    HttpCode(201),
    Allow(...WRITE_ROLES),
    ApiOperation({ summary }),
    ApiHeader({ name: 'If-Match', required: false }),
    ApiCreatedResponse({ type: CommandAcceptedDto, headers: { [REACTIONS_HEADER]: REACTIONS_HEADER_DOC } }),
    ApiProblems(400, 401, 403, 404, 409, 412),
  );
}

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class RoundsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  private context(principal: Principal, correlation: string | undefined, reason?: string): CommandContext {
    return commandContext(principal, WRITE_ROLES, this.clock.now(), correlationIdOf(correlation, () => this.ids.newId()), reason);
  }

  private answer(response: Response, roundId: string, result: RoundCommandOutcome | HandleCommandResult<RoundEvent>): CommandAcceptedDto {
    response.setHeader('ETag', etagOf(result.nextRevision)).setHeader('Location', `/rounds/${roundId}`);
    if ('reactions' in result && result.reactions) response.setHeader(REACTIONS_HEADER, reactionsHeader(result.reactions));
    return accepted(roundId, result.nextRevision, result.events);
  }

  @Post()
  @HttpCode(201)
  @Allow(...WRITE_ROLES)
  @ApiOperation({ summary: 'Plan a round under a budget (RoundPlanned): the form\'s pipeline, the schedule, the frame version in force' })
  @ApiCreatedResponse({ type: CommandAcceptedDto, description: 'Created; `Location` is the round, `ETag` its revision' })
  @ApiProblems(400, 401, 403, 409)
  async plan(@Body() body: PlanRoundDto, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlation: string | undefined, @Res({ passthrough: true }) response: Response) {
    const roundId = this.ids.newId();
    const context = this.context(principal, correlation);
    const data = {
      roundId,
      budgetId: body.budgetId,
      title: body.title ?? null,
      year: body.year,
      decidedBy: body.decidedBy ?? null,
      preselection: body.preselection ?? false,
      schedule: plain<PlanRoundDto['schedule']>(body.schedule),
      carryOver: plain<NonNullable<PlanRoundDto['carryOver']>>(body.carryOver ?? []),
      intakeDates: body.intakeDates ?? [],
      plannedAt: context.now.toISOString(),
    };
    return this.answer(response, roundId, await this.commands.execute(new PlanRoundRequest(data, { context })));
  }

  @RoundCommand(':roundId/phase-transitions', 'Move the round to its next phase (RoundPhaseAdvanced; SubmissionOpened / RoundRulesFrozen where they apply)')
  async advance(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: AdvancePhaseDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = expectedRevisionFrom(ifMatch);
    const context = this.context(principal, correlation, body.reason);
    const data = { roundId, to: body.to, reason: body.reason ?? '', decision: decisionOf(body.decision), at: context.now.toISOString() };
    return this.answer(response, roundId, await this.commands.execute(new AdvancePhaseRequest(data, { context, expectedRevision })));
  }

  @RoundCommand(':roundId/commitments', 'Commit money for a plan against the round\'s (and the area\'s) ceiling (FundsCommitted); ROUND.CEILING_EXCEEDED past it')
  async commit(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: CommitFundsDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = expectedRevisionFrom(ifMatch);
    const context = this.context(principal, correlation);
    const data = { roundId, proposalId: body.proposalId, amountCents: body.amountCents, areaCode: body.areaCode ?? null, at: context.now.toISOString() };
    return this.answer(response, roundId, await this.commands.execute(new CommitFundsRequest(data, { context, expectedRevision })));
  }

  @RoundCommand(':roundId/releases', 'Release committed money back to the round (FundsReleased)')
  async release(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: ReleaseFundsDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = expectedRevisionFrom(ifMatch);
    const context = this.context(principal, correlation, body.reason);
    const data = { roundId, proposalId: body.proposalId, amountCents: body.amountCents, reason: body.reason ?? '', at: context.now.toISOString() };
    return this.answer(response, roundId, await this.commands.execute(new ReleaseFundsRequest(data, { context, expectedRevision })));
  }

  @RoundCommand(':roundId/result', 'Publish the result (ResultPublished): a vote is counted here from the ballots with the frozen rule; a residents\' body\'s result is its decision (winners, explanation, decision)')
  async publish(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: PublishResultDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = expectedRevisionFrom(ifMatch);
    const context = this.context(principal, correlation, body.reason);
    const data = {
      roundId,
      ...(body.winners === undefined ? {} : { winners: winnersOf(body.winners) }),
      ...(body.explanation === undefined ? {} : { explanation: plain<PlanOutcome[]>(body.explanation) }),
      ...(body.decision === undefined ? {} : { decision: decisionOf(body.decision) }),
      reason: body.reason ?? null,
      at: context.now.toISOString(),
    };
    return this.answer(response, roundId, await this.commands.execute(new PublishResultRequest(data, { context, expectedRevision })));
  }

  @RoundCommand(':roundId/result/adoption', 'Adopt the published result (ResultAdopted), with the decision the regime requires; releases the frame freeze')
  async adopt(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: AdoptResultDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = expectedRevisionFrom(ifMatch);
    const context = this.context(principal, correlation, body.reason);
    const data = { roundId, decision: decisionOf(body.decision), reason: body.reason ?? '', at: context.now.toISOString() };
    return this.answer(response, roundId, await this.commands.execute(new AdoptResultRequest(data, { context, expectedRevision })));
  }

  @RoundCommand(':roundId/result/corrections', 'Correct the published result (ResultCorrected) with a reason and the decision behind it')
  async correct(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: CorrectResultDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expectedRevision = expectedRevisionFrom(ifMatch);
    const context = this.context(principal, correlation, body.reason);
    const data = {
      roundId,
      winners: winnersOf(body.winners),
      explanation: plain<PlanOutcome[]>(body.explanation),
      reason: body.reason ?? '',
      decision: decisionOf(body.decision),
      at: context.now.toISOString(),
    };
    return this.answer(response, roundId, await this.commands.execute(new CorrectResultRequest(data, { context, expectedRevision })));
  }

  @Get(':roundId')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'The round folded from its stream: phase, frame version, criteria published before submission, ceiling and commitments, result' })
  @ApiOkResponse({ type: RoundView })
  @ApiProblems(400, 401, 403, 404)
  async get(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<RoundView> {
    const { view, revision } = await this.queries.execute(new GetRound(roundId, principal.tenant));
    response.setHeader('ETag', etagOf(revision));
    return view;
  }
}
