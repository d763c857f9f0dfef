import type { ActivityKind } from '@santong/contract';

/** Typed i18n keys of the activity kinds. */
export const activityLabel = { kind: (k: ActivityKind) => `activity.kind.${k}` as const };

export const kindColor: Record<ActivityKind, string> = { forum: 'geekblue', seminar: 'cyan', competition: 'orange', studio: 'purple', practice: 'green', other: 'default' };
