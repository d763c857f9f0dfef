import { z } from 'zod';
import { isoDate, optionalText, text } from './common.js';

/**
 * Year-end assessment (同考核 S13), configuration and rating: schemes, the
 * indicator tree, targets with self reports and self scores, adjustments,
 * rater groups and assignments, and the raters' forms. Computation,
 * freezing and publication live in the results contract.
 */
export const schemeStatuses = ['draft', 'self_assessment', 'rating', 'closed', 'published'] as const;
export const schemeStatus = z.enum(schemeStatuses);
export type SchemeStatus = z.infer<typeof schemeStatus>;

export const indicatorTracks = ['party', 'business', 'featured'] as const;
export const indicatorTrack = z.enum(indicatorTracks);
export type IndicatorTrack = z.infer<typeof indicatorTrack>;
export const indicatorMethods = ['manual', 'data'] as const;
export const indicatorMethod = z.enum(indicatorMethods);

/**
 * Figures the product holds, for data indicators. Rates (0–1) scale the max
 * score (formula kind 'ratio'); counts score min(count, cap)/cap of it (kind 'count').
 */
export const ratioMetrics = ['task_completion_rate', 'on_time_rate', 'report_timeliness', 'supervision_pass_rate'] as const;
export const countMetrics = ['outcome_count', 'lectures_given', 'research_topics_closed'] as const;
export const dataMetrics = [...ratioMetrics, ...countMetrics] as const;
export const dataMetric = z.enum(dataMetrics);
export type DataMetric = z.infer<typeof dataMetric>;

/** Same shape as aggregate.ts DataFormula; outcome_count may narrow to one outcome kind. */
export const dataFormula = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('ratio'), metric: z.enum(ratioMetrics) }).strict(),
    z.object({ kind: z.literal('count'), metric: z.enum(countMetrics), cap: z.number().int().min(1).max(10000), outcomeKind: z.string().max(40).nullish() }).strict(),
  ])
  .meta({ id: 'DataFormula' });
export type DataFormulaInput = z.infer<typeof dataFormula>;

/** A grade band, best first; the shape aggregate.ts reads (name, minScore, maxShare) plus a display label. */
export const gradeBand = z
  .object({
    name: z.string().trim().regex(/^[a-z][a-z0-9_]{0,29}$/),
    label: text(20),
    minScore: z.number().min(0).max(200),
    maxShare: z.number().gt(0).max(1).nullable(),
  })
  .strict()
  .meta({ id: 'GradeBand' });
export type GradeBand = z.infer<typeof gradeBand>;
export const defaultBands: GradeBand[] = [
  { name: 'excellent', label: '优秀', minScore: 90, maxShare: 0.2 },
  { name: 'good', label: '良好', minScore: 80, maxShare: null },
  { name: 'pass', label: '合格', minScore: 60, maxShare: null },
  { name: 'fail', label: '不合格', minScore: 0, maxShare: null },
];

export const adjustmentKinds = ['bonus', 'penalty', 'veto'] as const;
export const adjustmentKind = z.enum(adjustmentKinds);
/** 加分项 / 减分项 / 一票否决: points of one item per target never exceed its cap (vetoes carry no points). */
export const adjustmentItem = z
  .object({ code: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/), kind: adjustmentKind, name: text(100), cap: z.number().min(0).max(100) })
  .strict()
  .meta({ id: 'AdjustmentItem' });
export type AdjustmentItem = z.infer<typeof adjustmentItem>;

export const assessmentScheme = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    title: z.string(),
    status: schemeStatus,
    trimmedMean: z.boolean(),
    bands: z.array(gradeBand),
    adjustmentItems: z.array(adjustmentItem),
    selfReportDeadline: isoDate.nullable(),
    ratingDeadline: isoDate.nullable(),
    publishScope: z.string().nullable(),
    publishReports: z.boolean(),
    frozenAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    counts: z.object({ indicators: z.number().int(), targets: z.number().int(), groups: z.number().int(), assignments: z.number().int(), submitted: z.number().int() }),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'AssessmentScheme' });
export type AssessmentScheme = z.infer<typeof assessmentScheme>;

const uniqueBy = <T>(key: (x: T) => string) => (xs: T[]) => new Set(xs.map(key)).size === xs.length;
const schemeFields = {
  year: z.number().int().min(2000).max(2100),
  title: text(200),
  trimmedMean: z.boolean(),
  bands: z.array(gradeBand).min(1).max(8).refine(uniqueBy((b: GradeBand) => b.name), 'band names must differ'),
  adjustmentItems: z.array(adjustmentItem).max(50).refine(uniqueBy((a: AdjustmentItem) => a.code), 'item codes must differ'),
  selfReportDeadline: isoDate.nullish(),
  ratingDeadline: isoDate.nullish(),
};
export const schemeCreate = z
  .object({ ...schemeFields, trimmedMean: schemeFields.trimmedMean.default(true), bands: schemeFields.bands.default(defaultBands), adjustmentItems: schemeFields.adjustmentItems.default([]) })
  .strict();
export const schemeUpdate = z.object(schemeFields).partial().extend({ version: z.number().int() }).strict();
export const schemeListQuery = z.object({ year: z.coerce.number().int().optional(), status: schemeStatus.optional() }).strict();
export const schemeList = z.object({ items: z.array(assessmentScheme), total: z.number().int() });
export const schemeTransition = z.object({ to: z.enum(['self_assessment', 'rating', 'closed']), version: z.number().int() }).strict();
export const schemeCopy = z.object({ year: z.number().int().min(2000).max(2100), title: text(200), withAssignments: z.boolean().default(false) }).strict();

export const assessmentIndicator = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    level: z.number().int(),
    name: z.string(),
    weight: z.number(),
    observationPoints: z.string().nullable(),
    maxScore: z.number(),
    track: indicatorTrack,
    method: indicatorMethod,
    formula: dataFormula.nullable(),
    sortOrder: z.number().int(),
    isLeaf: z.boolean(),
  })
  .meta({ id: 'AssessmentIndicator' });
export type AssessmentIndicator = z.infer<typeof assessmentIndicator>;

/** A level whose sibling weights do not sum to 100: parentId null is the top level. */
export const weightProblem = z.object({ parentId: z.uuid().nullable(), parentName: z.string().nullable(), level: z.number().int(), sum: z.number() });
export type WeightProblem = z.infer<typeof weightProblem>;
export const indicatorTree = z
  .object({ items: z.array(assessmentIndicator), problems: z.array(weightProblem), valid: z.boolean() })
  .meta({ id: 'AssessmentIndicatorTree' });
export type IndicatorTree = z.infer<typeof indicatorTree>;

const indicatorFields = {
  parentId: z.uuid().nullish(),
  name: text(200),
  weight: z.number().min(0).max(100),
  observationPoints: optionalText(4000),
  maxScore: z.number().gt(0).max(1000),
  track: indicatorTrack,
  method: indicatorMethod,
  formula: dataFormula.nullish(),
  sortOrder: z.number().int().min(0).max(99999),
};
export const indicatorCreate = z
  .object({ ...indicatorFields, maxScore: indicatorFields.maxScore.default(100), method: indicatorFields.method.default('manual'), sortOrder: indicatorFields.sortOrder.default(0) })
  .strict();
export const indicatorUpdate = z.object(indicatorFields).partial().strict();

export const reportKinds = ['head', 'secretary'] as const;
export const reportKind = z.enum(reportKinds);
export type ReportKind = z.infer<typeof reportKind>;
export const targetReport = z
  .object({ id: z.uuid(), kind: reportKind, body: z.string().nullable(), deadline: isoDate.nullable(), submittedAt: z.string().nullable(), version: z.number().int() })
  .meta({ id: 'TargetReport' });
export type TargetReport = z.infer<typeof targetReport>;

export const assessmentTarget = z
  .object({
    id: z.uuid(),
    schemeId: z.uuid(),
    name: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    pairedUnitId: z.uuid().nullable(),
    pairedUnitName: z.string().nullable(),
    reports: z.array(targetReport),
    selfScored: z.number().int(),
    manualCount: z.number().int(),
    raters: z.number().int(),
    submitted: z.number().int(),
    adjustments: z.number().int(),
  })
  .meta({ id: 'AssessmentTarget' });
export type AssessmentTarget = z.infer<typeof assessmentTarget>;
export const targetList = z.object({ items: z.array(assessmentTarget), total: z.number().int() });
export const targetCreate = z.object({ unitId: z.uuid(), pairedUnitId: z.uuid().nullish(), name: text(100).optional() }).strict();
export const targetPairsCreate = z
  .object({ kinds: z.array(z.enum(['college', 'department', 'center'])).min(1).default(['college', 'department', 'center']) })
  .strict();
export const targetPairsResult = z.object({ created: z.number().int(), items: z.array(assessmentTarget) });

export const selfScore = z.object({ indicatorId: z.uuid(), score: z.number(), evidence: z.string().nullable() });
export const targetAdjustment = z
  .object({ id: z.uuid(), targetId: z.uuid(), kind: adjustmentKind, item: z.string(), itemName: z.string(), points: z.number(), evidence: z.string().nullable(), createdAt: z.string() })
  .meta({ id: 'TargetAdjustment' });
export type TargetAdjustment = z.infer<typeof targetAdjustment>;
export const adjustmentCreate = z.object({ item: z.string().trim().min(1).max(40), points: z.number().min(0).max(100).default(0), evidence: text(2000) }).strict();

/** A target with what it submitted: self reports, self scores (on manual leaves) and adjustments. */
export const targetDetail = z
  .object({
    target: assessmentTarget,
    scheme: z.object({ id: z.uuid(), year: z.number().int(), title: z.string(), status: schemeStatus, selfReportDeadline: isoDate.nullable() }),
    indicators: z.array(assessmentIndicator),
    selfScores: z.array(selfScore),
    adjustments: z.array(targetAdjustment),
    canSelfAssess: z.boolean(),
  })
  .meta({ id: 'AssessmentTargetDetail' });
export type TargetDetail = z.infer<typeof targetDetail>;
export const selfTargets = z.object({ items: z.array(targetDetail) });
export const reportSave = z.object({ body: z.string().trim().max(20000).nullable(), version: z.number().int() }).strict();
export const reportParams = z.object({ id: z.uuid(), kind: reportKind }).strict();
export const selfScoresSave = z
  .object({ scores: z.array(z.object({ indicatorId: z.uuid(), score: z.number(), evidence: optionalText(4000) }).strict()).min(1).max(500) })
  .strict();

export const raterGroup = z.object({ id: z.uuid(), name: z.string(), weight: z.number(), raters: z.number().int() }).meta({ id: 'RaterGroup' });
export type RaterGroup = z.infer<typeof raterGroup>;
export const raterGroupList = z.object({ items: z.array(raterGroup) });
/** The groups are saved as one set so that their weights can be checked to sum to 100. */
export const raterGroupsSave = z
  .object({ groups: z.array(z.object({ id: z.uuid().optional(), name: text(100), weight: z.number().min(0).max(100) }).strict()).min(1).max(20) })
  .strict();

export const raterAssignment = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    groupName: z.string(),
    raterUserId: z.uuid(),
    raterName: z.string(),
    targetId: z.uuid(),
    targetName: z.string(),
    status: z.enum(['open', 'submitted']),
    submittedAt: z.string().nullable(),
    scored: z.number().int(),
  })
  .meta({ id: 'RaterAssignment' });
export type RaterAssignment = z.infer<typeof raterAssignment>;
export const assignmentList = z.object({ items: z.array(raterAssignment), total: z.number().int() });
export const assignmentListQuery = z.object({ groupId: z.uuid().optional(), targetId: z.uuid().optional(), raterUserId: z.uuid().optional() }).strict();
export const assignmentsCreate = z
  .object({
    groupId: z.uuid(),
    userIds: z.array(z.uuid()).min(1).max(200),
    targetIds: z.array(z.uuid()).min(1).max(200),
    /** skip the pairs where the rater belongs to the target (else the request is refused with 403 RATER_OWN_UNIT) */
    skipOwnUnit: z.boolean().default(false),
  })
  .strict();
export const assignmentsCreated = z.object({
  created: z.number().int(),
  existing: z.number().int(),
  skipped: z.array(z.object({ userId: z.uuid(), targetId: z.uuid() })),
});
export const raterCandidate = z.object({ userId: z.uuid(), username: z.string(), name: z.string(), unitName: z.string().nullable(), roles: z.array(z.string()) });
export const raterCandidateList = z.object({ items: z.array(raterCandidate) });

/** A rater's form, listed under "my ratings". */
export const ratingSummary = z
  .object({
    assignmentId: z.uuid(),
    schemeId: z.uuid(),
    schemeTitle: z.string(),
    year: z.number().int(),
    schemeStatus: schemeStatus,
    ratingDeadline: isoDate.nullable(),
    targetId: z.uuid(),
    targetName: z.string(),
    groupName: z.string(),
    status: z.enum(['open', 'submitted']),
    submittedAt: z.string().nullable(),
    scored: z.number().int(),
    total: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'RatingSummary' });
export type RatingSummary = z.infer<typeof ratingSummary>;
export const ratingList = z.object({ items: z.array(ratingSummary) });

export const ratingItem = z.object({
  indicatorId: z.uuid(),
  name: z.string(),
  path: z.array(z.string()),
  track: indicatorTrack,
  observationPoints: z.string().nullable(),
  maxScore: z.number(),
  selfScore: z.number().nullable(),
  selfEvidence: z.string().nullable(),
  score: z.number().nullable(),
});
export type RatingItem = z.infer<typeof ratingItem>;
export const ratingForm = z
  .object({ summary: ratingSummary, items: z.array(ratingItem), reports: z.array(targetReport), editable: z.boolean() })
  .meta({ id: 'RatingForm' });
export type RatingForm = z.infer<typeof ratingForm>;
export const assignmentParams = z.object({ assignmentId: z.uuid() }).strict();
/** Autosave: any subset of the manual indicators; a null score clears it. */
export const ratingSave = z
  .object({ scores: z.array(z.object({ indicatorId: z.uuid(), score: z.number().nullable() }).strict()).min(1).max(500) })
  .strict();
export const ratingSaved = z.object({ scored: z.number().int(), total: z.number().int(), savedAt: z.string() });
