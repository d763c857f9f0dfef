import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';

/** 党课 (S6): who lectured whom, when, to how many. */
export const lecture = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid().nullable(),
    lecturerPersonId: z.uuid(),
    lecturerName: z.string(),
    lecturerTitle: z.string().nullable(),
    audienceUnitId: z.uuid(),
    audienceUnitName: z.string(),
    heldOn: isoDate,
    topic: z.string(),
    audienceCount: z.number().int(),
    location: z.string().nullable(),
    materialsCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Lecture' });
export type Lecture = z.infer<typeof lecture>;

const lectureFields = {
  lecturerPersonId: z.uuid(),
  audienceUnitId: z.uuid(),
  heldOn: isoDate,
  topic: text(200),
  audienceCount: z.number().int().min(1).max(100000),
  location: optionalText(200),
  campaignId: z.uuid().nullish(),
};
export const lectureCreate = z.object(lectureFields).strict();
export const lectureUpdate = z.object(lectureFields).partial().extend({ version: z.number().int() }).strict();

const lectureFilters = {
  lecturerPersonId: z.uuid().optional(),
  audienceUnitId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  from: isoDate.optional().describe('held on or after'),
  to: isoDate.optional().describe('held on or before'),
  q: z.string().trim().max(100).optional(),
};
export const lectureListQuery = z.object({ ...pageQuery, ...lectureFilters }).strict();
export const lectureExportQuery = lectureListQuery.omit({ page: true, pageSize: true });
export const lectureStatsQuery = z.object(lectureFilters).strict();
export const lectureList = listOf(lecture);

const lectureTotal = { count: z.number().int(), audience: z.number().int() };
export const lectureStats = z
  .object({
    total: z.object(lectureTotal),
    byLecturer: z.array(z.object({ personId: z.uuid(), name: z.string(), ...lectureTotal })),
    byUnit: z.array(z.object({ unitId: z.uuid(), name: z.string(), ...lectureTotal })),
  })
  .meta({ id: 'LectureStats' });
export type LectureStats = z.infer<typeof lectureStats>;
