import { streamName } from '@lib/es';
import type { DomainEvent } from '@lib/es';
import type { BallotRules, TallyRules } from '@lib/budgeting/events';

export const BALLOT_BOX_CATEGORY = 'BallotBox';

/** The ballot box of a round: the rules it votes under, when it is open, and whether the link to voters is destroyed. */
export function ballotBoxStream(roundId: string): string {
  return streamName(BALLOT_BOX_CATEGORY, roundId);
}

/** A plan on the ballot, as admitted: its id, cost in cents and (optionally) its area, name and theme (for the ballot paper and the theme quotas). */
export interface BallotPlan {
  planId: string;
  costCents: number;
  name?: string;
  area?: string;
  /** Absent on boxes prepared before themes were copied (and on Pabulib imports). */
  theme?: string;
}

/** Which ballot counts when a code was used on paper and online. Default `paper`: the signed paper slip is the stronger act. */
export type PaperPrecedence = 'paper' | 'online';

/** Who may vote: the frame's participation rules, as the voter roll applies them. */
export interface Eligibility {
  /** Empty: the whole municipality. */
  areaCodes: string[];
  minimumAge: number;
  excludedRoles: string[];
}

/**
 * The frame version a round votes under, copied into the ballot box when it is prepared so every
 * ballot, count and recount reads the same rules (the Budget stream freezes that version too).
 */
export interface VotingFrame {
  budgetId: string;
  frameVersion: number;
  ballot: BallotRules;
  tally: TallyRules;
  eligibility: Eligibility;
  budgetCents: number;
  plans: BallotPlan[];
  paperPrecedence: PaperPrecedence;
  /** Money unit the count works in, in cents: 100 counts in whole euros (as Pabulib files and the cities do). */
  countingUnitCents: number;
  currency: string;
  /** Per-area pots (the round's area ceilings): each area's plans are counted apart with its own amount. Absent or empty: one pot. */
  areaBudgets?: { areaCode: string; amountCents: number }[];
}

export type BallotBoxPrepared = DomainEvent<'BallotBoxPrepared', { roundId: string; frame: VotingFrame; preparedAt: string }>;
export type BallotBoxOpened = DomainEvent<'BallotBoxOpened', { roundId: string; reason: string; openedAt: string }>;
export type BallotBoxClosed = DomainEvent<'BallotBoxClosed', { roundId: string; reason: string; closedAt: string }>;
/**
 * Counts only: how many codes a roll import or a code print run registered, and how many of them may
 * vote. No longer written: the roll's counts are those of its `ParticipantRegistered` events, and a
 * registration writes its participant's stream only. Kept for the stores that hold it; readers ignore
 * it, since those stores hold the registrations too.
 */
export type VoterRollExtended = DomainEvent<
  'VoterRollExtended',
  { roundId: string; source: 'municipality-file' | 'generated' | 'pabulib' | 'oidc'; registered: number; eligible: number; extendedAt: string }
>;
/** The result is adopted (the round key was destroyed at the latest just before): from here no one can tell whose ballot is whose. */
export type BallotBoxSealed = DomainEvent<'BallotBoxSealed', { roundId: string; reason: string; sealedAt: string }>;

/** Why the round key went: voting closed (no correction window), the frame's correction window ended, or the box was sealed first. */
export type RoundKeyDestroyedReason = 'voting-closed' | 'correction-window-ended' | 'sealed';
/**
 * The round key was destroyed (just before this was recorded): from here no code leads to a
 * participant or a ballot, and nothing that needs a code (a sign-in, a paper ballot) is taken any more.
 */
export type RoundKeyDestroyed = DomainEvent<'RoundKeyDestroyed', { roundId: string; reason: RoundKeyDestroyedReason; destroyedAt: string }>;

export type BallotBoxEvent = BallotBoxPrepared | BallotBoxOpened | BallotBoxClosed | VoterRollExtended | RoundKeyDestroyed | BallotBoxSealed;
export const BALLOT_BOX_EVENT_TYPES: BallotBoxEvent['type'][] = ['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed', 'VoterRollExtended', 'RoundKeyDestroyed', 'BallotBoxSealed'];
