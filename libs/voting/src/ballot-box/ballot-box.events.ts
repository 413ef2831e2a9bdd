import { streamName } from '@lib/es';
import type { DomainEvent } from '@lib/es';
import type { VotingFrame } from '../voting-frame.js';

export const BALLOT_BOX_CATEGORY = 'BallotBox';

/** The ballot box of a round: the rules it votes under, when it is open, and whether the link to voters is destroyed. */
export function ballotBoxStream(roundId: string): string {
  return streamName(BALLOT_BOX_CATEGORY, roundId);
}

export type BallotBoxPrepared = DomainEvent<'BallotBoxPrepared', { roundId: string; frame: VotingFrame; preparedAt: string }>;
export type BallotBoxOpened = DomainEvent<'BallotBoxOpened', { roundId: string; reason: string; openedAt: string }>;
export type BallotBoxClosed = DomainEvent<'BallotBoxClosed', { roundId: string; reason: string; closedAt: string }>;
/** Counts only: how many codes a roll import or a code print run registered, and how many of them may vote. */
export type VoterRollExtended = DomainEvent<
  'VoterRollExtended',
  { roundId: string; source: 'municipality-file' | 'generated' | 'pabulib'; registered: number; eligible: number; extendedAt: string }
>;
/** The result is adopted and the round key destroyed: from here no one can tell whose ballot is whose. */
export type BallotBoxSealed = DomainEvent<'BallotBoxSealed', { roundId: string; reason: string; sealedAt: string }>;

export type BallotBoxEvent = BallotBoxPrepared | BallotBoxOpened | BallotBoxClosed | VoterRollExtended | BallotBoxSealed;
export const BALLOT_BOX_EVENT_TYPES: BallotBoxEvent['type'][] = ['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed', 'VoterRollExtended', 'BallotBoxSealed'];
