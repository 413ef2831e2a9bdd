import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class WithdrawProposalDto {
  @ApiProperty({ example: 'De initiatiefnemer ziet af van het plan' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
