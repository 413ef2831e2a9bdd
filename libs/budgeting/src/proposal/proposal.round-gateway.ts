import type { CommandContext } from '@lib/es';
import type { RecordedEvent } from '@lib/event-store';
import type { ReactionsOutcome } from '@lib/platform';
import type { CommittedGrant } from '../round/round.events.js';
import type { SubmissionFrame } from './submit-proposal/submit-proposal.command.js';

/** What a grant's commitment did: the round's `FundsCommitted` as stored, and how far its reactions got before the answer. */
export interface GrantCommitment {
  commitment: RecordedEvent;
  reactions?: ReactionsOutcome;
}

/**
 * What the plans need from the Round and Budget streams. A plan command never writes them: a grant
 * is the round's own CommitFunds command (which guards the ceiling), and what follows in the other
 * stream is done by reactors (the grant onto the plan, releases onto the round).
 */
export interface RoundGateway {
  /** Throws (404) when the round does not exist in this municipality. */
  assertRound(roundId: string, tenant: string): Promise<void>;
  /** The round's phase and its frame version, as the submission decision needs them. */
  submissionFrame(roundId: string, tenant: string): Promise<SubmissionFrame>;
  supportRules(roundId: string, tenant: string): Promise<{ supportOpen: boolean; supportThreshold: number | null }>;
  /**
   * Commits a grant's amount on the round, carrying the grant for the plan (recorded there by the
   * `grant-recorder` reactor, waited for a bounded time). Throws ROUND.CEILING_EXCEEDED when the
   * amount does not fit under the round's ceiling, and then nothing is written.
   */
  commitGrant(roundId: string, proposalId: string, amountCents: number, areaId: string, grant: CommittedGrant, context: CommandContext): Promise<GrantCommitment>;
}

/** DI token of the RoundGateway. */
export const ROUND_GATEWAY = Symbol('ROUND_GATEWAY');
