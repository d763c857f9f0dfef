import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';

/** 每周一调度 (S12): the weekly dispatch sheet, its meeting and the follow-up items (督办事项) it decides. */
export const isoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'an ISO week as YYYY-Www');

/** Why a task is on the sheet; a task may have several reasons (an overdue task is also red). */
export const dispatchReasons = ['overdue', 'due_soon', 'red', 'stale'] as const;
export const dispatchReason = z.enum(dispatchReasons);
export type DispatchReason = z.infer<typeof dispatchReason>;

export const dispatchTaskLine = z
  .object({
    taskId: z.uuid(),
    title: z.string(),
    ownerUnitId: z.uuid(),
    ownerUnitName: z.string(),
    responsibleName: z.string().nullable(),
    status: z.string(),
    progress: z.number().int(),
    dueDate: isoDate,
    lastReportAt: z.string().nullable(),
    rag: z.enum(['red', 'amber', 'green', 'none']),
    reasons: z.array(dispatchReason),
  })
  .meta({ id: 'DispatchTaskLine' });
export type DispatchTaskLine = z.infer<typeof dispatchTaskLine>;

export const followUpStatuses = ['open', 'done'] as const;
export const followUpStatus = z.enum(followUpStatuses);
export type FollowUpStatus = z.infer<typeof followUpStatus>;

export const dispatchFollowUpLine = z
  .object({
    id: z.uuid(),
    title: z.string(),
    ownerUnitId: z.uuid(),
    ownerUnitName: z.string(),
    dueDate: isoDate,
    status: followUpStatus,
    /** the week of the meeting that decided it */
    fromWeek: z.string().nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'DispatchFollowUpLine' });
export type DispatchFollowUpLine = z.infer<typeof dispatchFollowUpLine>;

export const dispatchCounts = z.object({
  tasks: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  red: z.number().int(),
  stale: z.number().int(),
  followUps: z.number().int(),
  followUpsOverdue: z.number().int(),
});
export type DispatchCounts = z.infer<typeof dispatchCounts>;

/**
 * A group of lines: one unit, or one responsible leader (分管领导; key null = no leader assigned).
 * Its lines are named by id: each line is sent once, in the sheet's `tasks` and `followUps`
 * (a task under three leaders would otherwise be sent four times); see `groupLines`.
 */
export const dispatchGroup = z.object({
  key: z.string().nullable(),
  name: z.string(),
  /** for leader groups: the units the leader is in charge of that have lines */
  unitNames: z.array(z.string()),
  counts: dispatchCounts,
  /** `taskId`s of the sheet's task lines, in the sheet's order */
  taskIds: z.array(z.uuid()),
  /** `id`s of the sheet's follow-up lines, in the sheet's order */
  followUpIds: z.array(z.uuid()),
});
export type DispatchGroup = z.infer<typeof dispatchGroup>;

export const dispatchSheet = z
  .object({
    campaignId: z.uuid(),
    campaignTitle: z.string(),
    isoWeek,
    /** the week's Monday: the sheet's reference day */
    monday: isoDate,
    generatedAt: z.string(),
    counts: dispatchCounts,
    tasks: z.array(dispatchTaskLine),
    followUps: z.array(dispatchFollowUpLine),
    byUnit: z.array(dispatchGroup),
    byLeader: z.array(dispatchGroup),
  })
  .meta({ id: 'DispatchSheet' });
export type DispatchSheet = z.infer<typeof dispatchSheet>;

/** The lines of a sheet's groups: `linesOf(group)` resolves its ids against the sheet (one index per sheet). */
export function groupLines(sheet: Pick<DispatchSheet, 'tasks' | 'followUps'>) {
  const tasks = new Map(sheet.tasks.map((t) => [t.taskId, t]));
  const followUps = new Map(sheet.followUps.map((f) => [f.id, f]));
  return (g: Pick<DispatchGroup, 'taskIds' | 'followUpIds'>) => ({
    tasks: g.taskIds.flatMap((id) => tasks.get(id) ?? []),
    followUps: g.followUpIds.flatMap((id) => followUps.get(id) ?? []),
  });
}

export const dispatchMeetingSummary = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    campaignTitle: z.string(),
    isoWeek,
    heldOn: isoDate.nullable(),
    chairPersonId: z.uuid().nullable(),
    chairName: z.string().nullable(),
    attendees: z.string().nullable(),
    minutes: z.string().nullable(),
    preparedAt: z.string().nullable(),
    counts: dispatchCounts.nullable(),
    followUpCount: z.number().int(),
    openFollowUpCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'DispatchMeetingSummary' });
export type DispatchMeetingSummary = z.infer<typeof dispatchMeetingSummary>;

export const dispatchMeeting = dispatchMeetingSummary.extend({ sheet: dispatchSheet.nullable() }).meta({ id: 'DispatchMeeting' });
export type DispatchMeeting = z.infer<typeof dispatchMeeting>;

export const dispatchSheetQuery = z.object({ campaignId: z.uuid(), week: isoWeek }).strict();
/** The live sheet for the caller's scope, with the week's meeting when one was prepared. */
export const dispatchSheetResponse = z.object({ sheet: dispatchSheet, meeting: dispatchMeetingSummary.nullable() }).meta({ id: 'DispatchSheetResponse' });
export type DispatchSheetResponse = z.infer<typeof dispatchSheetResponse>;

export const dispatchPrepare = z.object({ campaignId: z.uuid(), isoWeek, refresh: z.boolean().default(false) }).strict();
export const dispatchMeetingUpdate = z
  .object({
    heldOn: isoDate.nullish(),
    chairPersonId: z.uuid().nullish(),
    attendees: optionalText(2000),
    minutes: optionalText(20000),
    version: z.number().int(),
  })
  .strict();
export const dispatchMeetingListQuery = z.object({ ...pageQuery, campaignId: z.uuid().optional() }).strict();
export const dispatchMeetingList = listOf(dispatchMeetingSummary);

export const followUpItem = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    campaignTitle: z.string(),
    meetingId: z.uuid().nullable(),
    meetingWeek: z.string().nullable(),
    title: z.string(),
    ownerUnitId: z.uuid(),
    ownerUnitName: z.string(),
    dueDate: isoDate,
    status: followUpStatus,
    closingNote: z.string().nullable(),
    closedAt: z.string().nullable(),
    overdue: z.boolean(),
    /** whether the caller may close it (owner unit in scope and assess.followup.write) */
    canClose: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'FollowUpItem' });
export type FollowUpItem = z.infer<typeof followUpItem>;

export const followUpCreate = z
  .object({ campaignId: z.uuid(), meetingId: z.uuid().nullish(), title: text(500), ownerUnitId: z.uuid(), dueDate: isoDate })
  .strict();
export const followUpUpdate = z
  .object({ title: text(500), ownerUnitId: z.uuid(), dueDate: isoDate })
  .partial()
  .extend({ version: z.number().int() })
  .strict();
export const followUpClose = z.object({ closingNote: text(2000), version: z.number().int() }).strict();

const followUpFilter = {
  campaignId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  ownerUnitId: z.uuid().optional(),
  status: followUpStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  q: z.string().trim().max(100).optional(),
};
export const followUpListQuery = z.object({ ...pageQuery, ...followUpFilter }).strict();
export const followUpExportQuery = followUpListQuery.omit({ page: true, pageSize: true });
export const followUpList = listOf(followUpItem);
