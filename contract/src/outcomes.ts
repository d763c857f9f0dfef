import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';

/** Outcomes register (S10, S15): what the 三同 work produced, counted by kind, level, medium and area. */
export const outcomeKinds = ['theory_article', 'research_paper', 'think_tank_report', 'typical_case', 'innovation_case', 'media_report', 'award'] as const;
export const outcomeKind = z.enum(outcomeKinds);
export type OutcomeKind = z.infer<typeof outcomeKind>;
export const outcomeLevels = ['national', 'provincial', 'municipal', 'school'] as const;
export const outcomeLevel = z.enum(outcomeLevels);
export type OutcomeLevel = z.infer<typeof outcomeLevel>;
/** Suggestions only: the medium is free text. */
export const mediumSuggestions = ['中国教育报', '省委教育工委工作简报', '人民网', '光明网', '新华网', '南方日报', '学习强国', '广东教育', '羊城晚报'] as const;

export const outcome = z
  .object({
    id: z.uuid(),
    kind: outcomeKind,
    title: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    people: z.array(z.object({ id: z.uuid(), name: z.string() })),
    level: outcomeLevel,
    medium: z.string().nullable(),
    publishedOn: isoDate,
    link: z.string().nullable(),
    areaCode: z.string().nullable(),
    areaName: z.string().nullable(),
    taskId: z.uuid().nullable(),
    projectId: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Outcome' });
export type Outcome = z.infer<typeof outcome>;

const outcomeFields = {
  kind: outcomeKind,
  title: text(300),
  unitId: z.uuid(),
  personIds: z.array(z.uuid()).max(50),
  level: outcomeLevel,
  medium: optionalText(100),
  publishedOn: isoDate,
  // http(s) only: the register renders it as a link (no javascript: or data: URLs)
  link: z.url({ protocol: /^https?$/ }).max(1000).nullish(),
  areaCode: z.string().trim().min(1).max(40).nullish(),
  taskId: z.uuid().nullish(),
  projectId: z.uuid().nullish(),
};
export const outcomeCreate = z.object({ ...outcomeFields, personIds: outcomeFields.personIds.default([]) }).strict();
export const outcomeUpdate = z.object(outcomeFields).partial().extend({ version: z.number().int() }).strict();

const outcomeFilter = {
  kind: outcomeKind.optional(),
  level: outcomeLevel.optional(),
  medium: z.string().trim().max(100).optional(),
  areaCode: z.string().trim().max(40).optional(),
  unitId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(100).optional(),
};
export const outcomeListQuery = z.object({ ...pageQuery, ...outcomeFilter }).strict();
export const outcomeExportQuery = outcomeListQuery.omit({ page: true, pageSize: true });
export const outcomeList = listOf(outcome);

export const outcomeStatsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), unitId: z.uuid().optional() }).strict();
const statRow = z.object({ key: z.string(), name: z.string().nullable(), count: z.number().int() });
export const outcomeStats = z
  .object({ total: z.number().int(), byKind: z.array(statRow), byLevel: z.array(statRow), byMedium: z.array(statRow), byArea: z.array(statRow) })
  .meta({ id: 'OutcomeStats' });
export type OutcomeStats = z.infer<typeof outcomeStats>;

/** 建新功 areas: a configurable list per tenant. */
export const contributionArea = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), sortOrder: z.number().int() })
  .meta({ id: 'ContributionArea' });
export type ContributionArea = z.infer<typeof contributionArea>;
export const contributionAreaCreate = z
  .object({ code: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/), name: text(100), sortOrder: z.number().int().min(0).max(9999).default(0) })
  .strict();
export const contributionAreaUpdate = z.object({ name: text(100), sortOrder: z.number().int().min(0).max(9999) }).partial().strict();
export const contributionAreaList = z.object({ items: z.array(contributionArea) });
