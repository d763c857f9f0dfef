/** Pure rules of study sessions. */

/** Came / on the list, 0..1 rounded to 4 places; 0 for an empty list. */
export function attendanceRate(attended: number, listed: number): number {
  if (listed <= 0) return 0;
  return Math.round((Math.min(attended, listed) / listed) * 10000) / 10000;
}

/** Counts of a list of attendees: how many were listed and how many came. */
export function attendanceOf(list: readonly { attended: boolean }[]): { attendeeCount: number; attendedCount: number; attendanceRate: number } {
  const attendedCount = list.filter((a) => a.attended).length;
  return { attendeeCount: list.length, attendedCount, attendanceRate: attendanceRate(attendedCount, list.length) };
}
