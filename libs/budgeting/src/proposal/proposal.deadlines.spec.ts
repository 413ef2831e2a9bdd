import { describe, expect, it } from '@jest/globals';
import { amsterdamDate, easterSunday, endOfAmsterdamDay, generalHolidays, isWorkingDay, termEndDate } from './proposal.deadlines.js';

describe('statutory deadlines (Awb 4:13, Algemene termijnenwet)', () => {
  it('knows Easter Sunday', () => {
    expect([2024, 2025, 2026, 2027, 2038].map(easterSunday)).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25']);
  });

  it('lists the general holidays of Atw art. 3, King\'s Day on the 26th when the 27th is a Sunday', () => {
    expect(generalHolidays(2026)).toEqual(['2026-01-01', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26']);
    expect(generalHolidays(2025)).toContain('2025-04-26');
    expect(generalHolidays(2025)).not.toContain('2025-04-27');
  });

  it('takes the calendar date in Amsterdam, not in UTC', () => {
    expect([amsterdamDate('2026-06-01T22:30:00.000Z'), amsterdamDate('2026-01-01T22:59:59.999Z'), amsterdamDate('2026-01-01T23:00:00.000Z')]).toEqual(['2026-06-02', '2026-01-01', '2026-01-02']);
  });

  it('ends a day at local midnight, in summer and in winter time', () => {
    expect([endOfAmsterdamDay('2026-07-28'), endOfAmsterdamDay('2026-12-28'), endOfAmsterdamDay('2026-03-28'), endOfAmsterdamDay('2026-03-29'), endOfAmsterdamDay('2026-10-25')]).toEqual([
      '2026-07-28T21:59:59.999Z',
      '2026-12-28T22:59:59.999Z',
      '2026-03-28T22:59:59.999Z',
      '2026-03-29T21:59:59.999Z',
      '2026-10-25T22:59:59.999Z',
    ]);
  });

  it('runs a term past weekends and holidays to the next working day', () => {
    expect(isWorkingDay('2026-04-28')).toBe(true);
    expect(termEndDate('2026-12-24', 1)).toBe('2026-12-28');
    expect(termEndDate('2026-03-02', 56)).toBe('2026-04-28');
  });
});
