import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ProjectionStatus } from '../projector/projector.js';
import { ReadModelsService } from './read-models.service.js';

/** Every projection's version, state, checkpoint, lag and failure (from the checkpoint table). */
export class GetProjectionStatuses extends Query<ProjectionStatus[]> {}

@QueryHandler(GetProjectionStatuses)
export class GetProjectionStatusesHandler implements IQueryHandler<GetProjectionStatuses, ProjectionStatus[]> {
  constructor(private readonly readModels: ReadModelsService) {}

  execute(): Promise<ProjectionStatus[]> {
    return this.readModels.statuses();
  }
}
