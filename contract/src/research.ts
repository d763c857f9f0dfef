import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';

/** 调研 (S5): a topic moves forward only, one step at a time. */
export const researchStatuses = ['proposed', 'approved', 'in_progress', 'reported', 'closed'] as const;
export const researchStatus = z.enum(researchStatuses);
export type ResearchStatus = z.infer<typeof researchStatus>;

/** The rectification task a problem became, as the topic page shows it. */
export const rectificationTask = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  progress: z.number().int(),
  startDate: isoDate,
  dueDate: isoDate,
  ownerUnitName: z.string(),
  done: z.boolean(),
});
export type RectificationTask = z.infer<typeof rectificationTask>;

export const researchProblem = z
  .object({
    id: z.uuid(),
    topicId: z.uuid(),
    description: z.string(),
    ownerUnitId: z.uuid().nullable(),
    ownerUnitName: z.string().nullable(),
    rectificationTaskId: z.uuid().nullable(),
    task: rectificationTask.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ResearchProblem' });
export type ResearchProblem = z.infer<typeof researchProblem>;

export const researchTopic = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid().nullable(),
    title: z.string(),
    problemArea: z.string(),
    leaderPersonId: z.uuid(),
    leaderName: z.string(),
    status: researchStatus,
    units: z.array(z.object({ id: z.uuid(), name: z.string() })),
    reportDocument: z.object({ id: z.uuid(), title: z.string(), docNo: z.string().nullable() }).nullable(),
    findings: z.string().nullable(),
    /** problems found, problems turned into tasks, and those tasks done */
    problemCount: z.number().int(),
    rectifiedCount: z.number().int(),
    doneCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ResearchTopic' });
export type ResearchTopic = z.infer<typeof researchTopic>;

export const researchTopicDetail = researchTopic.extend({ problems: z.array(researchProblem) }).meta({ id: 'ResearchTopicDetail' });
export type ResearchTopicDetail = z.infer<typeof researchTopicDetail>;

const topicFields = {
  title: text(200),
  problemArea: text(200),
  leaderPersonId: z.uuid(),
  unitIds: z.array(z.uuid()).min(1).max(50),
  campaignId: z.uuid().nullish(),
  reportDocumentId: z.uuid().nullish(),
  findings: optionalText(10000),
};
export const researchTopicCreate = z.object(topicFields).strict();
export const researchTopicUpdate = z
  .object({ ...topicFields, status: researchStatus })
  .partial()
  .extend({ version: z.number().int() })
  .strict();

export const researchTopicListQuery = z
  .object({
    ...pageQuery,
    status: researchStatus.optional(),
    leaderPersonId: z.uuid().optional(),
    unitId: z.uuid().optional(),
    campaignId: z.uuid().optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export const researchTopicExportQuery = researchTopicListQuery.omit({ page: true, pageSize: true });
export const researchTopicList = listOf(researchTopic);

export const researchProblemCreate = z.object({ description: text(2000), ownerUnitId: z.uuid() }).strict();
export const researchProblemUpdate = z.object({ description: text(2000), ownerUnitId: z.uuid() }).partial().strict();

/** One step from a problem to a rectification task (category 'rectification'). */
export const rectifyInput = z
  .object({ title: text(200).optional(), dueDate: isoDate, responsiblePersonId: z.uuid().nullish() })
  .strict();
export const rectifyResult = z.object({ problem: researchProblem, task: rectificationTask });
