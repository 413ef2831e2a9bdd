import type { DecisionReference } from './budget.events.js';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

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
