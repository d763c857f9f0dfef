import type { CheckResult } from '@santong/contract';

/** Pure rules of supervision checks. */

/** A partial or failed check needs a rectification task. */
export const needsRectification = (result: CheckResult): boolean => result === 'partial' || result === 'fail';

/** An indicator applies to a unit when it names the unit's kind, or names no kinds at all. */
export const appliesTo = (unitKinds: readonly string[], kind: string): boolean => unitKinds.length === 0 || unitKinds.includes(kind);

const DAY = 86_400_000;

/** The default rectification deadline: 30 days after the later of the check and today. */
export function defaultRectificationDue(checkedOn: string, today: string): string {
  const from = checkedOn > today ? checkedOn : today;
  return new Date(Date.parse(`${from}T00:00:00Z`) + 30 * DAY).toISOString().slice(0, 10);
}

/** A check belongs to its plan's month: its date must fall within or after that month (records may be late), never before. */
export function checkedOnFits(month: string, checkedOn: string): boolean {
  return checkedOn.slice(0, 7) >= month;
}

/** The title of the rectification task a check opens. */
export function rectificationTitleFor(unitName: string, requirement: string): string {
  const flat = requirement.replace(/\s+/g, ' ').trim();
  const short = [...flat].length > 40 ? `${[...flat].slice(0, 40).join('')}…` : flat;
  return `督导整改：${unitName}·${short}`;
}

/** Where the task came from, appended to its description so the task page shows it. */
export function rectificationSource(planTitle: string, month: string, requirement: string, result: CheckResult, comment: string | null | undefined): string {
  const verdict = result === 'fail' ? '不合格' : '部分合格';
  const lines = [comment?.trim() || `督导检查结果：${verdict}`, `（来源：督导检查《${planTitle}》${month}，指标：${requirement}，结果：${verdict}）`];
  return lines.join('\n');
}

/** pass / checks, rounded to four places; 0 when nothing was checked. */
export const passRate = (pass: number, checks: number): number => (checks > 0 ? Math.round((pass / checks) * 10000) / 10000 : 0);
