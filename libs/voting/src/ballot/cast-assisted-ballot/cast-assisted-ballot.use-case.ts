import type { CommandContext } from '@lib/es';
import { participantByCode } from '../../participant/participant.lookup.js';
import { ballotBoxState, type VotingDeps } from '../../voting.deps.js';
import type { BallotContent } from '../ballot.content.js';
import { BallotUnknownCodeError } from '../ballot.errors.js';
import { castBallotFor, type CastBallotResult } from '../cast-ballot/cast-ballot.use-case.js';

export interface CastAssistedBallotInput {
  roundId: string;
  /** The voter's code, shown to the official by the voter who is present; HMAC'ed here and never stored. */
  code: string;
  content: BallotContent;
}

/**
 * An official casts for a voter who is present at a voting point: the same decision and rules as an
 * online ballot, channel `assisted`. The event records no official and no voter, only that staff helped.
 */
export async function castAssistedBallotFor(deps: VotingDeps, input: CastAssistedBallotInput, context: CommandContext): Promise<CastBallotResult> {
  // 1. The round's box first: a round without one is a 404, whatever the code.
  await ballotBoxState(deps, input.roundId, context.tenant);
  // 2. The code leads to its participant only through the round key.
  const participant = await participantByCode(deps.store, deps.vault, input.roundId, input.code, context.tenant);
  if (!participant) throw new BallotUnknownCodeError('This voting code is not on the roll of this round');
  // 3. Then as any ballot: the facts, the pseudonym, the receipt, decide and append.
  return castBallotFor(deps, { roundId: input.roundId, participantRef: participant.state.participantRef, content: input.content, channel: 'assisted', verification: 'voting-code' }, context, { participant });
}
