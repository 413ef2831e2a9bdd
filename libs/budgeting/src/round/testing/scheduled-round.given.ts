import type { RoundEvent, RoundPhase, ScheduledPhase } from '../round.events.js';
import { aRoundIn } from './round.given.js';

/** Submission through March, voting 1–14 June 2026 (Amsterdam days). */
export const A_SCHEDULE: ScheduledPhase[] = [
  { phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' },
  { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' },
];

/** `aRoundIn(phase)` planned with a schedule. */
export function aScheduledRoundIn(phase: RoundPhase, schedule: ScheduledPhase[] = A_SCHEDULE): RoundEvent[] {
  return aRoundIn(phase).map((event) => (event.type === 'RoundPlanned' ? { ...event, data: { ...event.data, schedule } } : event));
}
