import type { CommandContext } from '@lib/es';
import type { SubmissionFrame } from './submit-proposal/submit-proposal.command.js';

/**
 * What the plans need from the Round and Budget streams. The Proposal stream never writes them;
 * the ceiling is guarded by the round's own CommitFunds/ReleaseFunds commands.
 */
export interface RoundGateway {
  /** Throws (404) when the round does not exist in this municipality. */
  assertRound(roundId: string, tenant: string): Promise<void>;
  /** The round's phase and its frame version, as the submission decision needs them. */
  submissionFrame(roundId: string, tenant: string): Promise<SubmissionFrame>;
  supportRules(roundId: string, tenant: string): Promise<{ supportOpen: boolean; supportThreshold: number | null }>;
  /** Throws ROUND.CEILING_EXCEEDED when the amount does not fit under the round's ceiling. */
  commitFunds(roundId: string, proposalId: string, amountCents: number, areaId: string, context: CommandContext): Promise<void>;
  releaseFunds(roundId: string, proposalId: string, amountCents: number, reason: string, context: CommandContext): Promise<void>;
}

/** DI token of the RoundGateway. */
export const ROUND_GATEWAY = Symbol('ROUND_GATEWAY');
