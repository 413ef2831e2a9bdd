import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

@ApiSchema({ description: 'Withdraw the plan, with the reason' })
export class WithdrawProposalDto {
  @ApiProperty({ example: 'De initiatiefnemer ziet af van het plan' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
