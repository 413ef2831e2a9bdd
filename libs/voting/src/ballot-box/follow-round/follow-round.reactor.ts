import { type Reaction, type Reactor } from '@lib/es';
import { roundAsOf, roundStream } from '@lib/budgeting';
import type { VotingDeps } from '../../voting.deps.js';
import { followRound, type FollowRoundOptions } from './follow-round.js';

/** Bring the ballot box in line with the round as it stood at `revision` of its stream. */
export class FollowRound {
  readonly type = 'FollowRound' as const;
  constructor(readonly data: { roundId: string; revision: bigint }) {}
}

/**
 * The ballot box follows its round: prepared and opened when the round enters voting, closed when
 * it leaves it, sealed (the round key destroyed first) once the result is adopted. Rounds that do
 * not vote have no box.
 */
export const followRoundReactor: Reactor<FollowRound> = {
  name: 'ballot-box',
  canHandle: ['RoundPhaseAdvanced', 'ResultAdopted'],
  handle(event, history) {
    const round = roundAsOf(history);
    if (!round || !round.pipeline.includes('voting')) return [];
    if (round.pipeline.indexOf(round.phase) < round.pipeline.indexOf('voting')) return [];
    return [new FollowRound({ roundId: round.roundId, revision: event.revision })];
  },
};

/**
 * The reactor with its command: the box decides on its own stream each time, so a step already
 * taken is not taken again; the events carry the time of the round's change.
 */
export function followRoundReaction(deps: VotingDeps, options: FollowRoundOptions = {}): Reaction<FollowRound> {
  return {
    reactor: followRoundReactor,
    async execute(command, { context, newId }) {
      const history = await deps.store.readStream(roundStream(command.data.roundId), { maxCount: Number(command.data.revision) + 1 });
      const round = roundAsOf(history);
      if (!round) return;
      await followRound({ ...deps, newId, now: () => context.now }, round, context, 'apply', options);
    },
  };
}
