import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';


@ApiSchema({ description: 'The date the implementation of a granted plan started' })
export class StartImplementationDto {
  @ApiProperty({ example: '2026-07-01', description: 'Date the work started (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  startedOn!: string;
}
