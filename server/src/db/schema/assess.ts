import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const tenant = () => uuid('tenant_id').notNull();
const day = (name: string) => date(name, { mode: 'string' });
const num = (name: string) => numeric(name, { precision: 10, scale: 3, mode: 'number' });

/** 每周一调度: one meeting per campaign and ISO week, with the sheet as generated. */
export const dispatchMeetings = pgTable(
  'dispatch_meetings',
  {
    id: id(),
    tenantId: tenant(),
    campaignId: uuid('campaign_id').notNull(),
    isoWeek: text('iso_week').notNull(),
    heldOn: day('held_on'),
    chairPersonId: uuid('chair_person_id'),
    attendees: text('attendees'),
    minutes: text('minutes'),
    sheet: jsonb('sheet'),
    preparedAt: ts('prepared_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dispatch_meetings_tenant_campaign_week_uq').on(t.tenantId, t.campaignId, t.isoWeek)],
);

/** 督办事项: decisions of a meeting, tracked to closure and carried onto later sheets. */
export const followUpItems = pgTable(
  'follow_up_items',
  {
    id: id(),
    tenantId: tenant(),
    campaignId: uuid('campaign_id').notNull(),
    meetingId: uuid('meeting_id'),
    title: text('title').notNull(),
    ownerUnitId: uuid('owner_unit_id').notNull(),
    dueDate: day('due_date').notNull(),
    status: text('status').notNull().default('open'),
    closingNote: text('closing_note'),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('follow_up_items_tenant_idx').on(t.tenantId, t.campaignId, t.status, t.dueDate), index('follow_up_items_tenant_unit_idx').on(t.tenantId, t.ownerUnitId)],
);

export const supervisionPlans = pgTable(
  'supervision_plans',
  {
    id: id(),
    tenantId: tenant(),
    campaignId: uuid('campaign_id').notNull(),
    month: text('month').notNull(),
    title: text('title').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('supervision_plans_tenant_campaign_month_uq').on(t.tenantId, t.campaignId, t.month)],
);

export const supervisionIndicators = pgTable(
  'supervision_indicators',
  {
    id: id(),
    tenantId: tenant(),
    planId: uuid('plan_id').notNull(),
    requirement: text('requirement').notNull(),
    evidence: text('evidence'),
    unitKinds: text('unit_kinds').array().notNull().default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('supervision_indicators_tenant_plan_idx').on(t.tenantId, t.planId)],
);

export const supervisionChecks = pgTable(
  'supervision_checks',
  {
    id: id(),
    tenantId: tenant(),
    planId: uuid('plan_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    method: text('method').notNull(),
    inspectorPersonId: uuid('inspector_person_id'),
    checkedOn: day('checked_on').notNull(),
    result: text('result').notNull(),
    comment: text('comment'),
    rectificationTaskId: uuid('rectification_task_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('supervision_checks_tenant_plan_idx').on(t.tenantId, t.planId, t.unitId), index('supervision_checks_tenant_unit_idx').on(t.tenantId, t.unitId, t.checkedOn)],
);

/** The year-end assessment: scheme → indicator tree → targets → raters → scores → results. */
export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: id(),
    tenantId: tenant(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('draft'),
    trimmedMean: boolean('trimmed_mean').notNull().default(false),
    bands: jsonb('bands').notNull().default([]),
    /** 加分项 / 减分项 / 一票否决 definitions: [{code, kind, name, cap}] */
    adjustmentItems: jsonb('adjustment_items').notNull().default([]),
    selfReportDeadline: day('self_report_deadline'),
    ratingDeadline: day('rating_deadline'),
    publishScope: text('publish_scope'),
    publishReports: boolean('publish_reports').notNull().default(false),
    frozenAt: ts('frozen_at'),
    publishedAt: ts('published_at'),
    overrideReason: text('override_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('assessment_schemes_tenant_year_idx').on(t.tenantId, t.year)],
);

export const assessmentIndicators = pgTable(
  'assessment_indicators',
  {
    id: id(),
    tenantId: tenant(),
    schemeId: uuid('scheme_id').notNull(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    weight: num('weight').notNull(),
    observationPoints: text('observation_points'),
    maxScore: num('max_score').notNull().default(100),
    track: text('track').notNull(),
    method: text('method').notNull().default('manual'),
    formula: jsonb('formula'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('assessment_indicators_tenant_scheme_idx').on(t.tenantId, t.schemeId, t.parentId)],
);

/** A target is usually a business unit with its paired party organisation, assessed as one. */
export const assessmentTargets = pgTable(
  'assessment_targets',
  {
    id: id(),
    tenantId: tenant(),
    schemeId: uuid('scheme_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    pairedUnitId: uuid('paired_unit_id'),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('assessment_targets_tenant_scheme_unit_uq').on(t.tenantId, t.schemeId, t.unitId)],
);

/** 说院/说处 (head) and 述党建 (secretary) self reports. */
export const targetReports = pgTable(
  'target_reports',
  {
    id: id(),
    tenantId: tenant(),
    targetId: uuid('target_id').notNull(),
    kind: text('kind').notNull(),
    body: text('body'),
    deadline: day('deadline'),
    submittedAt: ts('submitted_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('target_reports_tenant_target_kind_uq').on(t.tenantId, t.targetId, t.kind)],
);

export const selfScores = pgTable(
  'self_scores',
  {
    tenantId: tenant(),
    targetId: uuid('target_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    score: num('score').notNull(),
    evidence: text('evidence'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.targetId, t.indicatorId] })],
);

/** 加分项 / 减分项 / 一票否决 applied to a target. */
export const targetAdjustments = pgTable(
  'target_adjustments',
  {
    id: id(),
    tenantId: tenant(),
    targetId: uuid('target_id').notNull(),
    kind: text('kind').notNull(),
    item: text('item').notNull(),
    points: num('points').notNull().default(0),
    evidence: text('evidence'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('target_adjustments_tenant_target_idx').on(t.tenantId, t.targetId)],
);

export const raterGroups = pgTable(
  'rater_groups',
  { id: id(), tenantId: tenant(), schemeId: uuid('scheme_id').notNull(), name: text('name').notNull(), weight: num('weight').notNull() },
  (t) => [index('rater_groups_tenant_scheme_idx').on(t.tenantId, t.schemeId)],
);

export const raterAssignments = pgTable(
  'rater_assignments',
  {
    id: id(),
    tenantId: tenant(),
    schemeId: uuid('scheme_id').notNull(),
    groupId: uuid('group_id').notNull(),
    raterUserId: uuid('rater_user_id').notNull(),
    targetId: uuid('target_id').notNull(),
    status: text('status').notNull().default('open'),
    submittedAt: ts('submitted_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('rater_assignments_tenant_rater_target_uq').on(t.tenantId, t.schemeId, t.raterUserId, t.targetId),
    index('rater_assignments_tenant_target_idx').on(t.tenantId, t.targetId),
  ],
);

export const ratingScores = pgTable(
  'rating_scores',
  {
    tenantId: tenant(),
    assignmentId: uuid('assignment_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    score: num('score').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.assignmentId, t.indicatorId] })],
);

/** Frozen results: one row per target, with the breakdown the results pages show. */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    tenantId: tenant(),
    schemeId: uuid('scheme_id').notNull(),
    targetId: uuid('target_id').notNull(),
    total: num('total').notNull(),
    party: num('party').notNull(),
    business: num('business').notNull(),
    featured: num('featured').notNull(),
    adjustments: num('adjustments').notNull().default(0),
    vetoed: boolean('vetoed').notNull().default(false),
    rank: integer('rank').notNull(),
    grade: text('grade').notNull(),
    breakdown: jsonb('breakdown').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.schemeId, t.targetId] })],
);

/** Results applied (S14): commendation eligibility, promotion reference, follow-up talks. */
export const resultApplications = pgTable(
  'result_applications',
  {
    id: id(),
    tenantId: tenant(),
    schemeId: uuid('scheme_id').notNull(),
    targetId: uuid('target_id'),
    personId: uuid('person_id'),
    kind: text('kind').notNull(),
    note: text('note'),
    talkedOn: day('talked_on'),
    talkerPersonId: uuid('talker_person_id'),
    points: text('points'),
    followUpDue: day('follow_up_due'),
    outcome: text('outcome'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('result_applications_tenant_target_idx').on(t.tenantId, t.targetId), index('result_applications_tenant_person_idx').on(t.tenantId, t.personId)],
);

/** 每月一交流. */
export const exchangeMeetings = pgTable(
  'exchange_meetings',
  {
    id: id(),
    tenantId: tenant(),
    month: text('month').notNull(),
    heldOn: day('held_on').notNull(),
    presenters: text('presenters').notNull(),
    topics: text('topics').notNull(),
    summary: text('summary'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('exchange_meetings_tenant_month_idx').on(t.tenantId, t.month)],
);
