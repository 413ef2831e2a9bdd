import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

@ApiSchema({ description: 'Open a batch of paper ballots from a polling station' })
export class OpenPaperBatchDto {
  @ApiProperty({ example: 'Stadhuis' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/)
  pollingStation!: string;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  batchNumber!: number;

  @ApiProperty({ example: 50, description: 'The count written on the batch slip' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  slipCount!: number;
}
