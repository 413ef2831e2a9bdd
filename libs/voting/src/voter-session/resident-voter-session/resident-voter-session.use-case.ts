import { type CommandContext, DomainError, handleCommand } from '@lib/es';
import { WrongExpectedVersionError } from '@lib/event-store';
import { requireVotingWindow } from '../../ballot/voting-window.js';
import { participantDecider } from '../../participant/participant.decider.js';
import { ParticipantAgeBandStraddlesMinimumError } from '../../participant/participant.errors.js';
import { type ParticipantRegistered, participantStream } from '../../participant/participant.events.js';
import { type LoadedParticipant, participantByRef } from '../../participant/participant.lookup.js';
import { initialParticipantState } from '../../participant/participant.state.js';
import { recordSignIn } from '../../participant/record-sign-in/record-sign-in.use-case.js';
import { RegisterParticipant } from '../../participant/register-participant/register-participant.command.js';
import { residentParticipantRefOf } from '../../round-key/pseudonym.js';
import { loadBallotBox, roundOf, type VotingDeps } from '../../voting.deps.js';
import type { OpenedVoterSession } from '../voter-session.handler.js';
import {
  ResidentVoterSessionAgeBandUndecidedError,
  ResidentVoterSessionAgeUnknownError,
  ResidentVoterSessionAreaUnknownError,
  ResidentVoterSessionBlockedError,
  ResidentVoterSessionNotEligibleError,
} from './resident-voter-session.errors.js';

/** What the resident token says about the resident: a pseudonym, and the area and age band from sign-in. */
export interface SignedInResident {
  pseudonym: string;
  area?: string;
  ageBand?: string;
}

/** An age band that decides no minimum age (0 and up): the frame has none, and the provider gave no birth date. */
export const UNKNOWN_AGE_BAND = '0+';

/**
 * A resident signed in by OIDC takes their place on the round's roll (once: the same resident is
 * the same participant, so the same ballot) and gets the participant a voter token is issued for.
 * Refusals append nothing. The events name the participant by a round-key pseudonym of the resident
 * pseudonym, with actor `resident`, never the resident pseudonym itself.
 */
export async function openResidentVoterSession(deps: VotingDeps, roundId: string, resident: SignedInResident, context: CommandContext): Promise<OpenedVoterSession> {
  const opened = await residentParticipant(deps, roundId, resident, context);
  // 5. Record the sign-in (pseudonymous, as for a code).
  const earlierSignIns = await recordSignIn(deps, opened.state, roundId, 'oidc', context);
  return { participantRef: opened.state.participantRef, tenant: context.tenant, earlierSignIns };
}

async function residentParticipant(deps: VotingDeps, roundId: string, resident: SignedInResident, context: CommandContext): Promise<LoadedParticipant> {
  // 1. The round's box in the resident's municipality (404 otherwise, as for one that does not exist), open for votes.
  const box = await loadBallotBox(deps.store, roundId, context.tenant);
  const round = await roundOf(deps.store, roundId, context.tenant);
  requireVotingWindow(box.state, round, deps.now());
  // 2. The round-scoped pseudonym: only computable with the round key.
  const participantRef = residentParticipantRefOf(await deps.vault.keyFor(roundId), resident.pseudonym);
  const known = await participantByRef(deps.store, roundId, participantRef, context.tenant);
  if (known) return standing(known);
  // 3. Not on the roll yet: what the frame needs to know, then its eligibility decides.
  const { eligibility } = box.state.frame;
  if (eligibility.areaCodes.length > 0 && resident.area === undefined) throw new ResidentVoterSessionAreaUnknownError('This round is for residents of some areas only, and your sign-in did not say where you live');
  if (eligibility.minimumAge > 0 && resident.ageBand === undefined) throw new ResidentVoterSessionAgeUnknownError(`This round has a minimum age of ${eligibility.minimumAge}, and your sign-in did not give your age`);
  const command = new RegisterParticipant({
    roundId,
    participantRef,
    area: resident.area ?? '',
    ageBand: resident.ageBand ?? UNKNOWN_AGE_BAND,
    role: null,
    source: 'oidc',
    registeredAt: deps.now().toISOString(),
    facts: { phase: box.state.phase, eligibility },
  });
  let registered: ParticipantRegistered;
  try {
    [registered] = participantDecider.decide(command, initialParticipantState()) as ParticipantRegistered[];
  } catch (error) {
    if (error instanceof ParticipantAgeBandStraddlesMinimumError) throw new ResidentVoterSessionAgeBandUndecidedError(`Your age band ${resident.ageBand} straddles the minimum age ${eligibility.minimumAge}`, error.details);
    throw error;
  }
  if (!registered!.data.eligible) throw new ResidentVoterSessionNotEligibleError('Under the rules of this round you have no vote', { ineligibility: registered!.data.ineligibility });
  // 4. Register, in the participant's stream only (the store refuses a second stream: two sign-ins at once give one
  //    participant). The roll's counts are the registrations; nothing is written to the box.
  const residentContext = { ...context, actor: 'resident' };
  try {
    await handleCommand(deps.store, participantStream(roundId, participantRef), participantDecider, command, residentContext, { streamMustExist: false, expectNew: true, maxRetries: 0, newId: deps.newId });
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError) && !(error instanceof DomainError)) throw error;
    const winner = await participantByRef(deps.store, roundId, participantRef, context.tenant);
    if (!winner) throw error;
    return standing(winner);
  }
  const mine = await participantByRef(deps.store, roundId, participantRef, context.tenant);
  if (!mine) throw new Error(`Participant ${participantRef} of round ${roundId} was registered but cannot be read back`);
  return mine;
}

function standing(participant: LoadedParticipant): LoadedParticipant {
  if (participant.state.status !== 'active') throw new ResidentVoterSessionBlockedError('Your place on the roll of this round is blocked; ask the municipality');
  if (!participant.state.eligible) throw new ResidentVoterSessionNotEligibleError('Under the rules of this round you have no vote', { ineligibility: participant.state.ineligibility });
  return participant;
}
