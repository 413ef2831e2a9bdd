import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, CurrentPrincipal, etagOf, type Principal, StreamIdPipe } from '@lib/platform';
import type { Response } from 'express';
import type { ContactDetails } from '../contact-details/contact-details.vault.js';
import type { Intake, ProposalVersion } from '../proposal.events.js';
import { PLAN_READERS } from '../proposal.roles.js';
import { currentVerdicts, type ExistingProposal, type Grant, type Moderation, type Objection, PROPOSAL_STATUSES, type ProposalStatus, type Verdict } from '../proposal.state.js';
import { GetProposal } from './get-proposal.query.js';

@ApiSchema({ description: 'A plan folded from its stream: status, every version, verdicts, support, decisions and implementation (no contact details)' })
export class ProposalView {
  @ApiProperty({ example: '6f1d3c1e-2b8a-4c55-9a1d-0e7d8c2b4a11' })
  proposalId!: string;
  @ApiProperty({ example: 'r-2026' })
  roundId!: string;
  @ApiProperty({ example: 'b-1' })
  budgetId!: string;
  @ApiProperty({ example: 'burgerbegroting' })
  form!: string;
  @ApiProperty({ example: 'BU03630000' })
  areaId!: string;
  @ApiProperty({ example: 'spelen' })
  themeId!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES, example: 'submitted' })
  status!: ProposalStatus;
  @ApiProperty({ example: 'sub-1c9e…', description: 'The submitter\'s pseudonym' })
  submitterRef!: string;
  @ApiProperty({ type: Object, isArray: true, description: 'Every version, the original first; the last is current', example: [{ number: 1, title: 'Speeltuin Oosterpark', summary: '…', costEstimate: { investmentCents: 2_500_000, maintenancePerYearCents: 100_000, maintenanceYears: 5 }, at: '2026-03-02T09:00:00.000Z' }] })
  versions!: ProposalVersion[];
  @ApiProperty({ example: ['c-cost', 'c-feasible'] })
  publishedCriteria!: string[];
  @ApiProperty({ description: 'Every verdict given, in order', example: [] })
  verdicts!: Verdict[];
  @ApiProperty({ description: 'The verdict that counts per criterion for the current version', example: { 'c-cost': 'met' } })
  currentVerdicts!: Record<string, string>;
  @ApiProperty({ example: { kind: 'round' } })
  intake!: Intake;
  @ApiProperty({ example: false })
  deadlineExtended!: boolean;
  @ApiProperty({ example: 12 })
  supportCount!: number;
  @ApiProperty({ example: true })
  supportThresholdReached!: boolean;
  @ApiProperty({ example: ['staff-42'], description: 'Reviewers who declared a conflict of interest' })
  conflictedReviewers!: string[];
  @ApiProperty({ example: [] })
  absorbed!: string[];
  @ApiProperty({ example: null, nullable: true, type: String })
  mergedInto!: string | null;
  @ApiProperty({ nullable: true, example: null })
  grant!: Omit<Grant, 'commitment'> | null;
  @ApiProperty({ example: 0 })
  paidCents!: number;
  @ApiProperty({ example: 0 })
  returnedCents!: number;
  @ApiProperty({ example: 0, description: 'Given back to the round\'s ceiling' })
  releasedCents!: number;
  @ApiProperty({ nullable: true, type: Object, description: "A resident's own plan: how moderation decided (null: entered by staff, or awaiting moderation)", example: { admitted: true, reason: null, at: '2026-03-03T09:00:00.000Z' } })
  moderation!: Moderation | null;
  @ApiProperty({
    nullable: true,
    type: Object,
    description: 'The objection (bezwaar) against the beschikking: its terms, hearing, decisions and beroep (null: none). The grounds are not here: they are personal data, kept encrypted; the digest shows they were not changed',
    example: null,
  })
  objection!: Objection | null;
  @ApiProperty({ required: false, description: 'Administrators only; absent when erased or never given', example: { name: 'Fatima de Vries', email: 'fatima@example.nl' } })
  contactDetails?: ContactDetails | null;
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('proposals')
export class GetProposalController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':proposalId')
  @Allow(...PLAN_READERS)
  @ApiOperation({ summary: 'A plan folded from its stream, every version included; ETag is the stream revision' })
  @ApiOkResponse({ type: ProposalView })
  @ApiProblems({ 400: [], 404: ['PROPOSAL.NOT_FOUND'] })
  async get(@Param('proposalId', StreamIdPipe) proposalId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<ProposalView> {
    const { state, revision, contactDetails } = await this.queries.execute(new GetProposal(proposalId, principal.tenant, principal.roles.includes('administrator')));
    response.setHeader('ETag', etagOf(revision));
    const view = proposalView(state);
    if (contactDetails !== undefined) view.contactDetails = contactDetails;
    return view;
  }
}

export function proposalView(state: ExistingProposal): ProposalView {
  return {
    proposalId: state.proposalId,
    roundId: state.roundId,
    budgetId: state.budgetId,
    form: state.form,
    areaId: state.areaId,
    themeId: state.themeId,
    status: state.status,
    submitterRef: state.submitterRef,
    versions: state.versions,
    publishedCriteria: state.publishedCriteria,
    verdicts: state.verdicts,
    currentVerdicts: Object.fromEntries([...currentVerdicts(state)].map(([criterion, verdict]) => [criterion, verdict.outcome])),
    intake: state.intake,
    deadlineExtended: state.deadlineExtended,
    supportCount: state.supporters.length,
    supportThresholdReached: state.supportThresholdReached,
    conflictedReviewers: state.conflictedReviewers,
    absorbed: state.absorbed,
    mergedInto: state.mergedInto,
    grant: state.grant === null ? null : { amountCents: state.grant.amountCents, decisionReference: state.grant.decisionReference, decisionDate: state.grant.decisionDate, appeal: state.grant.appeal },
    paidCents: state.paidCents,
    returnedCents: state.returnedCents,
    releasedCents: state.releasedCents,
    moderation: state.moderation,
    objection: state.objection,
  };
}
