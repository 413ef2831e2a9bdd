import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { HEARING_SKIP_GROUNDS, type HearingSkipGround } from '../../proposal.events.js';

@ApiSchema({ description: 'When and where the objector is heard (Awb 7:2)' })
export class ScheduleHearingDto {
  @ApiProperty({ example: '2026-07-01T12:00:00.000Z', description: 'A moment still to come (ISO 8601)' })
  @IsISO8601({ strict: true })
  hearingAt!: string;

  @ApiProperty({ example: 'Stadhuis, kamer 2.14' })
  @IsString()
  @MaxLength(500)
  location!: string;
}

@ApiSchema({ description: 'The hearing took place; the report by its reference' })
export class RecordHearingDto {
  @ApiProperty({ required: false, example: 'HV 2026/014', description: 'Reference of the report (verslag, Awb 7:7)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reportReference?: string;
}

@ApiSchema({ description: 'The hearing is left out on a ground of Awb 7:3' })
export class SkipHearingDto {
  @ApiProperty({ enum: HEARING_SKIP_GROUNDS, example: 'afgezien', description: 'kennelijk-niet-ontvankelijk, kennelijk-ongegrond, afgezien (the objector waived it), volledig-tegemoetgekomen (fully met, nobody else harmed)' })
  @IsIn(HEARING_SKIP_GROUNDS)
  ground!: HearingSkipGround;

  @ApiProperty({ example: 'De indiener heeft laten weten niet gehoord te willen worden' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
