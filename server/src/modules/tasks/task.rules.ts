/** Pure rules of the task breakdown: red/amber/green status and the fusion ratio. */

export type Rag = 'red' | 'amber' | 'green' | 'none';

/** Tenant settings (tenants.settings.rag); every threshold can be changed per tenant. */
export interface RagSettings {
  /** amber when due within this many days … */
  dueSoonDays: number;
  /** … and progress below this percentage */
  dueSoonProgress: number;
  /** amber when no progress report for this many days */
  staleDays: number;
  /** red when progress trails the share of time elapsed by this many points */
  behindPoints: number;
}

export const defaultRagSettings: RagSettings = { dueSoonDays: 7, dueSoonProgress: 80, staleDays: 14, behindPoints: 30 };

export interface RagInput {
  status: string;
  progress: number;
  startDate: string;
  dueDate: string;
  lastReportAt: Date | null;
}

const DAY = 86_400_000;
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * Midnight UTC of a YYYY-MM-DD date, in ms (as Date.parse(`${iso}T00:00:00Z`), which
 * costs several times more: sheets and lists call this for thousands of tasks).
 */
export function dayStart(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Date.parse(`${iso}T00:00:00Z`);
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const month = digit(iso, 5) * 10 + digit(iso, 6);
  const day = digit(iso, 8) * 10 + digit(iso, 9);
  // days from 1970-01-01 in the proleptic Gregorian calendar (years start in March, so leap days come last)
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146_097 + dayOfEra - 719_468) * DAY;
}

/** Midnight UTC of the day of an instant, in ms. */
export const utcDayStart = (d: Date) => Math.floor(d.getTime() / DAY) * DAY;

/**
 * red: overdue, or far behind the time elapsed; amber: due within N days below
 * M%, or no report for K days; green otherwise. Done and cancelled tasks have
 * no colour. `today` is a date in the tenant's time zone (YYYY-MM-DD).
 */
export function ragStatus(t: RagInput, today: string, s: RagSettings = defaultRagSettings): Rag {
  if (t.status === 'done' || t.status === 'cancelled') return 'none';
  const now = dayStart(today);
  const start = dayStart(t.startDate);
  const due = dayStart(t.dueDate);
  if (now > due) return 'red';
  if (now > start) {
    const span = Math.max(due - start, DAY);
    const elapsedPct = Math.min(100, ((now - start) / span) * 100);
    if (elapsedPct - t.progress >= s.behindPoints) return 'red';
  }
  if ((due - now) / DAY <= s.dueSoonDays && t.progress < s.dueSoonProgress) return 'amber';
  if (now >= start) {
    const last = t.lastReportAt ? utcDayStart(t.lastReportAt) : start;
    if ((now - last) / DAY >= s.staleDays) return 'amber';
  }
  return 'green';
}

export interface FusionInput {
  weight: number;
  tracks: readonly ('party' | 'business')[];
  status?: string;
}

/** A task linked to at least one party goal and one business goal is fused. */
export const isFused = (tracks: readonly string[]) => tracks.includes('party') && tracks.includes('business');

export interface FusionRatio {
  total: number;
  fused: number;
  ratio: number;
  weightedRatio: number;
}

/** Fused tasks / all tasks (cancelled ones left out), plain and weighted; 0 when there are none. */
export function fusionRatio(tasks: readonly FusionInput[]): FusionRatio {
  const counted = tasks.filter((t) => t.status !== 'cancelled');
  const fused = counted.filter((t) => isFused(t.tracks));
  const w = (list: readonly FusionInput[]) => list.reduce((sum, t) => sum + t.weight, 0);
  const totalWeight = w(counted);
  return {
    total: counted.length,
    fused: fused.length,
    ratio: counted.length ? fused.length / counted.length : 0,
    weightedRatio: totalWeight > 0 ? w(fused) / totalWeight : 0,
  };
}

// one formatter per time zone: building one costs more than the request's own work on a task
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f.format(now);
}
