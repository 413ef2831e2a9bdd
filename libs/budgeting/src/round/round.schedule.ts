import { addCalendarDays, amsterdamDate, endOfAmsterdamDay } from '../proposal/proposal.deadlines.js';
import type { RoundPhase, ScheduledPhase } from './round.events.js';
import type { ExistingRound } from './round.state.js';

/**
 * The round's clock. A schedule entry binds: its phase opens at the start of `opensOn` and closes at
 * the end of `closesOn`, both in Amsterdam. Phases without an entry are moved by staff.
 */

/** The first instant (ISO, UTC) of a calendar day in Amsterdam. */
export function startOfAmsterdamDay(date: string): string {
  return new Date(Date.parse(endOfAmsterdamDay(addCalendarDays(date, -1))) + 1).toISOString();
}

/** The phases residents act in: their window is theirs, staff do not close it early. */
export const RESIDENT_WINDOWS: readonly RoundPhase[] = ['submission', 'support', 'voting', 'intake'];

export function entryOf(round: Pick<ExistingRound, 'schedule'>, phase: RoundPhase): ScheduledPhase | undefined {
  return round.schedule.find((entry) => entry.phase === phase);
}

/** When a scheduled phase opens (ISO instant). */
export function opensAt(entry: ScheduledPhase): string {
  return startOfAmsterdamDay(entry.opensOn);
}

/** When a scheduled phase closes (ISO instant); null when it has no closing date. */
export function closesAt(entry: ScheduledPhase): string | null {
  return entry.closesOn === undefined ? null : endOfAmsterdamDay(entry.closesOn);
}

/** The day (in Amsterdam) an instant falls on. */
export const dayOf = amsterdamDate;

/** A transition the schedule makes due: the next phase of the pipeline, and why. */
export interface DueTransition {
  from: RoundPhase;
  to: RoundPhase;
  reason: string;
}

/**
 * The transition the schedule asks for at `now`, if any: the next phase opens on its opening day,
 * or the current phase's closing day has ended (and the next phase, when scheduled, has opened).
 * A closed round has none.
 */
export function dueTransition(round: ExistingRound, now: Date): DueTransition | null {
  const at = now.toISOString();
  const index = round.pipeline.indexOf(round.phase);
  const to = round.pipeline[index + 1];
  if (round.phase === 'closed' || to === undefined) return null;
  const next = entryOf(round, to);
  if (next !== undefined && at < opensAt(next)) return null;
  const current = entryOf(round, round.phase);
  const closing = current === undefined ? null : closesAt(current);
  if (next !== undefined) return { from: round.phase, to, reason: `Volgens de planning: ${to} opent op ${next.opensOn}` };
  if (closing !== null && at > closing) return { from: round.phase, to, reason: `Volgens de planning: ${round.phase} sloot op ${current!.closesOn}` };
  return null;
}

/**
 * The closing day of the round's current phase when its schedule has closed it by `now` although the clock has
 * not yet moved the round on (it does at its next tick); null while the window is open or unscheduled.
 */
export function windowClosedOn(round: ExistingRound, now: Date): string | null {
  const entry = entryOf(round, round.phase);
  const closing = entry === undefined ? null : closesAt(entry);
  return closing !== null && now.toISOString() > closing ? entry!.closesOn! : null;
}
