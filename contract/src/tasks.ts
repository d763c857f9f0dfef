import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';

/** The task breakdown of a campaign (同部署): campaign → task → subtask, any depth. */
export const taskCategories = ['study', 'research', 'lecture', 'activity', 'institution', 'project', 'rectification', 'other'] as const;
export const taskStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const ragValues = ['red', 'amber', 'green', 'none'] as const;
export const taskRecurrences = ['none', 'weekly', 'monthly'] as const;
export const extensionStatuses = ['pending', 'approved', 'rejected'] as const;
export const taskGoalTracks = ['party', 'business'] as const;

export const taskCategory = z.enum(taskCategories);
export const taskStatus = z.enum(taskStatuses);
export const ragValue = z.enum(ragValues);
export const taskRecurrence = z.enum(taskRecurrences);

export const taskGoalRef = z.object({ id: z.uuid(), track: z.enum(taskGoalTracks), code: z.string().nullable(), name: z.string() });
export const taskUnitRef = z.object({ id: z.uuid(), name: z.string() });

/** What the caller may do with this task, so the UI does not re-derive permissions. */
export const taskAbilities = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  issue: z.boolean(),
  sign: z.boolean(),
  requestExtension: z.boolean(),
  decideExtension: z.boolean(),
  comment: z.boolean(),
  generate: z.boolean(),
});

export const task = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    parentId: z.uuid().nullable(),
    parentTitle: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    category: taskCategory,
    ownerUnitId: z.uuid(),
    ownerUnitName: z.string(),
    coUnitIds: z.array(z.uuid()),
    coUnits: z.array(taskUnitRef),
    responsiblePersonId: z.uuid().nullable(),
    responsiblePersonName: z.string().nullable(),
    startDate: z.string(),
    dueDate: z.string(),
    weight: z.number(),
    status: taskStatus,
    progress: z.number().int(),
    fused: z.boolean(),
    rag: ragValue,
    goalIds: z.array(z.uuid()),
    goals: z.array(taskGoalRef),
    issuedAt: z.string().nullable(),
    signedAt: z.string().nullable(),
    signedByName: z.string().nullable(),
    unsignedOverdue: z.boolean(),
    lastReportAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    recurrence: taskRecurrence,
    recurrenceOf: z.uuid().nullable(),
    recurrenceKey: z.string().nullable(),
    extensionCount: z.number().int(),
    pendingExtension: z.boolean(),
    childCount: z.number().int(),
    followed: z.boolean(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    can: taskAbilities,
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof task>;

const ids = (max: number) => z.array(z.uuid()).max(max);

export const taskInput = z
  .object({
    campaignId: z.uuid().optional().describe('required for a top-level task; a subtask takes its parent’s campaign'),
    parentId: z.uuid().nullable().optional(),
    title: text(200),
    description: optionalText(4000),
    category: taskCategory,
    ownerUnitId: z.uuid(),
    coUnitIds: ids(50).optional(),
    responsiblePersonId: z.uuid().nullable().optional(),
    startDate: isoDate,
    dueDate: isoDate,
    weight: z.number().min(0).max(1000).optional(),
    status: taskStatus.optional(),
    progress: z.number().int().min(0).max(100).optional(),
    goalIds: ids(50).optional(),
    recurrence: taskRecurrence.optional(),
    sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
export const taskCreate = taskInput;
export const taskUpdate = taskInput
  .partial()
  .extend({ version: z.number().int() })
  .strict();
export type TaskCreate = z.infer<typeof taskCreate>;
export type TaskUpdate = z.infer<typeof taskUpdate>;

const flag = z.enum(['true', 'false']).optional();

export const taskFilterQuery = {
  campaignId: z.uuid().optional(),
  parentId: z.uuid().optional().describe('children of this task'),
  root: flag.describe('top-level tasks of your view (a task whose parent is outside your scope counts as top-level)'),
  unitId: z.uuid().optional().describe('owner unit or co-unit'),
  subtree: flag.describe('with unitId: include the unit’s sub-units'),
  ownerUnitId: z.uuid().optional().describe('owner unit only (the cockpit’s per-unit figures link here)'),
  leaderId: z.uuid().optional().describe('responsible person'),
  status: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/).optional().describe('one or more statuses, comma separated'),
  rag: z.string().regex(/^[a-z]+(,[a-z]+)*$/).optional().describe('red, amber, green or none; comma separated'),
  goalId: z.uuid().optional(),
  category: taskCategory.optional(),
  fused: flag,
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  followed: flag.describe('followed by me'),
  unsigned: flag.describe('issued and not yet signed'),
  unsignedOverdue: flag.describe('issued, unsigned for more than 2 days'),
  q: z.string().trim().max(100).optional(),
};
export const taskListQuery = z.object({ ...pageQuery, ...taskFilterQuery }).strict();
export const taskExportQuery = taskListQuery.omit({ page: true, pageSize: true });
export type TaskListQuery = z.infer<typeof taskListQuery>;
export const taskList = listOf(task);

export const taskExtension = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    taskTitle: z.string(),
    requestedBy: z.uuid(),
    requestedByName: z.string().nullable(),
    oldDueDate: z.string(),
    newDueDate: z.string(),
    reason: z.string(),
    status: z.enum(extensionStatuses),
    decidedByName: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'TaskExtension' });
export type TaskExtension = z.infer<typeof taskExtension>;
export const taskExtensionCreate = z.object({ newDueDate: isoDate, reason: text(1000) }).strict();
export const taskExtensionDecision = z.object({ note: optionalText(1000) }).strict();
export const taskExtensionList = listOf(taskExtension);
export const taskExtensionQuery = z
  .object({ status: z.enum(extensionStatuses).optional(), campaignId: z.uuid().optional() })
  .strict();

const countRow = { count: z.number().int(), approved: z.number().int(), rejected: z.number().int(), pending: z.number().int() };
export const taskExtensionStats = z.object({
  byTask: z.array(z.object({ taskId: z.uuid(), title: z.string(), unitName: z.string(), ...countRow })),
  byUnit: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), ...countRow })),
});
export type TaskExtensionStats = z.infer<typeof taskExtensionStats>;
export const taskCampaignQuery = z.object({ campaignId: z.uuid().optional() }).strict();

export const fusionNumbers = z.object({ total: z.number().int(), fused: z.number().int(), ratio: z.number(), weightedRatio: z.number() });
export const fusionReport = z
  .object({
    overall: fusionNumbers,
    byCampaign: z.array(fusionNumbers.extend({ campaignId: z.uuid(), title: z.string() })),
    byUnit: z.array(fusionNumbers.extend({ unitId: z.uuid(), unitName: z.string() })),
  })
  .meta({ id: 'FusionReport' });
export type FusionReport = z.infer<typeof fusionReport>;

export const taskComment = z.object({ id: z.uuid(), taskId: z.uuid(), authorName: z.string(), body: z.string(), createdAt: z.string(), mine: z.boolean() });
export type TaskComment = z.infer<typeof taskComment>;
export const taskCommentCreate = z.object({ body: text(2000) }).strict();
export const taskCommentList = listOf(taskComment);

export const taskFollowResult = z.object({ followed: z.boolean() });
export const taskGenerateBody = z.object({ until: isoDate.optional() }).strict();
export const taskGenerateResult = z.object({ created: z.number().int(), keys: z.array(z.string()) });
export const taskImportQuery = z.object({ campaignId: z.uuid().optional() }).strict();
