import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsString, MaxLength, Min, MinLength } from 'class-validator';

export class StartImplementationDto {
  @ApiProperty({ example: '2026-07-01', description: 'Date the work started (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  startedOn!: string;
}

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

export class CloseImplementationDto {
  @ApiProperty({ enum: ['realised', 'partly_realised', 'cancelled'], example: 'realised' })
  @IsIn(['realised', 'partly_realised', 'cancelled'])
  outcome!: 'realised' | 'partly_realised' | 'cancelled';

  @ApiProperty({ example: 'Speeltoestellen geplaatst en opgeleverd op 2026-09-15' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

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
