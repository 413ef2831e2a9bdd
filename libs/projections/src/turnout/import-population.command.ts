import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReadModelsService } from '../http/read-models.service.js';
import { importPopulation, type PopulationFigure } from './population-import.js';

/** Replaces a municipality's population reference (reference data, not an event: CBS publishes it). Resolves to the rows written. */
export class ImportPopulation extends Command<number> {
  constructor(
    readonly tenant: string,
    readonly figures: PopulationFigure[],
    readonly source: string,
    readonly at: Date,
  ) {
    super();
  }
}

@CommandHandler(ImportPopulation)
export class ImportPopulationHandler implements ICommandHandler<ImportPopulation, number> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, figures, source, at }: ImportPopulation): Promise<number> {
    return importPopulation(await this.readModels.db(), tenant, figures, source, at);
  }
}
