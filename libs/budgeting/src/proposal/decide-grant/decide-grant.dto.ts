import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsInt, Matches, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';

@ApiSchema({ description: 'How to object to the beschikking: bezwaar or beroep, where, and within how many weeks' })
export class AppealRouteDto {
  @ApiProperty({ example: 'bezwaar', enum: ['bezwaar'] })
  @Equals('bezwaar')
  route!: 'bezwaar';

  @ApiProperty({ example: 6, description: 'Awb 6:7: six weeks' })
  @IsInt()
  @Min(6)
  @Max(52)
  periodWeeks!: number;

  @ApiProperty({ example: 'college van burgemeester en wethouders' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  addressedTo!: string;

  @ApiProperty({ required: false, example: false, description: 'An advisory committee (Awb 7:13) hears objections: the decision on one is due in twelve weeks instead of six' })
  @IsOptional()
  @IsBoolean()
  advisoryCommittee?: boolean;
}

@ApiSchema({ description: 'The beschikking: grant (with the amount) or refuse, its registration number and date, the appeal route and the reason' })
export class DecideGrantDto {
  @ApiProperty({ example: true, description: 'false: a refusal (also a beschikking, also open to bezwaar)' })
  @IsBoolean()
  granted!: boolean;

  @ApiProperty({ required: false, example: 2_000_000, description: 'Euro cents; required when granting; committed against the round\'s ceiling' })
  @ValidateIf((dto: DecideGrantDto) => dto.granted === true || dto.amountCents !== undefined)
  @IsInt()
  @Min(1)
  amountCents?: number;

  @ApiProperty({ example: 'Z/26/000123', description: 'The beschikking\'s registration number' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  decisionReference!: string;

  @ApiProperty({ example: '2026-06-01', format: 'date', description: 'Date on the beschikking (YYYY-MM-DD); one on no calendar (2026-02-30) is 400 PROPOSAL.DECISION_DATE_DOES_NOT_EXIST' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionDate must be YYYY-MM-DD' })
  decisionDate!: string;

  @ApiProperty({ type: AppealRouteDto, required: false, description: 'Default: bezwaar within 6 weeks to the college' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppealRouteDto)
  appeal?: AppealRouteDto;

  @ApiProperty({ example: 'Gekozen in de stemming; voldoet aan de subsidieregeling' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
