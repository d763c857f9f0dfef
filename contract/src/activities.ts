import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';

/** 同落实 platforms (S7): forums, 座谈会, competitions, 双带头人 studio activities, practice. */
export const activityKinds = ['forum', 'seminar', 'competition', 'studio', 'practice', 'other'] as const;
export const activityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof activityKind>;

export const activityGoal = z.object({ id: z.uuid(), name: z.string(), track: z.enum(['party', 'business']) });

export const activity = z
  .object({
    id: z.uuid(),
    kind: activityKind,
    title: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    heldOn: isoDate,
    participants: z.number().int(),
    summary: z.string().nullable(),
    campaignId: z.uuid().nullable(),
    /** the 双带头人 studio (an innovation project) the activity belongs to */
    projectId: z.uuid().nullable(),
    projectTitle: z.string().nullable(),
    goals: z.array(activityGoal),
    fileCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof activity>;

const activityFields = {
  kind: activityKind,
  title: text(200),
  unitId: z.uuid(),
  heldOn: isoDate,
  participants: z.number().int().min(0).max(100000),
  summary: optionalText(5000),
  campaignId: z.uuid().nullish(),
  projectId: z.uuid().nullish(),
  goalIds: z.array(z.uuid()).max(50),
};
export const activityCreate = z
  .object({ ...activityFields, participants: activityFields.participants.default(0), goalIds: activityFields.goalIds.default([]) })
  .strict();
export const activityUpdate = z.object(activityFields).partial().extend({ version: z.number().int() }).strict();

const activityFilter = {
  kind: activityKind.optional(),
  unitId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  goalId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  from: isoDate.optional().describe('held on or after'),
  to: isoDate.optional().describe('held on or before'),
  q: z.string().trim().max(100).optional(),
};
export const activityListQuery = z.object({ ...pageQuery, ...activityFilter }).strict();
export const activityExportQuery = activityListQuery.omit({ page: true, pageSize: true });
export const activityList = listOf(activity);

export const activityStatsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), unitId: z.uuid().optional() }).strict();
const activityCount = { count: z.number().int(), participants: z.number().int() };
export const activityStats = z
  .object({
    total: z.object(activityCount),
    byKind: z.array(z.object({ kind: activityKind, ...activityCount })),
    byUnit: z.array(z.object({ unitId: z.uuid(), name: z.string(), ...activityCount })),
  })
  .meta({ id: 'ActivityStats' });
export type ActivityStats = z.infer<typeof activityStats>;
