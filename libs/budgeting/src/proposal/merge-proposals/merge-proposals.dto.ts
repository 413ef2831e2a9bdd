import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

@ApiSchema({ description: 'Merge another plan into this one, with the reason' })
export class MergeProposalsDto {
  @ApiProperty({ example: '0b8e5a3c-9d1f-4e2a-8c7b-6a5d4c3b2a19', description: 'The plan that stops and continues as part of this one' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'mergedProposalId must be a plain id' })
  mergedProposalId!: string;

  @ApiProperty({ example: 'Beide plannen vragen een speeltuin in het Oosterpark; de initiatiefnemers werken samen verder' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
