import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { domainError } from '@lib/es';
import { BallotCodeBlockedError, BallotNotEligibleError } from '../ballot/ballot.errors.js';
import { requireVotingWindow } from '../ballot/voting-window.js';
import { participantByCode } from '../participant/participant.lookup.js';
import { type EarlierSignIns, recordSignIn } from '../participant/record-sign-in/record-sign-in.use-case.js';
import { loadBallotBox, roundOf, tenantOfRound, VOTING_DEPS, type VotingDeps } from '../voting.deps.js';

/** The same answer for a code that does not exist and a round that does not: nothing to learn by guessing. */
export class VoterSessionUnknownCodeError extends domainError('VOTER_SESSION.UNKNOWN_CODE', 'forbidden') {}

/** Who a voter token is issued for, and the sign-ins with the same code before this one. */
export interface OpenedVoterSession {
  participantRef: string;
  tenant: string;
  earlierSignIns: EarlierSignIns;
}

/**
 * Checks a voting code for a round and records the sign-in (`VoterSignedIn`, pseudonymous); returns
 * the participant pseudonym and municipality a voter token is issued for. A refused code appends nothing.
 */
export async function openVoterSession(deps: VotingDeps, roundId: string, code: string): Promise<OpenedVoterSession> {
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
  const context = { actor: 'voter', role: 'voter', tenant, correlationId: deps.newId(), now: deps.now() };
  const earlierSignIns = await recordSignIn(deps, participant.state, roundId, 'code', context);
  return { participantRef: participant.state.participantRef, tenant, earlierSignIns };
}

/** Sign in with a voting code: checked, recorded, and the token issued by the caller. */
export class OpenVoterSession extends Command<OpenedVoterSession> {
  constructor(
    readonly roundId: string,
    readonly code: string,
  ) {
    super();
  }
}

@CommandHandler(OpenVoterSession)
export class OpenVoterSessionHandler implements ICommandHandler<OpenVoterSession, OpenedVoterSession> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ roundId, code }: OpenVoterSession): Promise<OpenedVoterSession> {
    return openVoterSession(this.deps, roundId, code);
  }
}
