import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Length,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AREA_KINDS,
  BALLOT_TYPES,
  BUDGET_FORMS,
  CREDENTIALS,
  CRITERION_KINDS,
  PARTICIPANT_KINDS,
  REGIMES,
  SELECTION_MODES,
  TALLY_RULES,
  TIE_BREAKS,
  type AreaKind,
  type BallotType,
  type CriterionKind,
  type Credential,
  type FrameForm,
  type ParticipantKind,
  type RegimeKind,
  type SelectionMode,
  type TallyRule,
  type TieBreakKey,
} from './budget.events.js';

const MAX_CENTS = Number.MAX_SAFE_INTEGER;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ApiSchema({ description: 'A council or college decision by its body, registration number and date' })
export class DecisionReferenceDto {
  @ApiProperty({ enum: ['council', 'college'], example: 'council' })
  @IsIn(['council', 'college'])
  body!: 'council' | 'college';

  @ApiProperty({ example: 'RB-2025-118', description: 'Registration number of the raads- or collegebesluit' })
  @IsString()
  @MaxLength(100)
  number!: string;

  @ApiProperty({ example: '2025-12-11' })
  @IsString()
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;
}

@ApiSchema({ description: 'An area of the frame: its CBS or own code, name and kind; inhabitants or a share feed the allocation' })
export class FrameAreaDto {
  @ApiProperty({ example: 'WK036301', description: 'CBS wijk/buurt code or the municipality\'s own code' })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'code is 1–32 letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: 'Indische Buurt' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: AREA_KINDS, example: 'wijk' })
  @IsIn(AREA_KINDS)
  kind!: AreaKind;

  @ApiPropertyOptional({ example: 24_000, description: 'Needed by a formula allocation' })
  @IsOptional()
  @IsInt()
  @Min(0)
  inhabitants?: number;

  @ApiPropertyOptional({ example: 6000, description: 'Integer weight, needed by a share allocation' })
  @IsOptional()
  @IsInt()
  @Min(0)
  share?: number;
}

@ApiSchema({ description: 'How the amount is divided over the areas: one pot, fixed shares, or base plus an amount per inhabitant' })
export class AllocationDto {
  @ApiProperty({ enum: ['none', 'shares', 'formula'], example: 'formula' })
  @IsIn(['none', 'shares', 'formula'])
  kind!: 'none' | 'shares' | 'formula';

  @ApiPropertyOptional({ example: 500_000, description: 'formula: base amount per area, cents' })
  @ValidateIf((o: AllocationDto) => o.kind === 'formula')
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  baseCents?: number;

  @ApiPropertyOptional({ example: 500, description: 'formula: cents per inhabitant' })
  @ValidateIf((o: AllocationDto) => o.kind === 'formula')
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  perInhabitantCents?: number;

  @ApiPropertyOptional({ example: 750_000, description: 'formula: an area never gets less, cents' })
  @ValidateIf((o: AllocationDto) => o.kind === 'formula')
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  minimumCents?: number;
}

@ApiSchema({ description: 'A criterion plans are judged by, published before submission opens; its id is stable across frame versions' })
export class PlanCriterionDto {
  @ApiProperty({ example: 'max-amount', description: 'Stable id: reviewers cite it in their verdicts' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'id is lowercase letters, digits and dashes, at most 64' })
  id!: string;

  @ApiProperty({ example: 'A plan costs at most €50.000, maintenance for five years included' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text!: string;

  @ApiProperty({ enum: CRITERION_KINDS, example: 'maximum-amount' })
  @IsIn(CRITERION_KINDS)
  kind!: CriterionKind;

  @ApiPropertyOptional({ example: 5_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  amountCents?: number;

  @ApiPropertyOptional({ example: ['groen', 'spelen', 'ontmoeten'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  themes?: string[];

  @ApiPropertyOptional({ example: 25, description: 'support-threshold: supporters a plan needs' })
  @IsOptional()
  @IsInt()
  @Min(1)
  supporters?: number;
}

@ApiSchema({ description: 'Who may submit, support and vote: areas, minimum age, kinds of participants, excluded roles, the credential' })
export class ParticipationDto {
  @ApiProperty({ example: ['WK036301', 'WK036302'] })
  @IsArray()
  @IsString({ each: true })
  areaCodes!: string[];

  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(0)
  @Max(120)
  minimumAge!: number;

  @ApiProperty({ enum: PARTICIPANT_KINDS, isArray: true, example: ['residents'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(PARTICIPANT_KINDS, { each: true })
  participants!: ParticipantKind[];

  @ApiProperty({ example: ['council-member', 'programme-staff'], description: 'Functions that may not take part (never persons)' })
  @IsArray()
  @IsString({ each: true })
  excludedRoles!: string[];

  @ApiProperty({ enum: CREDENTIALS, example: 'postal-voting-code' })
  @IsIn(CREDENTIALS)
  credential!: Credential;
}

@ApiSchema({ description: 'A theme quota of the ballot: at least or at most this many of a voter\'s plans of one theme' })
export class ThemeQuotaDto {
  @ApiProperty({ example: 'groen', description: 'The theme id plans carry' })
  @IsString()
  @Length(1, 80)
  theme!: string;

  @ApiPropertyOptional({ example: 1, description: 'At least this many of the plans on a ballot are of this theme' })
  @IsOptional()
  @IsInt()
  @Min(0)
  minPlans?: number;

  @ApiPropertyOptional({ example: 2, description: 'At most this many of the plans on a ballot are of this theme' })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxPlans?: number;
}

@ApiSchema({ description: 'The ballot: its type and the limits on a voter\'s choices (number of plans, cost cap, points, ranking length)' })
export class BallotRulesDto {
  @ApiProperty({ enum: BALLOT_TYPES, example: 'approval' })
  @IsIn(BALLOT_TYPES)
  type!: BallotType;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  minPlans?: number;

  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxPlans?: number;

  @ApiPropertyOptional({ example: 30_000_000, description: 'approval: the chosen plans together cost at most this' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  costCapCents?: number;

  @ApiPropertyOptional({ example: 10_000_000, description: 'approval: the chosen plans together cost at least this' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  minSpendCents?: number;

  @ApiPropertyOptional({ type: [ThemeQuotaDto], description: 'Per theme, how many of the plans on a ballot must or may be of it' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ThemeQuotaDto)
  themeQuotas?: ThemeQuotaDto[];

  @ApiPropertyOptional({ example: 10, description: 'cumulative: points per voter; scoring: highest score' })
  @IsOptional()
  @IsInt()
  @Min(1)
  points?: number;

  @ApiPropertyOptional({ example: 3, description: 'ordinal: plans a voter ranks' })
  @IsOptional()
  @IsInt()
  @Min(1)
  rankingLength?: number;

  @ApiPropertyOptional({
    example: 7,
    minimum: 0,
    maximum: 90,
    description: 'Days after the close of voting in which paper ballots may still be entered; the round key (the link from codes to ballots) is destroyed when they end. 0 or absent: at the close',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(90)
  correctionWindowDays?: number;
}

@ApiSchema({ description: 'How the votes are counted: the rule, the tie-break keys in order, the published seed, the rule\'s own terms' })
export class TallyRulesDto {
  @ApiProperty({ enum: TALLY_RULES, example: 'greedy' })
  @IsIn(TALLY_RULES)
  rule!: TallyRule;

  @ApiProperty({ enum: TIE_BREAKS, isArray: true, example: ['most-votes', 'lowest-cost', 'lot'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(TIE_BREAKS, { each: true })
  tieBreak!: TieBreakKey[];

  @ApiPropertyOptional({ example: 'oost-2026-7f3a', description: 'Published seed of the lot' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  seed?: string;

  @ApiPropertyOptional({ example: 50, description: 'greedy-threshold: minimum votes' })
  @IsOptional()
  @IsInt()
  @Min(1)
  thresholdVotes?: number;

  @ApiPropertyOptional({ example: 80, minimum: 1, maximum: 100, description: 'greedy-reserve (required): the plan the count stops at is funded from the reserve when what is left covers at least this share of its cost, in percent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  reservePercent?: number;

  @ApiPropertyOptional({ example: 5_000_000, description: 'greedy-reserve: the money in the reserve, in cents, beside the budget; unlimited when absent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  reserveCents?: number;
}

@ApiSchema({ description: 'Who decides after the vote: binding (the outcome is the distribution), advisory (college or council), delegated (a residents\' body)' })
export class LegalRegimeDto {
  @ApiProperty({ enum: REGIMES, example: 'advisory' })
  @IsIn(REGIMES)
  kind!: RegimeKind;

  @ApiPropertyOptional({ enum: ['college', 'council'], example: 'college', description: 'advisory: who adopts the result' })
  @IsOptional()
  @IsIn(['college', 'council'])
  adoptedBy?: 'college' | 'council';

  @ApiPropertyOptional({ example: 'Dorpsraad Aldeboarn', description: 'delegated: the residents\' body (an organisation, not a person)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  residentsBody?: string;
}

@ApiSchema({ description: 'Initiatievenfonds intake: the Awb decision term, its one extension, and the threshold above which fixed intake dates apply' })
export class IntakeRulesDto {
  @ApiProperty({ example: 8, description: 'Awb decision term per application' })
  @IsInt()
  @Min(1)
  @Max(52)
  decisionTermWeeks!: number;

  @ApiProperty({ example: 8, description: 'The one extension of the term' })
  @IsInt()
  @Min(0)
  @Max(52)
  extensionWeeks!: number;

  @ApiProperty({ example: 500_000, description: 'Applications above this amount wait for a fixed intake date' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  fixedIntakeAboveCents!: number;
}

@ApiSchema({ description: 'Wijk- and dorpsbudget: how many years unspent money stays with its area' })
export class CarryOverRulesDto {
  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(0)
  @Max(10)
  maxYears!: number;
}

/** Required unless the subclass says a partial frame is fine (a template or the version in force fills the rest). */
const required = (object: FrameFieldsDto, value: unknown) => value !== undefined || (typeof object?.completeFrameRequired === 'function' && object.completeFrameRequired());

/** The frame's fields. Establishing without a template needs them all; an amendment sends only what changes. */
export class FrameFieldsDto {
  /** Whether every required frame field must be present in this body. */
  completeFrameRequired(): boolean {
    return false;
  }

  @ApiPropertyOptional({ enum: BUDGET_FORMS, example: 'burgerbegroting' })
  @ValidateIf(required)
  @IsIn(BUDGET_FORMS)
  form?: FrameForm;

  @ApiPropertyOptional({ example: 'Buurtbudget Oost 2026' })
  @ValidateIf(required)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ enum: ['budget', 'subsidy-ceiling'], example: 'budget' })
  @ValidateIf(required)
  @IsIn(['budget', 'subsidy-ceiling'])
  amountKind?: 'budget' | 'subsidy-ceiling';

  @ApiPropertyOptional({ example: 30_000_000, description: 'Integer euro cents' })
  @ValidateIf(required)
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents?: number;

  @ApiPropertyOptional({ type: [FrameAreaDto] })
  @ValidateIf(required)
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FrameAreaDto)
  areas?: FrameAreaDto[];

  @ApiPropertyOptional({ type: AllocationDto })
  @ValidateIf(required)
  @IsDefined()
  @ValidateNested()
  @Type(() => AllocationDto)
  allocation?: AllocationDto;

  @ApiPropertyOptional({ type: [PlanCriterionDto] })
  @ValidateIf(required)
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlanCriterionDto)
  criteria?: PlanCriterionDto[];

  @ApiPropertyOptional({ type: ParticipationDto })
  @ValidateIf(required)
  @IsDefined()
  @ValidateNested()
  @Type(() => ParticipationDto)
  participation?: ParticipationDto;

  @ApiPropertyOptional({ type: BallotRulesDto, description: 'Required for a burgerbegroting' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BallotRulesDto)
  ballot?: BallotRulesDto;

  @ApiPropertyOptional({ type: TallyRulesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TallyRulesDto)
  tally?: TallyRulesDto;

  @ApiPropertyOptional({ example: false })
  @ValidateIf(required)
  @IsBoolean()
  interimResultsPublic?: boolean;

  @ApiPropertyOptional({ type: LegalRegimeDto, description: 'Required except for an initiatievenfonds' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LegalRegimeDto)
  regime?: LegalRegimeDto;

  @ApiPropertyOptional({ type: IntakeRulesDto, description: 'initiatievenfonds only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => IntakeRulesDto)
  intake?: IntakeRulesDto;

  @ApiPropertyOptional({ type: CarryOverRulesDto, description: 'wijk- and dorpsbudget only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CarryOverRulesDto)
  carryOver?: CarryOverRulesDto;

  @ApiPropertyOptional({
    enum: SELECTION_MODES,
    example: 'on-adoption',
    description: "`on-adoption` (default): adopting the result marks every plan on it selected or not; `manual`: staff record each plan's selection (POST /proposals/{id}/selection)",
  })
  @IsOptional()
  @IsIn(SELECTION_MODES)
  selection?: SelectionMode;
}

/** A frame as the api answers it (a template's, or the version in force): every field a frame always has, and the optional ones when set. */
@ApiSchema({ description: 'A complete budget frame: the fields every frame has, and ballot, tally, regime, intake, carry-over and selection where the form uses them' })
export class BudgetFrameView {
  @ApiProperty({ enum: BUDGET_FORMS, example: 'burgerbegroting' })
  form!: FrameForm;
  @ApiProperty({ example: 'Buurtbudget Oost 2026' })
  title!: string;
  @ApiProperty({ enum: ['budget', 'subsidy-ceiling'], example: 'budget' })
  amountKind!: 'budget' | 'subsidy-ceiling';
  @ApiProperty({ example: 30_000_000, description: 'Integer euro cents' })
  amountCents!: number;
  @ApiProperty({ type: [FrameAreaDto] })
  areas!: FrameAreaDto[];
  @ApiProperty({ type: AllocationDto })
  allocation!: AllocationDto;
  @ApiProperty({ type: [PlanCriterionDto] })
  criteria!: PlanCriterionDto[];
  @ApiProperty({ type: ParticipationDto })
  participation!: ParticipationDto;
  @ApiPropertyOptional({ type: BallotRulesDto, description: 'A burgerbegroting\'s, and a wijk- or dorpsbudget\'s decided by vote' })
  ballot?: BallotRulesDto;
  @ApiPropertyOptional({ type: TallyRulesDto })
  tally?: TallyRulesDto;
  @ApiProperty({ example: false })
  interimResultsPublic!: boolean;
  @ApiPropertyOptional({ type: LegalRegimeDto, description: 'Every form but an initiatievenfonds' })
  regime?: LegalRegimeDto;
  @ApiPropertyOptional({ type: IntakeRulesDto, description: 'initiatievenfonds only' })
  intake?: IntakeRulesDto;
  @ApiPropertyOptional({ type: CarryOverRulesDto, description: 'wijk- and dorpsbudget only' })
  carryOver?: CarryOverRulesDto;
  @ApiPropertyOptional({ enum: SELECTION_MODES, example: 'on-adoption', description: 'Absent: on-adoption' })
  selection?: SelectionMode;
}

/** The frame fields a body carries, as plain data without the request-only fields. */
export function frameFieldsOf(dto: FrameFieldsDto): Record<string, unknown> {
  const { form, title, amountKind, amountCents, areas, allocation, criteria, participation, ballot, tally, interimResultsPublic, regime, intake, carryOver, selection } = dto;
  return JSON.parse(JSON.stringify({ form, title, amountKind, amountCents, areas, allocation, criteria, participation, ballot, tally, interimResultsPublic, regime, intake, carryOver, selection })) as Record<string, unknown>;
}
