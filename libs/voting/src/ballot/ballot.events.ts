import { streamName } from '@lib/es';
import type { DomainEvent } from '@lib/es';

export const BALLOT_CATEGORY = 'Ballot';

/**
 * One stream per participant per round, named by the ballot pseudonym: the first ballot expects
 * `no_stream`, so the event store itself refuses a second one.
 */
export function ballotStream(roundId: string, ballotRef: string): string {
  return streamName(BALLOT_CATEGORY, `${roundId}_${ballotRef}`);
}

/** Every ballot stream of a round starts with this (the `$all` filter of a count). */
export function ballotStreamPrefix(roundId: string): string {
  return `${BALLOT_CATEGORY}-${roundId}_`;
}

/** What a voter marked: plans approved (approval, choose-1), points per plan (cumulative, scoring), or a ranking, best first (ordinal). */
export type BallotContent =
  | { type: 'approval' | 'choose-1'; choices: string[] }
  | { type: 'cumulative' | 'scoring'; points: Record<string, number> }
  | { type: 'ordinal'; ranking: string[] };

export type Channel = 'online' | 'paper' | 'assisted';
/** How the voter was recognised: their code online, their sign-in at the residents' provider (OIDC), the code on the paper slip checked by staff, in person by staff, or a Pabulib import. */
export type Verification = 'voting-code' | 'oidc' | 'paper-code-checked' | 'in-person' | 'imported';

export interface CastData {
  roundId: string;
  ballotRef: string;
  channel: Channel;
  verification: Verification;
  /** The participant's area (for counts per area); never anything that names a person. */
  area: string;
  /**
   * The participant's age band from the roll (`18-24`, `65+`; for turnout per age band). Like the area it
   * narrows who cast a small group's ballots, so published figures suppress groups under 10 ballots.
   * Absent on ballots cast before it was recorded.
   */
  ageBand?: string;
  content: BallotContent;
  /** The paper batch the ballot came in, for paper ballots. */
  batchId: string | null;
  /**
   * SHA-256 (hex) of the receipt handed to the voter once at casting: the voter can later check that
   * this ballot was counted. Never the receipt itself; absent on paper and imported ballots (and on
   * ballots cast before receipts existed).
   */
  receiptDigest?: string;
}

export type BallotCast = DomainEvent<'BallotCast', CastData & { castAt: string }>;
/** The standing ballot of this participant is replaced (by the voter before voting closes, or by a paper ballot that takes precedence). */
export type BallotReplaced = DomainEvent<'BallotReplaced', CastData & { replacedChannel: Channel; replacedAt: string }>;
/** A paper ballot from a confirmed batch that does not count, because another ballot of this participant takes precedence. */
export type PaperBallotSetAside = DomainEvent<
  'PaperBallotSetAside',
  { roundId: string; ballotRef: string; batchId: string; reason: 'online-ballot-stands' | 'paper-ballot-already-counted'; setAsideAt: string }
>;

export type BallotEvent = BallotCast | BallotReplaced | PaperBallotSetAside;
export const BALLOT_EVENT_TYPES: BallotEvent['type'][] = ['BallotCast', 'BallotReplaced', 'PaperBallotSetAside'];
