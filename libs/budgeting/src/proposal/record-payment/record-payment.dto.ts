import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';


@ApiSchema({ description: 'A payment made for the plan, by reference and amount' })
export class RecordPaymentDto {
  @ApiProperty({ example: 'BET-2026-0042', description: 'The financial system\'s payment reference' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  paymentReference!: string;

  @ApiProperty({ example: 1_000_000, description: 'Euro cents; the total paid never exceeds the grant' })
  @IsInt()
  @Min(1)
  amountCents!: number;
}
