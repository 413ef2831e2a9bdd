import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';

export class RecordSelectionDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  selected!: boolean;

  @ApiProperty({ example: 'Uitslag vastgesteld door het college op 2026-05-20' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
