import { researchStatuses, type ResearchStatus } from '@santong/contract';

/** Pure rules of research topics: a topic moves forward one step at a time. */

export function nextStatus(s: ResearchStatus): ResearchStatus | null {
  const i = researchStatuses.indexOf(s);
  return i >= 0 && i + 1 < researchStatuses.length ? researchStatuses[i + 1] : null;
}

/** Staying put is no change; otherwise only the next step is allowed (no going back, no skipping). */
export function canMove(from: ResearchStatus, to: ResearchStatus): boolean {
  return from === to || nextStatus(from) === to;
}

/** The default title of the rectification task a problem becomes. */
export function rectificationTitle(description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  const short = [...flat].length > 60 ? `${[...flat].slice(0, 60).join('')}…` : flat;
  return `整改：${short}`;
}
