import { z } from 'zod';
import { listOf, optionalText, text } from './common.js';

/** Two goal tracks (S4): party goals and business goals, each a tree. */
export const goalTracks = ['party', 'business'] as const;
export const goalTrack = z.enum(goalTracks);

export const goal = z
  .object({
    id: z.uuid(),
    track: goalTrack,
    parentId: z.uuid().nullable(),
    code: z.string().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    /** tasks and study sessions linked to this goal */
    taskCount: z.number().int(),
    studyCount: z.number().int(),
  })
  .meta({ id: 'Goal' });
export type Goal = z.infer<typeof goal>;

const code = z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');

export const goalCreate = z
  .object({
    track: goalTrack,
    parentId: z.uuid().nullish(),
    code: code.nullish(),
    name: text(100),
    description: optionalText(1000),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .strict();
export const goalUpdate = goalCreate.omit({ track: true }).partial().extend({ version: z.number().int() }).strict();

export const goalListQuery = z.object({ track: goalTrack.optional(), q: z.string().trim().max(100).optional() }).strict();
export const goalList = listOf(goal);
