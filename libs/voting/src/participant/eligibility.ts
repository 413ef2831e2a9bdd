import type { Eligibility } from '../voting-frame.js';
import type { Ineligibility } from './participant.events.js';
import { ParticipantAgeBandStraddlesMinimumError, ParticipantInvalidAgeBandError } from './participant.errors.js';

/** `18-64` → [18, 64]; `65+` → [65, ∞). */
export function parseAgeBand(band: string): { from: number; to: number } {
  const range = /^(\d{1,3})-(\d{1,3})$/.exec(band);
  if (range && Number(range[1]) <= Number(range[2])) return { from: Number(range[1]), to: Number(range[2]) };
  const open = /^(\d{1,3})\+$/.exec(band);
  if (open) return { from: Number(open[1]), to: Number.POSITIVE_INFINITY };
  throw new ParticipantInvalidAgeBandError(`Age band ${JSON.stringify(band)} is not like 18-64 or 65+`, { ageBand: band });
}

/**
 * Whether a participant may vote under the frame's rules. An age band that straddles the minimum
 * age cannot decide it: the municipality must split that band in its file.
 */
export function eligibilityOf(rules: Eligibility, participant: { area: string; ageBand: string; role: string | null }): Ineligibility | null {
  const { from, to } = parseAgeBand(participant.ageBand);
  if (from < rules.minimumAge && to >= rules.minimumAge) {
    throw new ParticipantAgeBandStraddlesMinimumError(`Age band ${participant.ageBand} straddles the minimum age ${rules.minimumAge}`, {
      ageBand: participant.ageBand,
      minimumAge: rules.minimumAge,
    });
  }
  if (rules.areaCodes.length > 0 && !rules.areaCodes.includes(participant.area)) return 'area';
  if (to < rules.minimumAge) return 'age';
  if (participant.role !== null && rules.excludedRoles.includes(participant.role)) return 'excluded-role';
  return null;
}
