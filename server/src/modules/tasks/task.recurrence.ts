/** Periods of a recurring task: one instance per month ('2026-07') or ISO week ('2026-W27'). */

export type Recurrence = 'weekly' | 'monthly';

export interface Period {
  key: string;
  startDate: string;
  dueDate: string;
}

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

/** ISO 8601 week key of a date: the week belongs to the year of its Thursday. */
export function isoWeekKey(iso: string): string {
  const d = toDate(iso);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(d.getTime() + (3 - dow) * DAY);
  const year = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - Date.UTC(year, 0, 1)) / DAY;
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodKey(iso: string, recurrence: Recurrence): string {
  return recurrence === 'monthly' ? iso.slice(0, 7) : isoWeekKey(iso);
}

/** The calendar period (month, or Monday–Sunday week) holding a date. */
function periodOf(iso: string, recurrence: Recurrence): { start: Date; end: Date } {
  const d = toDate(iso);
  if (recurrence === 'monthly') {
    return { start: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)), end: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)) };
  }
  const start = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  return { start, end: new Date(start.getTime() + 6 * DAY) };
}

/**
 * The periods from `from` to `to` (inclusive), each clipped to that range, so
 * every instance stays inside its template's dates. At most `limit` periods.
 */
export function periodsBetween(from: string, to: string, recurrence: Recurrence, limit = 400): Period[] {
  const out: Period[] = [];
  let cursor = from;
  while (cursor <= to && out.length < limit) {
    const { start, end } = periodOf(cursor, recurrence);
    const s = toIso(start) < from ? from : toIso(start);
    const e = toIso(end) > to ? to : toIso(end);
    out.push({ key: periodKey(cursor, recurrence), startDate: s, dueDate: e });
    cursor = toIso(new Date(end.getTime() + DAY));
  }
  return out;
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  return toIso(new Date(toDate(iso).getTime() + days * DAY));
}
