import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery } from './common.js';

/**
 * Year-end assessment results (S13 publication) and their application (S14).
 * The office computes, freezes and publishes; everyone else reads within the
 * publication scope.
 */
export const resultPublishScopes = ['all', 'leaders', 'own'] as const;
export const resultPublishScope = z.enum(resultPublishScopes);
export type ResultPublishScope = z.infer<typeof resultPublishScope>;

export const resultSchemeParams = z.object({ id: z.uuid() }).strict();
export const resultTargetParams = z.object({ id: z.uuid(), targetId: z.uuid() }).strict();

export const resultComputeBody = z
  .object({
    /** Set to compute although required ratings are missing; recorded on the scheme and audited. */
    overrideReason: z.string().trim().min(4).max(1000).optional(),
  })
  .strict();

export const resultPublishBody = z.object({ scope: resultPublishScope, publishReports: z.boolean().default(false) }).strict();

/** One rating still missing: which rater has not submitted for which target. */
export const resultMissingRating = z.object({
  targetId: z.uuid(),
  targetName: z.string(),
  raterUserId: z.uuid(),
  raterName: z.string(),
  groupName: z.string(),
});
export type ResultMissingRating = z.infer<typeof resultMissingRating>;

export const resultRow = z
  .object({
    targetId: z.uuid(),
    targetName: z.string(),
    unitId: z.uuid(),
    pairedUnitId: z.uuid().nullable(),
    total: z.number(),
    party: z.number(),
    business: z.number(),
    featured: z.number(),
    adjustments: z.number(),
    vetoed: z.boolean(),
    rank: z.number().int(),
    /** the band's name (code); gradeLabel is what to show */
    grade: z.string(),
    gradeLabel: z.string(),
    /** per rater group: the total of the manual indicators as that group scored them */
    groupTotals: z.record(z.string(), z.number()),
  })
  .meta({ id: 'AssessmentResultRow' });
export type ResultRow = z.infer<typeof resultRow>;

export const resultSchemeSummary = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  status: z.string(),
  publishScope: resultPublishScope.nullable(),
  publishReports: z.boolean(),
  frozenAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  overrideReason: z.string().nullable(),
  computed: z.boolean(),
});
export type ResultSchemeSummary = z.infer<typeof resultSchemeSummary>;

export const resultTable = z
  .object({
    scheme: resultSchemeSummary,
    groups: z.array(z.object({ id: z.uuid(), name: z.string(), weight: z.number() })),
    bands: z.array(z.object({ name: z.string(), label: z.string(), minScore: z.number(), maxShare: z.number().nullable() })),
    /** how many targets the scheme has (rows may be fewer when the scope hides some) */
    targetCount: z.number().int(),
    items: z.array(resultRow),
  })
  .meta({ id: 'AssessmentResultTable' });
export type ResultTable = z.infer<typeof resultTable>;

export const resultBreakdownLine = z.object({
  indicatorId: z.uuid(),
  name: z.string(),
  path: z.array(z.string()),
  track: z.string(),
  method: z.string(),
  maxScore: z.number(),
  /** effective weight of the leaf in the total (0–1) */
  weight: z.number(),
  score: z.number(),
  contribution: z.number(),
  /** group id → mean score on the indicator's scale */
  groups: z.record(z.string(), z.number()),
  /** the figure behind a data indicator */
  figure: z.number().nullable(),
});

export const resultReportView = z.object({ kind: z.string(), body: z.string().nullable(), submittedAt: z.string().nullable() });

export const resultDetail = z
  .object({
    row: resultRow,
    groups: z.array(z.object({ id: z.uuid(), name: z.string(), weight: z.number() })),
    lines: z.array(resultBreakdownLine),
    adjustmentItems: z.array(z.object({ kind: z.string(), item: z.string(), points: z.number() })),
    /** the self reports, when the scheme was published with them (always for the office) */
    reports: z.array(resultReportView),
  })
  .meta({ id: 'AssessmentResultDetail' });
export type ResultDetail = z.infer<typeof resultDetail>;

export const resultGradeDistribution = z.object({
  items: z.array(z.object({ grade: z.string(), label: z.string(), count: z.number().int() })),
  averages: z.object({ total: z.number(), party: z.number(), business: z.number(), featured: z.number() }),
});
export type ResultGradeDistribution = z.infer<typeof resultGradeDistribution>;

export const resultComputeResponse = z.object({ computed: z.number().int(), overridden: z.boolean() });

/** 评优评先 / 干部选任参考 / 谈话督促 */
export const resultApplicationKinds = ['commendation', 'promotion', 'talk'] as const;
export const resultApplicationKind = z.enum(resultApplicationKinds);
export type ResultApplicationKind = z.infer<typeof resultApplicationKind>;

export const resultApplication = z
  .object({
    id: z.uuid(),
    schemeId: z.uuid(),
    schemeYear: z.number().int(),
    schemeTitle: z.string(),
    targetId: z.uuid().nullable(),
    targetName: z.string().nullable(),
    /** the target's grade label in that scheme */
    grade: z.string().nullable(),
    personId: z.uuid().nullable(),
    personName: z.string().nullable(),
    kind: resultApplicationKind,
    note: z.string().nullable(),
    talkedOn: isoDate.nullable(),
    talkerPersonId: z.uuid().nullable(),
    talkerName: z.string().nullable(),
    points: z.string().nullable(),
    followUpDue: isoDate.nullable(),
    outcome: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ResultApplication' });
export type ResultApplication = z.infer<typeof resultApplication>;

const resultApplicationFields = {
  schemeId: z.uuid(),
  targetId: z.uuid().nullish(),
  /** the person concerned: the commended or referenced person, or the one talked to */
  personId: z.uuid().nullish(),
  kind: resultApplicationKind,
  note: optionalText(2000),
  talkedOn: isoDate.nullish(),
  talkerPersonId: z.uuid().nullish(),
  points: optionalText(4000),
  followUpDue: isoDate.nullish(),
  outcome: optionalText(2000),
};
export const resultApplicationCreate = z.object(resultApplicationFields).strict();
export const resultApplicationUpdate = z
  .object({ note: resultApplicationFields.note, talkedOn: resultApplicationFields.talkedOn, talkerPersonId: resultApplicationFields.talkerPersonId, points: resultApplicationFields.points, followUpDue: resultApplicationFields.followUpDue, outcome: resultApplicationFields.outcome, personId: resultApplicationFields.personId })
  .partial()
  .strict();

export const resultApplicationListQuery = z
  .object({
    ...pageQuery,
    schemeId: z.uuid().optional(),
    targetId: z.uuid().optional(),
    personId: z.uuid().optional(),
    /** applications of the targets of this unit (the unit or its paired unit) */
    unitId: z.uuid().optional(),
    kind: resultApplicationKind.optional(),
  })
  .strict();
export const resultApplicationList = listOf(resultApplication);

export const resultContextQuery = z
  .object({
    unitId: z.uuid().optional(),
    /** a target of any scheme: its unit is used (the rating form knows the target, not the unit) */
    targetId: z.uuid().optional(),
    beforeYear: z.coerce.number().int().min(2000).max(2100).optional().describe('only schemes of earlier years (the rating form passes its own year)'),
  })
  .strict()
  .refine((q) => !!q.unitId !== !!q.targetId, { message: 'give unitId or targetId', path: ['unitId'] });
export const resultTargetContext = z
  .object({
    scheme: z.object({ id: z.uuid(), year: z.number().int(), title: z.string() }).nullable(),
    result: resultRow.nullable(),
    targetCount: z.number().int(),
    applications: z.array(resultApplication),
  })
  .meta({ id: 'AssessmentTargetContext' });
export type ResultTargetContext = z.infer<typeof resultTargetContext>;

