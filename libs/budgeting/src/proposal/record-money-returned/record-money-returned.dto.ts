import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';


@ApiSchema({ description: 'Money the plan\'s carriers paid back, by reference and amount' })
export class RecordMoneyReturnedDto {
  @ApiProperty({ example: 'TERUG-2026-0007' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference!: string;

  @ApiProperty({ example: 150_000, description: 'Euro cents paid back' })
  @IsInt()
  @Min(1)
  amountCents!: number;
}
