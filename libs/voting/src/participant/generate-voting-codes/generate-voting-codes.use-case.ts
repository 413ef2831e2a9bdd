import type { CommandContext } from '@lib/es';
import { generateCode } from '../../round-key/pseudonym.js';
import type { VotingDeps } from '../../voting.deps.js';
import { registerParticipants } from '../register-participant/register-participant.use-case.js';

export const MAX_CODES_PER_RUN = 10_000;

/**
 * Generates codes for printing, registers their pseudonyms, and returns the codes once as CSV.
 * The codes are never stored: lose the CSV and the codes are lost (re-issue them one by one).
 */
export async function generateVotingCodes(
  deps: VotingDeps,
  input: { roundId: string; count: number; area: string; ageBand: string },
  context: CommandContext,
): Promise<{ csv: string; registered: number; eligible: number }> {
  const codes = Array.from({ length: input.count }, () => generateCode());
  const { registered, eligible } = await registerParticipants(
    deps,
    input.roundId,
    codes.map((code) => ({ code, area: input.area, ageBand: input.ageBand, role: null })),
    'generated',
    context,
  );
  const csv = ['code,area,age_band', ...codes.map((code) => `${code},${input.area},${input.ageBand}`)].join('\n') + '\n';
  return { csv, registered, eligible };
}
