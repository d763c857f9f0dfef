/**
 * Password expiry (等保 2.0: 定期更换口令). A tenant sets the maximum age in
 * days in its settings (`passwordMaxAgeDays`, default 180, 0 = never); a user
 * whose password is older may sign in, but only to change it.
 */
export const DEFAULT_PASSWORD_MAX_AGE_DAYS = 180;

export function passwordMaxAgeDays(settings: unknown): number {
  const v = (settings as { passwordMaxAgeDays?: unknown } | null)?.passwordMaxAgeDays;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : DEFAULT_PASSWORD_MAX_AGE_DAYS;
}

export function passwordExpired(changedAt: Date, settings: unknown, now = new Date()): boolean {
  const days = passwordMaxAgeDays(settings);
  return days > 0 && now.getTime() - changedAt.getTime() > days * 86_400_000;
}
