import { z } from 'zod';
import { attachment, isoDate, listOf, optionalText, pageQuery, text } from './common.js';
import { taskStatus } from './tasks.js';

/**
 * Progress reports (同落实): a liaison reports on a task, an inspector or the
 * office approves it or returns it with a comment; a returned report is
 * corrected and resubmitted. Approved reports move the task's progress.
 */
export const progressReportStatuses = ['submitted', 'returned', 'approved'] as const;
export const progressReportActions = ['submit', 'return', 'resubmit', 'approve'] as const;
export const progressReportStatus = z.enum(progressReportStatuses);
export const progressReportAction = z.enum(progressReportActions);
export type ProgressReportStatus = (typeof progressReportStatuses)[number];
export type ProgressReportAction = (typeof progressReportActions)[number];

/** What the caller may do with this report, so the UI does not re-derive it. */
export const progressReportAbilities = z.object({
  resubmit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  attach: z.boolean(),
});

export const progressReportEvent = z
  .object({
    id: z.uuid(),
    action: progressReportAction,
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    comment: z.string().nullable(),
    revision: z.number().int().nullable(),
    progress: z.number().int().nullable(),
    at: z.string(),
  })
  .meta({ id: 'ProgressReportEvent' });
export type ProgressReportEvent = z.infer<typeof progressReportEvent>;

export const progressReport = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    taskTitle: z.string(),
    taskStatus,
    taskProgress: z.number().int(),
    taskDueDate: z.string(),
    ownerUnitId: z.uuid(),
    ownerUnitName: z.string(),
    reporterId: z.uuid(),
    reporterName: z.string(),
    progress: z.number().int(),
    doneText: z.string(),
    problems: z.string().nullable(),
    nextSteps: z.string().nullable(),
    status: progressReportStatus,
    revision: z.number().int(),
    reviewerId: z.uuid().nullable(),
    reviewerName: z.string().nullable(),
    reviewComment: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    submittedAt: z.string(),
    createdAt: z.string(),
    version: z.number().int(),
    evidence: z.array(attachment),
    can: progressReportAbilities,
  })
  .meta({ id: 'ProgressReport' });
export type ProgressReport = z.infer<typeof progressReport>;

/** A report with every submit / return / resubmit / approve, oldest first. */
export const progressReportDetail = progressReport.extend({ events: z.array(progressReportEvent) }).meta({ id: 'ProgressReportDetail' });
export type ProgressReportDetail = z.infer<typeof progressReportDetail>;

const reportFields = {
  progress: z.number().int().min(0).max(100).describe('percent complete, 0–100'),
  doneText: text(4000).describe('what was done'),
  problems: optionalText(2000),
  nextSteps: optionalText(2000),
};
export const progressReportCreate = z.object({ taskId: z.uuid(), ...reportFields }).strict();
export type ProgressReportCreate = z.infer<typeof progressReportCreate>;
/** Correct a returned report: it goes back to review as the next revision. */
export const progressReportUpdate = z.object(reportFields).partial().extend({ version: z.number().int() }).strict();
export type ProgressReportUpdate = z.infer<typeof progressReportUpdate>;
export const progressReportApprove = z.object({ comment: optionalText(1000) }).strict();
export const progressReportReturn = z.object({ comment: text(1000).describe('what to correct') }).strict();

const reportFilters = {
  taskId: z.uuid().optional(),
  status: z
    .string()
    .regex(/^(submitted|returned|approved)(,(submitted|returned|approved))*$/)
    .optional()
    .describe('comma-separated statuses'),
  unitId: z.uuid().optional().describe("the task's owner unit"),
  campaignId: z.uuid().optional(),
  reporterId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).optional().describe('only reports I submitted'),
  from: isoDate.optional().describe('submitted on or after'),
  to: isoDate.optional().describe('submitted on or before'),
  q: z.string().trim().max(100).optional().describe('task title or report text'),
};
export const progressReportListQuery = z.object({ ...pageQuery, ...reportFilters }).strict();
export type ProgressReportListQuery = z.infer<typeof progressReportListQuery>;
export const progressReportExportQuery = progressReportListQuery.omit({ page: true, pageSize: true });
export const progressReportList = listOf(progressReport);
export const taskReportHistory = z.object({ items: z.array(progressReportDetail) }).meta({ id: 'TaskReportHistory' });
export const taskIdParams = z.object({ taskId: z.uuid() }).strict();
