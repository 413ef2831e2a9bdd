import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { domainError } from '@lib/es';
import { BallotCodeBlockedError, BallotNotEligibleError } from '../ballot/ballot.errors.js';
import { requireVotingWindow } from '../ballot/voting-window.js';
import { participantByCode } from '../participant/participant.lookup.js';
import { loadBallotBox, roundOf, tenantOfRound, VOTING_DEPS, type VotingDeps } from '../voting.deps.js';

/** The same answer for a code that does not exist and a round that does not: nothing to learn by guessing. */
export class VoterSessionUnknownCodeError extends domainError('VOTER_SESSION.UNKNOWN_CODE', 'forbidden') {}

/** Checks a voting code for a round; returns the participant pseudonym and municipality a voter token is issued for. */
export async function openVoterSession(deps: VotingDeps, roundId: string, code: string): Promise<{ participantRef: string; tenant: string }> {
  let tenant: string;
  try {
    tenant = await tenantOfRound(deps.store, roundId);
  } catch {
    throw new VoterSessionUnknownCodeError('This code does not give access to this round');
  }
  const box = await loadBallotBox(deps.store, roundId, tenant);
  const round = await roundOf(deps.store, roundId, tenant);
  requireVotingWindow(box.state, round, deps.now());
  const participant = await participantByCode(deps.store, deps.vault, roundId, code, tenant);
  if (!participant) throw new VoterSessionUnknownCodeError('This code does not give access to this round');
  if (participant.state.status !== 'active') throw new BallotCodeBlockedError('This voting code is blocked');
  if (!participant.state.eligible) throw new BallotNotEligibleError('This voting code does not give a vote in this round');
  return { participantRef: participant.state.participantRef, tenant };
}

/** Who a voting code signs in as: a read, nothing is appended (the token is issued by the caller). */
export class VoterOfCode extends Query<{ participantRef: string; tenant: string }> {
  constructor(
    readonly roundId: string,
    readonly code: string,
  ) {
    super();
  }
}

@QueryHandler(VoterOfCode)
export class VoterOfCodeHandler implements IQueryHandler<VoterOfCode, { participantRef: string; tenant: string }> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ roundId, code }: VoterOfCode): Promise<{ participantRef: string; tenant: string }> {
    return openVoterSession(this.deps, roundId, code);
  }
}
