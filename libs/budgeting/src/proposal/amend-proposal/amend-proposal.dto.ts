import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmptyObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CostEstimateDto } from '../proposal-cost.dto.js';

@ApiSchema({ description: 'A new version of the plan, with the reason' })
export class AmendProposalDto {
  @ApiProperty({ example: 'Speeltuin Oosterpark (herzien)' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'Kleinere opzet: twee toestellen en een bankje' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  summary!: string;

  @ApiProperty({ type: CostEstimateDto })
  @ValidateNested()
  @IsNotEmptyObject()
  @Type(() => CostEstimateDto)
  costEstimate!: CostEstimateDto;

  @ApiProperty({ example: 'Aangepast na het verzoek van de reviewer om de onderhoudskosten te verlagen' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
