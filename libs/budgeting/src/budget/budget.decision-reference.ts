import type { DecisionReference } from './budget.events.js';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A date written YYYY-MM-DD that is on no calendar (2026-02-30, 2026-13-01): refused as such, not as a missing date. */
export function isNonexistentDate(date: unknown): boolean {
  if (typeof date !== 'string' || !DATE_SHAPE.test(date)) return false;
  if (!ISO_DATE.test(date)) return true;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date;
}

/** A decision reference names the body, a registration number and a real calendar date. */
export function isCompleteDecision(decision: Partial<DecisionReference> | null | undefined): decision is DecisionReference {
  if (!decision) return false;
  if (decision.body !== 'council' && decision.body !== 'college') return false;
  if (typeof decision.number !== 'string' || decision.number.trim() === '') return false;
  if (typeof decision.date !== 'string' || !ISO_DATE.test(decision.date)) return false;
  const parsed = new Date(`${decision.date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === decision.date;
}

export function sameDecision(a: DecisionReference, b: DecisionReference): boolean {
  return a.body === b.body && a.number.trim().toLowerCase() === b.number.trim().toLowerCase();
}
