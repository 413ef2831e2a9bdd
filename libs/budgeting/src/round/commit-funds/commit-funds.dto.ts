import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

@ApiSchema({ description: 'Commit money of the round to a plan, within the round\'s and the area\'s ceiling' })
export class CommitFundsDto {
  @ApiProperty({ example: 'p-7' })
  @Matches(ID, { message: 'proposalId is not a valid id' })
  proposalId!: string;

  @ApiProperty({ example: 250_000 })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents!: number;

  @ApiPropertyOptional({ example: 'WK036301', description: 'Required when the round spends per area' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  areaCode?: string;
}
