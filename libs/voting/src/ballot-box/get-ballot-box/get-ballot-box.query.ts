import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LoadedStream } from '@lib/es';
import { type VoterRollCounts, voterRollOf } from '../../participant/voter-roll.counts.js';
import { loadBallotBox, type PreparedBox, VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';

/** The box as its stream holds it, with the roll's counts from the round's registrations. */
export type BallotBoxWithRoll = PreparedBox & VoterRollCounts;

export class GetBallotBox extends Query<LoadedStream<BallotBoxWithRoll>> {
  constructor(
    readonly roundId: string,
    readonly tenant: string,
  ) {
    super();
  }
}

/** Folds the box's stream (phase, rules, plans; its revision is the ETag) and counts the round's registrations. */
@QueryHandler(GetBallotBox)
export class GetBallotBoxHandler implements IQueryHandler<GetBallotBox, LoadedStream<BallotBoxWithRoll>> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  async execute({ roundId, tenant }: GetBallotBox): Promise<LoadedStream<BallotBoxWithRoll>> {
    const box = await loadBallotBox(this.deps.store, roundId, tenant);
    const roll = await voterRollOf(this.deps.store, roundId, tenant);
    return { ...box, state: { ...box.state, ...roll } };
  }
}
