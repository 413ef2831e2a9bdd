import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

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
