/** ISO weeks in the browser, the same rules as the server's platform/jobs/periods.ts. */
const pad = (n: number) => String(n).padStart(2, '0');

/** ISO week key ("2026-W48") of a calendar date given as YYYY-MM-DD. */
export function isoWeekOf(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + 3);
  const weekYear = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  return `${weekYear}-W${pad(1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86400000)))}`;
}

/** The Monday (YYYY-MM-DD) of a week key. */
export function mondayOf(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return '';
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  return new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (Number(m[2]) - 1) * 7 * 86400000).toISOString().slice(0, 10);
}

export const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

export const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
