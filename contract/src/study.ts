import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';

/** 中心组学习, 读书班, 专题研讨, 支部学习 (S4). */
export const studyKinds = ['central_group', 'reading_class', 'seminar', 'branch_study'] as const;
export const studyKind = z.enum(studyKinds);

export const studyGoal = z.object({ id: z.uuid(), name: z.string(), track: z.enum(['party', 'business']) });
export type StudyGoal = z.infer<typeof studyGoal>;

export const studyAttendee = z.object({
  personId: z.uuid(),
  name: z.string(),
  unitName: z.string(),
  attended: z.boolean(),
});
export type StudyAttendee = z.infer<typeof studyAttendee>;

export const studySession = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid().nullable(),
    kind: studyKind,
    title: z.string(),
    heldOn: isoDate,
    hostUnitId: z.uuid(),
    hostUnitName: z.string(),
    location: z.string().nullable(),
    summary: z.string().nullable(),
    goals: z.array(studyGoal),
    /** people on the list, people who came, and came / on the list (0..1) */
    attendeeCount: z.number().int(),
    attendedCount: z.number().int(),
    attendanceRate: z.number(),
    minutesCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StudySession' });
export type StudySession = z.infer<typeof studySession>;

export const studySessionDetail = studySession.extend({ attendees: z.array(studyAttendee) }).meta({ id: 'StudySessionDetail' });
export type StudySessionDetail = z.infer<typeof studySessionDetail>;

const attendeeInput = z.object({ personId: z.uuid(), attended: z.boolean().default(true) }).strict();

const studyFields = {
  kind: studyKind,
  title: text(200),
  heldOn: isoDate,
  hostUnitId: z.uuid(),
  location: optionalText(200),
  summary: optionalText(5000),
  campaignId: z.uuid().nullish(),
  attendees: z.array(attendeeInput).max(2000),
  goalIds: z.array(z.uuid()).max(50),
};
export const studySessionCreate = z
  .object({ ...studyFields, attendees: studyFields.attendees.default([]), goalIds: studyFields.goalIds.default([]) })
  .strict();
export const studySessionUpdate = z.object(studyFields).partial().extend({ version: z.number().int() }).strict();

export const studySessionListQuery = z
  .object({
    ...pageQuery,
    kind: studyKind.optional(),
    hostUnitId: z.uuid().optional(),
    campaignId: z.uuid().optional(),
    goalId: z.uuid().optional(),
    from: isoDate.optional().describe('held on or after'),
    to: isoDate.optional().describe('held on or before'),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export const studySessionExportQuery = studySessionListQuery.omit({ page: true, pageSize: true });
export const studySessionList = listOf(studySession);
