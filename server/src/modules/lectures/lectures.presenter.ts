import type { Lecture, LectureStats } from '@santong/contract';
import type { LectureRow, TotalRow } from './lectures.repo.js';
import { iso } from '../study/refs.repo.js';

export function presentLecture(r: LectureRow): Lecture {
  return {
    id: r.id,
    campaignId: r.campaignId,
    lecturerPersonId: r.lecturerPersonId,
    lecturerName: r.lecturerName,
    lecturerTitle: r.lecturerTitle,
    audienceUnitId: r.audienceUnitId,
    audienceUnitName: r.audienceUnitName,
    heldOn: r.heldOn,
    topic: r.topic,
    audienceCount: r.audienceCount,
    location: r.location,
    materialsCount: r.materialsCount,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function presentStats(t: { byLecturer: TotalRow[]; byUnit: TotalRow[] }): LectureStats {
  const sum = (rows: TotalRow[]) => rows.reduce((a, r) => ({ count: a.count + r.count, audience: a.audience + r.audience }), { count: 0, audience: 0 });
  return {
    total: sum(t.byLecturer),
    byLecturer: t.byLecturer.map((r) => ({ personId: r.id, name: r.name, count: r.count, audience: r.audience })),
    byUnit: t.byUnit.map((r) => ({ unitId: r.id, name: r.name, count: r.count, audience: r.audience })),
  };
}
