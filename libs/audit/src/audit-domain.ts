import type { EventStore } from '@lib/event-store';
import type { Election } from '@lib/tally';
import type { VotingFrame } from '@lib/voting/events';

/** How a stream's events fold into its state: its decider's `initialState` and `evolve`. */
export interface StreamFold<State = unknown> {
  initialState(): State;
  evolve(state: State, event: { type: string; data: unknown }): State;
}

/** The ballot box's state as the audit reads it: its phase and the frame frozen in it. */
export type BallotBoxView = { phase: 'none' } | { phase: 'prepared' | 'open' | 'closed' | 'sealed'; frame: VotingFrame };

/**
 * The domain logic the audit runs: the deciders' folds and the count. The app wires it in from
 * @lib/budgeting and @lib/voting (apps/audit), so this library imports only their events entries and
 * still folds and counts exactly as the domain does.
 */
export interface AuditDomain {
  /** The fold of each stream category that has a decider (`Round`, `BallotBox`, …). */
  folds: Readonly<Record<string, StreamFold>>;
  /** The ballot box's fold. */
  ballotBox: StreamFold<BallotBoxView>;
  /** The election a round counts: its standing ballots, from the ballot events alone, under the frozen frame. */
  electionOfRound(store: EventStore, roundId: string, tenant: string, frame: VotingFrame): Promise<{ election: Election; ballots: number }>;
  /** The round's roll: codes registered and how many give a vote, from the registrations in its Participant streams. */
  voterRollOfRound(store: EventStore, roundId: string, tenant: string): Promise<{ registered: number; eligible: number }>;
}
