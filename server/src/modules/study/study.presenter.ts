import type { StudyAttendee, StudySession, StudySessionDetail } from '@santong/contract';
import type { AttendeeRow, GoalLinkRow, SessionRow } from './study.repo.js';
import { attendanceRate } from './study.rules.js';
import { iso } from './refs.repo.js';

export function presentSession(r: SessionRow, goals: GoalLinkRow[]): StudySession {
  return {
    id: r.id,
    campaignId: r.campaignId,
    kind: r.kind as StudySession['kind'],
    title: r.title,
    heldOn: r.heldOn,
    hostUnitId: r.hostUnitId,
    hostUnitName: r.hostUnitName,
    location: r.location,
    summary: r.summary,
    goals: goals.filter((g) => g.sessionId === r.id).map((g) => ({ id: g.id, name: g.name, track: g.track as 'party' | 'business' })),
    attendeeCount: r.attendeeCount,
    attendedCount: r.attendedCount,
    attendanceRate: attendanceRate(r.attendedCount, r.attendeeCount),
    minutesCount: r.minutesCount,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export const presentAttendee = (a: AttendeeRow): StudyAttendee => ({ personId: a.personId, name: a.name, unitName: a.unitName, attended: a.attended });

export function presentSessionDetail(r: SessionRow, goals: GoalLinkRow[], attendees: AttendeeRow[]): StudySessionDetail {
  return { ...presentSession(r, goals), attendees: attendees.map(presentAttendee) };
}

export const studyKindLabel: Record<string, string> = {
  central_group: '中心组学习',
  reading_class: '读书班',
  seminar: '专题研讨',
  branch_study: '支部学习',
};
