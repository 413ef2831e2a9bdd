import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { OBJECTION_OUTCOMES, type ObjectionOutcome } from '../../proposal.events.js';

@ApiSchema({ description: 'The decision on the objection (beslissing op bezwaar, Awb 7:11, 7:12): outcome, registration number, date, reasons and, when gegrond, the revised grant' })
export class DecideObjectionDto {
  @ApiProperty({ enum: OBJECTION_OUTCOMES, example: 'gegrond' })
  @IsIn(OBJECTION_OUTCOMES)
  outcome!: ObjectionOutcome;

  @ApiProperty({ example: 'BOB/26/001', description: "The decision's registration number" })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  decisionReference!: string;

  @ApiProperty({ example: '2026-07-15', description: 'Date on the decision (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  decisionDate!: string;

  @ApiProperty({ required: false, example: 2_000_000, description: 'Gegrond only (and then required): the grant in euro cents taken in place of the contested decision; above what it gave, within what the plan asks' })
  @IsOptional()
  @IsInt()
  @Min(1)
  revisedAmountCents?: number;

  @ApiProperty({ required: false, example: 'Rechtbank Amsterdam', description: 'The court beroep goes to (default: de rechtbank)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  court?: string;

  @ApiProperty({ example: 'De activiteit valt binnen de regeling; de weigering wordt herroepen' })
  @IsString()
  @MaxLength(4000)
  reason!: string;
}
