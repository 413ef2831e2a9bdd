/**
 * Statutory decision deadlines, counted on calendar dates in Europe/Amsterdam (Awb 4:13: "binnen
 * acht weken na ontvangst") and extended by the Algemene termijnenwet: a term that ends on a
 * Saturday, a Sunday or a general holiday (Atw art. 3) ends on the next day that is none of those.
 */

const ZONE = 'Europe/Amsterdam';
const DAY_MS = 86_400_000;
const dateInZone = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const wallClockInZone = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/** The calendar date (YYYY-MM-DD) in Amsterdam at an instant. */
export function amsterdamDate(iso: string): string {
  return dateInZone.format(new Date(iso));
}

function toUtcDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function fromUtcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return fromUtcDay(toUtcDay(date) + days * DAY_MS);
}

/** Easter Sunday (Gregorian; anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromUtcDay(Date.UTC(year, month - 1, day));
}

/** Atw art. 3(1): New Year's Day, Easter Monday, Ascension Day, Whit Monday, both Christmas days, King's Day and 5 May (every year). */
export function generalHolidays(year: number): string[] {
  const easter = easterSunday(year);
  // King's Day moves to the 26th when the 27th is a Sunday.
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return [`${year}-01-01`, addCalendarDays(easter, 1), addCalendarDays(easter, 39), addCalendarDays(easter, 50), kingsDay, `${year}-05-05`, `${year}-12-25`, `${year}-12-26`].sort();
}

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(toUtcDay(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !generalHolidays(Number(date.slice(0, 4))).includes(date);
}

/** The last instant (ISO, UTC) of a calendar day in Amsterdam. */
export function endOfAmsterdamDay(date: string): string {
  const nextMidnightUtc = toUtcDay(addCalendarDays(date, 1));
  // Amsterdam changes its clocks at 02:00/03:00, never around midnight: the offset an hour earlier is the one at midnight.
  const probe = new Date(nextMidnightUtc - 3_600_000);
  const parts = Object.fromEntries(wallClockInZone.formatToParts(probe).map((p) => [p.type, p.value]));
  const wallClock = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = wallClock - probe.getTime();
  return new Date(nextMidnightUtc - offset - 1).toISOString();
}

/** The day a term of `days` days ends, counted from the day after `fromDate`, moved past weekends and general holidays. */
export function termEndDate(fromDate: string, days: number): string {
  let end = addCalendarDays(fromDate, days);
  while (!isWorkingDay(end)) end = addCalendarDays(end, 1);
  return end;
}

/** The deadline instant: the end of the (Atw-extended) last day of the term in Amsterdam. */
export function statutoryDeadline(fromDate: string, days: number): string {
  return endOfAmsterdamDay(termEndDate(fromDate, days));
}
