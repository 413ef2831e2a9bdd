import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class MergeProposalsDto {
  @ApiProperty({ example: '0b8e5a3c-9d1f-4e2a-8c7b-6a5d4c3b2a19', description: 'The plan that stops and continues as part of this one' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  mergedProposalId!: string;

  @ApiProperty({ example: 'Beide plannen vragen een speeltuin in het Oosterpark; de initiatiefnemers werken samen verder' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
