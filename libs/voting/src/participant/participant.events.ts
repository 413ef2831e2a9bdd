import { type DomainEvent, streamName } from '@lib/es';

export const PARTICIPANT_CATEGORY = 'Participant';

/** A participant of a round, named by the keyed hash of their voting code (never the code itself). */
export function participantStream(roundId: string, participantRef: string): string {
  return streamName(PARTICIPANT_CATEGORY, `${roundId}_${participantRef}`);
}

/** The prefix every Participant stream of a round starts with (a scan of the round's roll). */
export function participantStreamPrefix(roundId: string): string {
  return `${PARTICIPANT_CATEGORY}-${roundId}_`;
}

export type Ineligibility = 'area' | 'age' | 'excluded-role';
/** `oidc`: a resident signed in at the municipality's provider for residents registered themselves. */
export type RollSource = 'municipality-file' | 'generated' | 'reissue' | 'pabulib' | 'oidc';
/**
 * The sources by which staff put codes on the roll, one request (one correlation id) at a time: a
 * municipality file, a print run, a Pabulib import. Audit trails list each such import once. A
 * resident's own registration (`oidc`) is no staff act; a successor (`reissue`) follows its
 * `VotingCodeReissued`.
 */
export const ROLL_IMPORT_SOURCES: readonly RollSource[] = ['municipality-file', 'generated', 'pabulib'];

export type ParticipantRegistered = DomainEvent<
  'ParticipantRegistered',
  {
    roundId: string;
    participantRef: string;
    /** The first code's pseudonym: a re-issued code keeps it, so it leads to the same ballot. */
    rootRef: string;
    area: string;
    /** An age band (`18-64`, `65+`), never a birth date. */
    ageBand: string;
    eligible: boolean;
    ineligibility: Ineligibility | null;
    source: RollSource;
    registeredAt: string;
  }
>;
export type VotingCodeBlocked = DomainEvent<'VotingCodeBlocked', { roundId: string; participantRef: string; reason: string; blockedAt: string }>;
/** The code was replaced by a new one (lost letter); the old code no longer works. */
export type VotingCodeReissued = DomainEvent<'VotingCodeReissued', { roundId: string; participantRef: string; successorRef: string; reason: string; reissuedAt: string }>;

/** How a voter signed in: with the code from the letter, or as a resident through the municipality's OIDC provider. */
export type SignInChannel = 'code' | 'oidc';
/**
 * A voter signed in (a voter token was issued). Only the participant's pseudonym, the channel and the
 * time: no code, no address, nothing of the person. So reading with someone else's code leaves a
 * trace the voter is shown at their next sign-in, and auditors count per round.
 */
export type VoterSignedIn = DomainEvent<'VoterSignedIn', { roundId: string; participantRef: string; channel: SignInChannel; signedInAt: string }>;

export type ParticipantEvent = ParticipantRegistered | VotingCodeBlocked | VotingCodeReissued | VoterSignedIn;
export const PARTICIPANT_EVENT_TYPES: ParticipantEvent['type'][] = ['ParticipantRegistered', 'VotingCodeBlocked', 'VotingCodeReissued', 'VoterSignedIn'];
