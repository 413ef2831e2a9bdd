import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LoadedStream } from '@lib/es';
import { loadBallotBox, type PreparedBox, VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';

export class GetBallotBox extends Query<LoadedStream<PreparedBox>> {
  constructor(
    readonly roundId: string,
    readonly tenant: string,
  ) {
    super();
  }
}

/** Folds the box's stream: phase, rules, plans and roll counts as recorded. */
@QueryHandler(GetBallotBox)
export class GetBallotBoxHandler implements IQueryHandler<GetBallotBox, LoadedStream<PreparedBox>> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ roundId, tenant }: GetBallotBox): Promise<LoadedStream<PreparedBox>> {
    return loadBallotBox(this.deps.store, roundId, tenant);
  }
}
