import { describe, expect, it } from '@jest/globals';
import { beroepTermEndsOn, extendedObjectionDecisionDue, lodgedInTime, objectionDecisionDue, objectionTermEndsOn, redecisionDue } from './objection.deadlines.js';

describe('the terms of bezwaar and beroep (Awb 6:7–6:9, 7:10, Algemene termijnenwet)', () => {
  it('counts six weeks from the day after the decision was sent: sent on a Monday, the term ends on the Monday six weeks on', () => {
    expect(objectionTermEndsOn('2026-06-01')).toBe('2026-07-13');
  });

  it('moves a term that ends on King\'s Day, or on a Saturday before Sunday, to the next working day', () => {
    expect(objectionTermEndsOn('2026-03-16')).toBe('2026-04-28');
    expect(objectionTermEndsOn('2026-11-14')).toBe('2026-12-28');
  });

  it('takes an objection received on the last day, or posted by then and received within a week after, as in time (6:9)', () => {
    expect(lodgedInTime('2026-07-13', '2026-07-13', null)).toBe(true);
    expect(lodgedInTime('2026-07-13', '2026-07-14', null)).toBe(false);
    expect(lodgedInTime('2026-07-13', '2026-07-20', '2026-07-13')).toBe(true);
    expect(lodgedInTime('2026-07-13', '2026-07-21', '2026-07-13')).toBe(false);
    expect(lodgedInTime('2026-07-13', '2026-07-15', '2026-07-14')).toBe(false);
  });

  it('gives six weeks to decide from the end of the objection term, twelve with an advisory committee, to the end of the day in Amsterdam (7:10(1))', () => {
    expect(objectionDecisionDue('2026-07-13', false)).toBe('2026-08-24T21:59:59.999Z');
    expect(objectionDecisionDue('2026-07-13', true)).toBe('2026-10-05T21:59:59.999Z');
  });

  it('extends the decision term from the last day in force, into winter time', () => {
    expect(extendedObjectionDecisionDue('2026-08-24T21:59:59.999Z', 6)).toBe('2026-10-05T21:59:59.999Z');
    expect(extendedObjectionDecisionDue('2026-10-05T21:59:59.999Z', 4)).toBe('2026-11-02T22:59:59.999Z');
  });

  it('gives six weeks for beroep, and counts the court\'s term for a new decision from the ruling', () => {
    expect(beroepTermEndsOn('2026-08-10')).toBe('2026-09-21');
    expect(redecisionDue('2027-01-15', 6)).toBe('2027-02-26T22:59:59.999Z');
  });
});
