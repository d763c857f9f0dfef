/**
 * Schedules as pure functions of an instant and a time zone: each returns the
 * key of the period that is due at `now`, or null before the period's start
 * time. A job runs once per key, so a server that was down at the start time
 * still runs the period's job when it is back within the period.
 */
export type Schedule = (now: Date, timeZone: string) => string | null;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: Monday 1 … Sunday 7 */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock parts of an instant in a time zone (IANA name). */
export function localParts(now: Date, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(now).map((x) => [x.type, x.value]));
  const year = Number(p.year);
  const month = Number(p.month);
  const day = Number(p.day);
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return { year, month, day, hour: Number(p.hour), minute: Number(p.minute), weekday };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 week of a calendar date, e.g. "2026-W48". */
export function isoWeekOf(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const weekYear = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86400000));
  return `${weekYear}-W${pad(week)}`;
}

/** The Monday (YYYY-MM-DD) of an ISO week key. */
export function mondayOfIsoWeek(key: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) throw new Error(`not an ISO week: ${key}`);
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (Number(m[2]) - 1) * 7 * 86400000);
  return monday.toISOString().slice(0, 10);
}

/** Due every ISO week from `weekday` at `hour`:00 local time (default Monday 08:00). */
export function weekly(weekday = 1, hour = 8): Schedule {
  return (now, tz) => {
    const p = localParts(now, tz);
    if (p.weekday < weekday || (p.weekday === weekday && p.hour < hour)) return null;
    return isoWeekOf(p.year, p.month, p.day);
  };
}

/** Due every day from `hour`:00 local time; the key is the local date. */
export function daily(hour = 8): Schedule {
  return (now, tz) => {
    const p = localParts(now, tz);
    if (p.hour < hour) return null;
    return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  };
}
