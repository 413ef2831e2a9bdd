import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, StreamIdPipe } from '@lib/platform';
import { CostEstimateDto } from '../proposal-cost.dto.js';
import { assertActsInRound, PLAN_RESIDENTS } from '../proposal.roles.js';
import { currentVerdicts, currentVersion, type ExistingProposal } from '../proposal.state.js';
import { GetMyProposal, ListMyProposals } from './list-my-proposals.query.js';

@ApiSchema({ description: 'One version of the resident\'s own plan' })
export class MyPlanVersionView {
  @ApiProperty({ example: 1 })
  number!: number;
  @ApiProperty({ example: 'Speeltuin Oosterpark' })
  title!: string;
  @ApiProperty({ example: 'Nieuwe speeltoestellen en een bankje bij de vijver' })
  summary!: string;
  @ApiProperty({ type: CostEstimateDto })
  costEstimate!: CostEstimateDto;
  @ApiProperty({ example: '2026-03-02T09:00:00.000Z' })
  at!: string;
}

@ApiSchema({ description: 'How staff moderated the resident\'s plan, with the reason when refused' })
export class MyPlanModerationView {
  @ApiProperty({ example: false, description: 'true: let into intake; false: refused' })
  admitted!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'Het plan noemt buren bij naam' })
  reason!: string | null;
  @ApiProperty({ example: '2026-03-03T09:00:00.000Z' })
  at!: string;
}

@ApiSchema({ description: 'A feasibility verdict on the resident\'s plan, with the reviewers\' reason (never the reviewer)' })
export class MyPlanVerdictView {
  @ApiProperty({ example: 'one-year' })
  criterionId!: string;
  @ApiProperty({ example: 'needs_revision', enum: ['met', 'not_met', 'needs_revision'] })
  outcome!: string;
  @ApiProperty({ example: 'Te groot voor één jaar; maak er twee fasen van' })
  reason!: string;
}

@ApiSchema({ description: 'Your objection (bezwaar) against the beschikking on your plan: where it stands' })
export class MyPlanObjectionView {
  @ApiProperty({ example: '2026-03-20', description: 'The day it was received' })
  receivedOn!: string;
  @ApiProperty({ example: true, description: 'Received within the term (Awb 6:7–6:9)' })
  inTime!: boolean;
  @ApiProperty({ example: '2026-06-09T21:59:59.999Z', description: 'The decision on it is due by then (Awb 7:10, as postponed)' })
  decisionDueBy!: string;
  @ApiProperty({ example: '2026-04-08T12:00:00.000Z', nullable: true, type: String, description: 'When you are heard, once scheduled (null: not scheduled, or the hearing is over or skipped)' })
  hearingAt!: string | null;
  @ApiProperty({ example: 'ongegrond', nullable: true, type: String, description: 'The decision on it: niet-ontvankelijk, ongegrond or gegrond (null: not decided yet)' })
  outcome!: string | null;
}

/** What a resident sees of their own plan: its versions, where it stands, moderation and the reviewers' verdicts (never who gave them). */
@ApiSchema({ description: 'A plan the resident submitted: status, versions, moderation, verdicts and support' })
export class MyPlanView {
  @ApiProperty({ example: '6f1d3c1e-2b8a-4c55-9a1d-0e7d8c2b4a11' })
  proposalId!: string;
  @ApiProperty({ example: 'r-2026' })
  roundId!: string;
  @ApiProperty({ example: 'WK036301' })
  areaId!: string;
  @ApiProperty({ example: 'spelen' })
  themeId!: string;
  @ApiProperty({
    example: 'awaiting_moderation',
    enum: ['awaiting_moderation', 'moderation_refused', 'submitted', 'revision_requested', 'withdrawn', 'merged', 'admitted', 'refused', 'selected', 'not_selected', 'granted', 'grant_refused', 'implementing', 'realised', 'partly_realised', 'cancelled'],
  })
  status!: string;
  @ApiProperty({ example: 'Speeltuin Oosterpark', description: 'Of the current version' })
  title!: string;
  @ApiProperty({ type: CostEstimateDto, description: 'Of the current version' })
  costEstimate!: CostEstimateDto;
  @ApiProperty({ type: [MyPlanVersionView], description: 'Every version, the original first; the last is current' })
  versions!: MyPlanVersionView[];
  @ApiProperty({ type: MyPlanModerationView, nullable: true, description: 'null while the plan awaits moderation' })
  moderation!: MyPlanModerationView | null;
  @ApiProperty({ type: [MyPlanVerdictView], description: 'The verdict that counts per criterion for the current version' })
  verdicts!: MyPlanVerdictView[];
  @ApiProperty({ example: 3 })
  supportCount!: number;
  @ApiProperty({ example: false })
  supportThresholdReached!: boolean;
  @ApiProperty({ example: '2026-03-02T09:00:00.000Z' })
  submittedAt!: string;
  @ApiProperty({ type: MyPlanObjectionView, nullable: true, description: 'null: no objection lodged' })
  objection!: MyPlanObjectionView | null;
}

@ApiSchema({ description: 'The plans the signed-in resident submitted in a round' })
export class MyPlanListView {
  @ApiProperty({ type: [MyPlanView] })
  plans!: MyPlanView[];
  @ApiProperty({ example: false, description: 'True when the round has more plans than one list reads (500), so some of yours may be missing' })
  truncated!: boolean;
}

export function myPlanView(plan: ExistingProposal): MyPlanView {
  const current = currentVersion(plan);
  return {
    proposalId: plan.proposalId,
    roundId: plan.roundId,
    areaId: plan.areaId,
    themeId: plan.themeId,
    status: plan.status,
    title: current.title,
    costEstimate: current.costEstimate,
    versions: plan.versions,
    moderation: plan.moderation,
    verdicts: [...currentVerdicts(plan).values()].map(({ criterionId, outcome, reason }) => ({ criterionId, outcome, reason })),
    supportCount: plan.supporters.length,
    supportThresholdReached: plan.supportThresholdReached,
    submittedAt: plan.submittedAt,
    objection:
      plan.objection === null
        ? null
        : {
            receivedOn: plan.objection.receivedOn,
            inTime: plan.objection.inTime,
            decisionDueBy: plan.objection.decisionDueBy,
            hearingAt: plan.objection.hearing.status === 'scheduled' ? plan.objection.hearing.hearingAt : null,
            outcome: plan.objection.decision?.outcome ?? null,
          },
  };
}

@ApiTags('residents')
@ApiBearerAuth()
@Controller('rounds')
export class ListMyProposalsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':roundId/my-plans')
  @Allow(...PLAN_RESIDENTS)
  @ApiOperation({ summary: 'Your own plans in this round, awaiting moderation or refused ones included (PROPOSAL.WRONG_ROUND: 403 for a voter token of another round)' })
  @ApiOkResponse({ type: MyPlanListView })
  @ApiProblems({ 400: [], 403: ['PROPOSAL.WRONG_ROUND'], 404: ['ROUND.NOT_FOUND'] })
  async list(@Param('roundId', StreamIdPipe) roundId: string, @CurrentPrincipal() principal: Principal): Promise<MyPlanListView> {
    assertActsInRound(principal, roundId);
    const { plans, truncated } = await this.queries.execute(new ListMyProposals(roundId, principal.tenant, principal.subject));
    return { plans: plans.map(myPlanView), truncated };
  }

  @Get(':roundId/my-plans/:proposalId')
  @Allow(...PLAN_RESIDENTS)
  @ApiOperation({ summary: 'One of your own plans (anyone else\'s reads as absent: PROPOSAL.NOT_FOUND)' })
  @ApiOkResponse({ type: MyPlanView })
  @ApiProblems({ 400: [], 403: ['PROPOSAL.WRONG_ROUND'], 404: ['PROPOSAL.NOT_FOUND', 'ROUND.NOT_FOUND'] })
  async get(@Param('roundId', StreamIdPipe) roundId: string, @Param('proposalId', StreamIdPipe) proposalId: string, @CurrentPrincipal() principal: Principal): Promise<MyPlanView> {
    assertActsInRound(principal, roundId);
    return myPlanView(await this.queries.execute(new GetMyProposal(roundId, proposalId, principal.tenant, principal.subject)));
  }
}
