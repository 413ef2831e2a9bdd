import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadModelsService } from '../http/read-models.service.js';
import { publicRoundView, type PublicRoundView } from './public-round.view.js';

/** What the public may see of a round (no interim counts unless the frame allows them); null when no round has that id. */
export class GetPublicRound extends Query<PublicRoundView | null> {
  constructor(readonly roundId: string) {
    super();
  }
}

@QueryHandler(GetPublicRound)
export class GetPublicRoundHandler implements IQueryHandler<GetPublicRound, PublicRoundView | null> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ roundId }: GetPublicRound): Promise<PublicRoundView | null> {
    return publicRoundView(await this.readModels.db(), roundId);
  }
}
