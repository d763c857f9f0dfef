import type { StudySession } from '@santong/contract';

/** Typed i18n keys of the study enums. */
export const studyLabel = {
  kind: (k: StudySession['kind']) => `study.kind.${k}` as const,
};

export const kindColor: Record<StudySession['kind'], string> = { central_group: 'red', reading_class: 'volcano', seminar: 'blue', branch_study: 'green' };

export const trackColor = (track: 'party' | 'business') => (track === 'party' ? 'red' : 'blue');
