import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

@ApiSchema({ description: 'Release money a plan had committed back to the round' })
export class ReleaseFundsDto {
  @ApiProperty({ example: 'p-7' })
  @Matches(ID, { message: 'proposalId is not a valid id' })
  proposalId!: string;

  @ApiProperty({ example: 50_000 })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents!: number;

  @ApiPropertyOptional({ example: 'Realised for less than granted', description: 'Required (ROUND.REASON_REQUIRED)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
