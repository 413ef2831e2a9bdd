import type { CommandContext } from '@lib/es';
import type { VotingDeps } from '../../voting.deps.js';
import { registerParticipants } from '../register-participant/register-participant.use-case.js';
import { parseVoterRoll } from './voter-roll.csv.js';

/** Imports the municipality's CSV of codes: refused whole on any bad row or column, nothing appended then. */
export async function importVoterRoll(deps: VotingDeps, roundId: string, csv: string, context: CommandContext): Promise<{ registered: number; eligible: number }> {
  const rows = parseVoterRoll(csv);
  const { registered, eligible } = await registerParticipants(deps, roundId, rows, 'municipality-file', context);
  return { registered, eligible };
}
