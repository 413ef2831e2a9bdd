import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { participantByRef, requireParticipant } from '../../participant/participant.lookup.js';
import { ballotRefOf } from '../../round-key/pseudonym.js';
import { VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';
import { ballotDecider } from '../ballot.decider.js';
import { type BallotEvent, ballotStream } from '../ballot.events.js';

/** A standing ballot as its voter sees it: that it stands, not what it says. */
export interface MyBallot {
  channel: string;
  revision: bigint;
}

/** The voter's own standing ballot and its revision (the ETag to replace it), or null. */
export async function myBallot(deps: VotingDeps, roundId: string, participantRef: string, tenant: string): Promise<MyBallot | null> {
  const participant = requireParticipant(await participantByRef(deps.store, roundId, participantRef, tenant), roundId);
  const key = await deps.vault.keyFor(roundId);
  const events = await deps.store.readStream(ballotStream(roundId, ballotRefOf(key, participant.state.rootRef)));
  if (events.length === 0) return null;
  let state = ballotDecider.initialState();
  for (const event of events) state = ballotDecider.evolve(state, { type: event.type, data: event.data } as BallotEvent);
  return state.cast ? { channel: state.channel, revision: events[events.length - 1]!.revision } : null;
}

export class GetMyBallot extends Query<MyBallot | null> {
  constructor(
    readonly roundId: string,
    readonly participantRef: string,
    readonly tenant: string,
  ) {
    super();
  }
}

@QueryHandler(GetMyBallot)
export class GetMyBallotHandler implements IQueryHandler<GetMyBallot, MyBallot | null> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ roundId, participantRef, tenant }: GetMyBallot): Promise<MyBallot | null> {
    return myBallot(this.deps, roundId, participantRef, tenant);
  }
}
