import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const tenant = () => uuid('tenant_id').notNull();
const day = (name: string) => date(name, { mode: 'string' });
const grams = () => text('search_grams').array().notNull().default(sql`'{}'::text[]`);

/** A liaison's report on a task; reviewed (approved or returned) by an inspector or the office. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: id(),
    tenantId: tenant(),
    taskId: uuid('task_id').notNull(),
    reporterId: uuid('reporter_id').notNull(),
    reporterName: text('reporter_name').notNull(),
    progress: integer('progress').notNull(),
    doneText: text('done_text').notNull(),
    problems: text('problems'),
    nextSteps: text('next_steps'),
    status: text('status').notNull().default('submitted'),
    revision: integer('revision').notNull().default(1),
    reviewerId: uuid('reviewer_id'),
    reviewerName: text('reviewer_name'),
    reviewComment: text('review_comment'),
    reviewedAt: ts('reviewed_at'),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('progress_reports_tenant_task_idx').on(t.tenantId, t.taskId, t.submittedAt),
    // the review queue: one status, newest first, served in index order
    index('progress_reports_tenant_status_idx').on(t.tenantId, t.status, t.submittedAt.desc(), t.id.desc()),
  ],
);

/** Every submit, return, resubmit and approval, kept so the task shows its whole history. */
export const progressReportEvents = pgTable(
  'progress_report_events',
  {
    id: id(),
    tenantId: tenant(),
    reportId: uuid('report_id').notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    comment: text('comment'),
    snapshot: jsonb('snapshot'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('progress_report_events_tenant_report_idx').on(t.tenantId, t.reportId, t.at)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    tenantId: tenant(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    entity: text('entity'),
    entityId: uuid('entity_id'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('notifications_tenant_user_idx').on(t.tenantId, t.userId, t.readAt, t.createdAt)],
);

export const activities = pgTable(
  'activities',
  {
    id: id(),
    tenantId: tenant(),
    campaignId: uuid('campaign_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    unitId: uuid('unit_id').notNull(),
    heldOn: day('held_on').notNull(),
    participants: integer('participants').notNull().default(0),
    summary: text('summary'),
    projectId: uuid('project_id'),
    searchGrams: grams(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('activities_tenant_idx').on(t.tenantId, t.heldOn),
    index('activities_tenant_unit_idx').on(t.tenantId, t.unitId, t.kind),
    index('activities_grams_gin').using('gin', t.searchGrams),
  ],
);

export const activityGoals = pgTable(
  'activity_goals',
  { tenantId: tenant(), activityId: uuid('activity_id').notNull(), goalId: uuid('goal_id').notNull() },
  (t) => [primaryKey({ columns: [t.tenantId, t.activityId, t.goalId] })],
);

/** 两优一先: a round with quotas per category; nominations go through review and publicity (公示). */
export const honourRounds = pgTable(
  'honour_rounds',
  {
    id: id(),
    tenantId: tenant(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('nominating'),
    publicityStart: day('publicity_start'),
    publicityEnd: day('publicity_end'),
    quotas: jsonb('quotas').notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('honour_rounds_tenant_year_idx').on(t.tenantId, t.year)],
);

export const honourNominations = pgTable(
  'honour_nominations',
  {
    id: id(),
    tenantId: tenant(),
    roundId: uuid('round_id').notNull(),
    category: text('category').notNull(),
    nomineePersonId: uuid('nominee_person_id'),
    nomineeUnitId: uuid('nominee_unit_id'),
    nominatingUnitId: uuid('nominating_unit_id').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('nominated'),
    reviewNote: text('review_note'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('honour_nominations_tenant_round_idx').on(t.tenantId, t.roundId, t.category, t.status)],
);

/** 党建"双创": apply → approve → cultivate → mid-term check → accept with a grade. */
export const innovationProjects = pgTable(
  'innovation_projects',
  {
    id: id(),
    tenantId: tenant(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    unitId: uuid('unit_id').notNull(),
    leaderPersonId: uuid('leader_person_id').notNull(),
    level: text('level').notNull(),
    stage: text('stage').notNull().default('applied'),
    grade: text('grade'),
    summary: text('summary'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('innovation_projects_tenant_idx').on(t.tenantId, t.stage), index('innovation_projects_tenant_unit_idx').on(t.tenantId, t.unitId)],
);

export const innovationProjectSteps = pgTable(
  'innovation_project_steps',
  {
    id: id(),
    tenantId: tenant(),
    projectId: uuid('project_id').notNull(),
    step: text('step').notNull(),
    at: day('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    expertComment: text('expert_comment'),
    grade: text('grade'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('innovation_project_steps_tenant_project_idx').on(t.tenantId, t.projectId, t.at)],
);

/** 立改废: each version is a row; `seriesId` ties the versions of one regulation together. */
export const regulations = pgTable(
  'regulations',
  {
    id: id(),
    tenantId: tenant(),
    seriesId: uuid('series_id').notNull(),
    versionNo: integer('version_no').notNull().default(1),
    previousId: uuid('previous_id'),
    title: text('title').notNull(),
    docNo: text('doc_no'),
    ownerUnitId: uuid('owner_unit_id').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull().default('draft'),
    effectiveOn: day('effective_on'),
    revisedOn: day('revised_on'),
    abolishedOn: day('abolished_on'),
    abolishReason: text('abolish_reason'),
    body: text('body'),
    searchGrams: grams(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('regulations_tenant_status_idx').on(t.tenantId, t.status),
    uniqueIndex('regulations_tenant_series_version_uq').on(t.tenantId, t.seriesId, t.versionNo),
    index('regulations_tenant_unit_idx').on(t.tenantId, t.ownerUnitId),
    index('regulations_grams_gin').using('gin', t.searchGrams),
  ],
);

/** 建新功 areas: a configurable list per tenant. */
export const contributionAreas = pgTable(
  'contribution_areas',
  { id: id(), tenantId: tenant(), code: text('code').notNull(), name: text('name').notNull(), sortOrder: integer('sort_order').notNull().default(0) },
  (t) => [uniqueIndex('contribution_areas_tenant_code_uq').on(t.tenantId, t.code)],
);

export const outcomes = pgTable(
  'outcomes',
  {
    id: id(),
    tenantId: tenant(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    unitId: uuid('unit_id').notNull(),
    level: text('level').notNull(),
    medium: text('medium'),
    publishedOn: day('published_on').notNull(),
    link: text('link'),
    areaCode: text('area_code'),
    taskId: uuid('task_id'),
    projectId: uuid('project_id'),
    searchGrams: grams(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('outcomes_tenant_kind_idx').on(t.tenantId, t.kind, t.publishedOn),
    index('outcomes_tenant_unit_idx').on(t.tenantId, t.unitId),
    // the register's default order
    index('outcomes_tenant_published_idx').on(t.tenantId, t.publishedOn.desc(), t.id),
    index('outcomes_tenant_project_idx').on(t.tenantId, t.projectId),
    // the cockpit's grouping of a period's outcomes by kind, level and medium, read from the index alone
    index('outcomes_tenant_published_cover_idx').on(t.tenantId, t.publishedOn, t.kind, t.level, t.medium, t.unitId, t.id),
    index('outcomes_grams_gin').using('gin', t.searchGrams),
  ],
);

export const outcomePeople = pgTable(
  'outcome_people',
  { tenantId: tenant(), outcomeId: uuid('outcome_id').notNull(), personId: uuid('person_id').notNull() },
  (t) => [primaryKey({ columns: [t.tenantId, t.outcomeId, t.personId] }), index('outcome_people_tenant_person_idx').on(t.tenantId, t.personId)],
);

/** Per user and notification kind: which channels deliver it (in-app is always on). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    tenantId: tenant(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    email: boolean('email').notNull().default(false),
    webhook: boolean('webhook').notNull().default(false),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.kind] })],
);

/**
 * Outbox of email and robot-webhook deliveries: written in the transaction of
 * the notification, sent by a worker with retries and backoff, so a slow or
 * unreachable channel never blocks a request.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: id(),
    tenantId: tenant(),
    notificationId: uuid('notification_id'),
    channel: text('channel').notNull(),
    target: text('target').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('notification_deliveries_due_idx').on(t.status, t.nextAttemptAt), index('notification_deliveries_tenant_idx').on(t.tenantId, t.createdAt)],
);
