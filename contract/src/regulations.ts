import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';

/** 立改废 (S8, S11): each version of a regulation is a row; a revision supersedes the version it revises. */
export const regulationCategories = ['party_building', 'administration', 'teaching', 'research', 'student', 'finance', 'logistics', 'other'] as const;
export const regulationCategory = z.enum(regulationCategories);
export const regulationStatuses = ['draft', 'in_force', 'revised', 'abolished'] as const;
export const regulationStatus = z.enum(regulationStatuses);
export type RegulationStatus = z.infer<typeof regulationStatus>;

export const regulation = z
  .object({
    id: z.uuid(),
    seriesId: z.uuid(),
    versionNo: z.number().int(),
    previousId: z.uuid().nullable(),
    title: z.string(),
    docNo: z.string().nullable(),
    ownerUnitId: z.uuid(),
    ownerUnitName: z.string(),
    category: regulationCategory,
    status: regulationStatus,
    effectiveOn: isoDate.nullable(),
    revisedOn: isoDate.nullable(),
    abolishedOn: isoDate.nullable(),
    abolishReason: z.string().nullable(),
    body: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Regulation' });
export type Regulation = z.infer<typeof regulation>;

export const regulationDetail = regulation.extend({ history: z.array(regulation) }).meta({ id: 'RegulationDetail' });
export type RegulationDetail = z.infer<typeof regulationDetail>;

const regulationFields = {
  title: text(200),
  docNo: optionalText(100),
  ownerUnitId: z.uuid(),
  category: regulationCategory,
  body: optionalText(50000),
};
export const regulationCreate = z.object(regulationFields).strict();
/** Only a draft is edited in place; a regulation in force changes through a revision. */
export const regulationUpdate = z.object(regulationFields).partial().extend({ version: z.number().int() }).strict();
export const regulationPublish = z.object({ effectiveOn: isoDate }).strict();
export const regulationRevise = z
  .object({ title: text(200).optional(), docNo: optionalText(100), body: optionalText(50000), effectiveOn: isoDate })
  .strict();
export const regulationAbolish = z.object({ reason: text(1000), abolishedOn: isoDate }).strict();

const regulationFilter = {
  status: regulationStatus.optional(),
  category: regulationCategory.optional(),
  ownerUnitId: z.uuid().optional(),
  /** only the latest version of each series */
  current: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
};
export const regulationListQuery = z.object({ ...pageQuery, ...regulationFilter }).strict();
export const regulationExportQuery = regulationListQuery.omit({ page: true, pageSize: true });
export const regulationList = listOf(regulation);

export const regulationCleanupQuery = z.object({ from: isoDate, to: isoDate }).strict();
const cleanupPart = z.object({ count: z.number().int(), items: z.array(regulation) });
export const regulationCleanup = z
  .object({ from: isoDate, to: isoDate, made: cleanupPart, revised: cleanupPart, abolished: cleanupPart })
  .meta({ id: 'RegulationCleanup' });
export type RegulationCleanup = z.infer<typeof regulationCleanup>;
