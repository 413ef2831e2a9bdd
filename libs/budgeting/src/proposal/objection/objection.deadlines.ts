import { addCalendarDays, amsterdamDate, endOfAmsterdamDay, termEndDate } from '../proposal.deadlines.js';

/**
 * The terms of bezwaar and beroep, on calendar dates in Europe/Amsterdam and extended by the
 * Algemene termijnenwet as the decision deadline is (proposal.deadlines.ts).
 */

const WEEK = 7;

/** Awb 6:7 and 6:8: six weeks, starting the day after the decision was sent or made known; the last day (Atw-extended). */
export function objectionTermEndsOn(decisionSentOn: string, periodWeeks = 6): string {
  return termEndDate(decisionSentOn, periodWeeks * WEEK);
}

/**
 * Awb 6:9: on time when received before the term ends, or, sent by post, posted before it ends and
 * received no later than a week after.
 */
export function lodgedInTime(termEndsOn: string, receivedOn: string, postedOn: string | null): boolean {
  if (receivedOn <= termEndsOn) return true;
  return postedOn !== null && postedOn <= termEndsOn && receivedOn <= addCalendarDays(termEndsOn, WEEK);
}

/** Awb 7:10(1): six weeks from the end of the objection term, twelve when an advisory committee (7:13) hears it; the end of the last day. */
export function objectionDecisionDue(termEndsOn: string, advisoryCommittee: boolean): string {
  return endOfAmsterdamDay(termEndDate(termEndsOn, (advisoryCommittee ? 12 : 6) * WEEK));
}

/** Awb 7:10(3): at most six weeks more, counted on from the last day in force. */
export const MAX_OBJECTION_EXTENSION_WEEKS = 6;

/** The decision term extended by `weeks` weeks from the deadline in force (7:10(3), or 7:10(4) with the objector's consent). */
export function extendedObjectionDecisionDue(currentDue: string, weeks: number): string {
  return endOfAmsterdamDay(termEndDate(amsterdamDate(currentDue), weeks * WEEK));
}

/** After the court quashes the decision on the objection (Awb 8:72(4)): a new one within the term the court sets, from the day of the ruling. */
export function redecisionDue(rulingDate: string, weeks: number): string {
  return endOfAmsterdamDay(termEndDate(rulingDate, weeks * WEEK));
}

/** Beroep (Awb 6:7, 8:1): six weeks from the day after the decision on the objection was sent; the last day. */
export function beroepTermEndsOn(decisionSentOn: string): string {
  return termEndDate(decisionSentOn, 6 * WEEK);
}
