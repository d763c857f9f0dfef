import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';
import { unitKind } from './org.js';

/** Supervision (S12): monthly plans of indicators decomposed from a campaign, checked unit by unit. */
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

export const checkMethods = ['onsite', 'material', 'online'] as const;
export const checkMethod = z.enum(checkMethods);
export type CheckMethod = z.infer<typeof checkMethod>;
export const checkResults = ['pass', 'partial', 'fail'] as const;
export const checkResult = z.enum(checkResults);
export type CheckResult = z.infer<typeof checkResult>;

export const supervisionIndicator = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    requirement: z.string(),
    evidence: z.string().nullable(),
    /** the unit kinds the indicator applies to; empty = every unit */
    unitKinds: z.array(unitKind),
    sortOrder: z.number().int(),
    /** checks recorded against it (within the caller's scope) */
    checkCount: z.number().int(),
  })
  .meta({ id: 'SupervisionIndicator' });
export type SupervisionIndicator = z.infer<typeof supervisionIndicator>;

/** What the caller may do with plans and checks (so the UI does not re-derive roles). */
export const supervisionAbilities = z.object({ managePlans: z.boolean(), recordChecks: z.boolean() });
export type SupervisionAbilities = z.infer<typeof supervisionAbilities>;

export const supervisionPlan = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    campaignTitle: z.string(),
    month: yearMonth,
    title: z.string(),
    indicatorCount: z.number().int(),
    /** figures over the checks the caller may see */
    checkCount: z.number().int(),
    passCount: z.number().int(),
    partialCount: z.number().int(),
    failCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'SupervisionPlan' });
export type SupervisionPlan = z.infer<typeof supervisionPlan>;

export const supervisionPlanDetail = supervisionPlan
  .extend({
    indicators: z.array(supervisionIndicator),
    /** the units in the caller's scope some indicator applies to: the rows of the checks matrix */
    units: z.array(z.object({ id: z.uuid(), name: z.string(), kind: unitKind })),
    abilities: supervisionAbilities,
  })
  .meta({ id: 'SupervisionPlanDetail' });
export type SupervisionPlanDetail = z.infer<typeof supervisionPlanDetail>;

const indicatorFields = {
  requirement: text(500),
  evidence: optionalText(1000),
  unitKinds: z.array(unitKind).max(6).default([]),
  sortOrder: z.number().int().min(0).max(9999).optional(),
};
export const supervisionIndicatorCreate = z.object(indicatorFields).strict();
export const supervisionIndicatorUpdate = z.object(indicatorFields).partial().strict();

export const supervisionPlanCreate = z
  .object({ campaignId: z.uuid(), month: yearMonth, title: text(200), indicators: z.array(supervisionIndicatorCreate).max(50).default([]) })
  .strict();
export const supervisionPlanUpdate = z.object({ month: yearMonth, title: text(200) }).partial().extend({ version: z.number().int() }).strict();

export const supervisionPlanListQuery = z
  .object({ ...pageQuery, campaignId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), month: yearMonth.optional() })
  .strict();
export const supervisionPlanList = listOf(supervisionPlan).extend({ abilities: supervisionAbilities });

/** The rectification task a partial or failed check opened. */
export const supervisionRectification = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  progress: z.number().int(),
  dueDate: isoDate,
});

export const supervisionCheck = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    planTitle: z.string(),
    month: yearMonth,
    indicatorId: z.uuid(),
    requirement: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    method: checkMethod,
    inspectorPersonId: z.uuid().nullable(),
    inspectorName: z.string().nullable(),
    checkedOn: isoDate,
    result: checkResult,
    comment: z.string().nullable(),
    rectificationTaskId: z.uuid().nullable(),
    rectification: supervisionRectification.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'SupervisionCheck' });
export type SupervisionCheck = z.infer<typeof supervisionCheck>;

export const supervisionCheckCreate = z
  .object({
    indicatorId: z.uuid(),
    unitId: z.uuid(),
    method: checkMethod,
    inspectorPersonId: z.uuid().nullish(),
    checkedOn: isoDate,
    result: checkResult,
    comment: optionalText(2000),
    /** for a partial or fail: when the rectification is due (default: 30 days on) */
    rectificationDueDate: isoDate.optional(),
  })
  .strict();
export const supervisionCheckUpdate = supervisionCheckCreate
  .omit({ indicatorId: true, unitId: true })
  .partial()
  .extend({ version: z.number().int() })
  .strict();

const checkFilter = {
  planId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  indicatorId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  result: checkResult.optional(),
  method: checkMethod.optional(),
  from: yearMonth.optional().describe('first month, YYYY-MM'),
  to: yearMonth.optional().describe('last month, YYYY-MM'),
};
export const supervisionCheckListQuery = z.object({ ...pageQuery, ...checkFilter }).strict();
export const supervisionCheckExportQuery = supervisionCheckListQuery.omit({ page: true, pageSize: true });
export const supervisionCheckList = listOf(supervisionCheck);

const rateFigures = { checks: z.number().int(), pass: z.number().int(), partial: z.number().int(), fail: z.number().int(), rate: z.number().describe('pass / checks, 0–1') };
export const supervisionStatsQuery = z.object({ campaignId: z.uuid().optional(), from: yearMonth.optional(), to: yearMonth.optional() }).strict();
export const supervisionStats = z
  .object({
    total: z.object(rateFigures),
    byUnit: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), ...rateFigures })),
    byMonth: z.array(z.object({ month: yearMonth, ...rateFigures })),
  })
  .meta({ id: 'SupervisionStats' });
export type SupervisionStats = z.infer<typeof supervisionStats>;
