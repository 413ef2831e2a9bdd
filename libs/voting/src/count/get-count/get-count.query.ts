import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TallyResult } from '@lib/tally';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import type { VotingFrame } from '../../voting-frame.js';
import { countRound } from '../count-round.js';

export class GetCount extends Query<{ result: TallyResult; ballots: number; frame: VotingFrame }> {
  constructor(
    readonly roundId: string,
    readonly tenant: string,
  ) {
    super();
  }
}

/** Counts the standing ballots with the rule frozen in the box (once voting closed). */
@QueryHandler(GetCount)
export class GetCountHandler implements IQueryHandler<GetCount, { result: TallyResult; ballots: number; frame: VotingFrame }> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ roundId, tenant }: GetCount): Promise<{ result: TallyResult; ballots: number; frame: VotingFrame }> {
    return countRound(this.deps.store, roundId, tenant);
  }
}
