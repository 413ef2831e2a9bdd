import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ApiSchema({ description: 'Beroep lodged at the court against the decision on the objection' })
export class RecordBeroepDto {
  @ApiProperty({ example: 'Rechtbank Amsterdam' })
  @IsString()
  @MaxLength(200)
  court!: string;

  @ApiProperty({ example: 'AMS 26/1234', description: "The court's case number" })
  @IsString()
  @MaxLength(100)
  caseReference!: string;

  @ApiProperty({ example: '2026-08-20', description: 'Date the beroep was lodged (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  lodgedOn!: string;
}

@ApiSchema({ description: "The court's ruling on the beroep" })
export class RecordCourtRulingDto {
  @ApiProperty({ enum: ['gegrond', 'ongegrond'], example: 'ongegrond', description: 'gegrond: the decision on the objection is quashed and a new one is due; ongegrond: it is final' })
  @IsIn(['gegrond', 'ongegrond'])
  outcome!: 'gegrond' | 'ongegrond';

  @ApiProperty({ example: '2027-01-15', description: 'Date of the ruling (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  rulingDate!: string;

  @ApiProperty({ required: false, example: 6, description: 'Gegrond: the weeks the court gave for the new decision (default 6)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(52)
  redecideWithinWeeks?: number;

  @ApiProperty({ example: 'Het besluit is onvoldoende gemotiveerd' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
