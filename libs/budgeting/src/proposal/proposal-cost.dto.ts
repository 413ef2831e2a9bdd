import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

@ApiSchema({ description: 'What a plan costs: the investment and the maintenance per year for a number of years' })
export class CostEstimateDto {
  @ApiProperty({ example: 2_500_000, description: 'One-off costs in euro cents' })
  @IsInt()
  @Min(0)
  investmentCents!: number;

  @ApiProperty({ example: 100_000, description: 'Yearly maintenance in euro cents' })
  @IsInt()
  @Min(0)
  maintenancePerYearCents!: number;

  @ApiProperty({ example: 5, description: 'Years of maintenance counted in the estimate' })
  @IsInt()
  @Min(0)
  @Max(50)
  maintenanceYears!: number;
}
