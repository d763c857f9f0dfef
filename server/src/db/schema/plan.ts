import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const tenant = () => uuid('tenant_id').notNull();
const day = (name: string) => date(name, { mode: 'string' });

/** Stored files, content-addressed: one row per distinct content per tenant. */
export const files = pgTable(
  'files',
  {
    id: id(),
    tenantId: tenant(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('files_tenant_sha_uq').on(t.tenantId, t.sha256)],
);

/** A file attached to a record, under the name the uploader gave it. */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    tenantId: tenant(),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    fileId: uuid('file_id').notNull(),
    name: text('name').notNull(),
    purpose: text('purpose'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_tenant_entity_idx').on(t.tenantId, t.entity, t.entityId), index('attachments_tenant_file_idx').on(t.tenantId, t.fileId)],
);

export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    tenantId: tenant(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date').notNull(),
    status: text('status').notNull().default('draft'),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('campaigns_tenant_status_idx').on(t.tenantId, t.status, t.startDate)],
);

/** Leading group, office, working groups and liaison team of a campaign (S1). */
export const campaignBodies = pgTable(
  'campaign_bodies',
  {
    id: id(),
    tenantId: tenant(),
    campaignId: uuid('campaign_id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    duty: text('duty'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('campaign_bodies_tenant_campaign_idx').on(t.tenantId, t.campaignId)],
);

export const campaignMembers = pgTable(
  'campaign_members',
  {
    id: id(),
    tenantId: tenant(),
    bodyId: uuid('body_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role').notNull(),
    unitId: uuid('unit_id'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('campaign_members_tenant_body_person_uq').on(t.tenantId, t.bodyId, t.personId),
    index('campaign_members_tenant_person_idx').on(t.tenantId, t.personId),
  ],
);

export const documents = pgTable(
  'documents',
  {
    id: id(),
    tenantId: tenant(),
    campaignId: uuid('campaign_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    docNo: text('doc_no'),
    issuingUnitId: uuid('issuing_unit_id'),
    issuedOn: day('issued_on'),
    summary: text('summary'),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('documents_tenant_campaign_idx').on(t.tenantId, t.campaignId, t.issuedOn), index('documents_grams_gin').using('gin', t.searchGrams)],
);

/** Two goal tracks: party goals and business goals (S4), each a tree. */
export const goals = pgTable(
  'goals',
  {
    id: id(),
    tenantId: tenant(),
    track: text('track').notNull(),
    parentId: uuid('parent_id'),
    code: text('code'),
    name: text('name').notNull(),
    description: text('description'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('goals_tenant_track_idx').on(t.tenantId, t.track, t.parentId)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    tenantId: tenant(),
    campaignId: uuid('campaign_id').notNull(),
    parentId: uuid('parent_id'),
    title: text('title').notNull(),
    description: text('description'),
    category: text('category').notNull(),
    ownerUnitId: uuid('owner_unit_id').notNull(),
    responsiblePersonId: uuid('responsible_person_id'),
    startDate: day('start_date').notNull(),
    dueDate: day('due_date').notNull(),
    weight: numeric('weight', { precision: 8, scale: 2, mode: 'number' }).notNull().default(1),
    status: text('status').notNull().default('planned'),
    progress: integer('progress').notNull().default(0),
    fused: boolean('fused').notNull().default(false),
    issuedAt: ts('issued_at'),
    signedAt: ts('signed_at'),
    signedBy: uuid('signed_by'),
    lastReportAt: ts('last_report_at'),
    completedAt: ts('completed_at'),
    recurrence: text('recurrence').notNull().default('none'),
    recurrenceOf: uuid('recurrence_of'),
    recurrenceKey: text('recurrence_key'),
    sortOrder: integer('sort_order').notNull().default(0),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('tasks_tenant_campaign_idx').on(t.tenantId, t.campaignId, t.parentId),
    // child counts and subtree walks look tasks up by parent alone
    index('tasks_tenant_parent_idx').on(t.tenantId, t.parentId),
    index('tasks_tenant_campaign_status_idx').on(t.tenantId, t.campaignId, t.status),
    index('tasks_tenant_owner_idx').on(t.tenantId, t.ownerUnitId, t.status),
    index('tasks_tenant_due_idx').on(t.tenantId, t.dueDate),
    // a campaign's list page by due date: the page's ids come from the index alone (status is filtered there too)
    index('tasks_tenant_campaign_due_idx').on(t.tenantId, t.campaignId, t.dueDate, t.id, t.status),
    index('tasks_tenant_leader_idx').on(t.tenantId, t.responsiblePersonId),
    uniqueIndex('tasks_tenant_recurrence_uq').on(t.tenantId, t.recurrenceOf, t.recurrenceKey),
    index('tasks_grams_gin').using('gin', t.searchGrams),
  ],
);

export const taskUnits = pgTable(
  'task_units',
  { tenantId: tenant(), taskId: uuid('task_id').notNull(), unitId: uuid('unit_id').notNull() },
  (t) => [primaryKey({ columns: [t.tenantId, t.taskId, t.unitId] }), index('task_units_tenant_unit_idx').on(t.tenantId, t.unitId)],
);

export const taskGoals = pgTable(
  'task_goals',
  { tenantId: tenant(), taskId: uuid('task_id').notNull(), goalId: uuid('goal_id').notNull() },
  (t) => [primaryKey({ columns: [t.tenantId, t.taskId, t.goalId] }), index('task_goals_tenant_goal_idx').on(t.tenantId, t.goalId)],
);

export const taskExtensions = pgTable(
  'task_extensions',
  {
    id: id(),
    tenantId: tenant(),
    taskId: uuid('task_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    oldDueDate: day('old_due_date').notNull(),
    newDueDate: day('new_due_date').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('task_extensions_tenant_task_idx').on(t.tenantId, t.taskId)],
);

export const taskComments = pgTable(
  'task_comments',
  {
    id: id(),
    tenantId: tenant(),
    taskId: uuid('task_id').notNull(),
    authorId: uuid('author_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('task_comments_tenant_task_idx').on(t.tenantId, t.taskId, t.createdAt)],
);

export const taskFollows = pgTable(
  'task_follows',
  { tenantId: tenant(), taskId: uuid('task_id').notNull(), userId: uuid('user_id').notNull(), createdAt: ts('created_at').notNull().defaultNow() },
  (t) => [primaryKey({ columns: [t.tenantId, t.taskId, t.userId] }), index('task_follows_tenant_user_idx').on(t.tenantId, t.userId)],
);

/** 中心组学习, 读书班, 专题研讨, branch study (S4). */
export const studySessions = pgTable(
  'study_sessions',
  {
    id: id(),
    tenantId: tenant(),
    campaignId: uuid('campaign_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: day('held_on').notNull(),
    hostUnitId: uuid('host_unit_id').notNull(),
    location: text('location'),
    summary: text('summary'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('study_sessions_tenant_idx').on(t.tenantId, t.campaignId, t.heldOn), index('study_sessions_tenant_unit_idx').on(t.tenantId, t.hostUnitId)],
);

export const studyAttendees = pgTable(
  'study_attendees',
  { tenantId: tenant(), sessionId: uuid('session_id').notNull(), personId: uuid('person_id').notNull(), attended: boolean('attended').notNull().default(true) },
  (t) => [primaryKey({ columns: [t.tenantId, t.sessionId, t.personId] })],
);

export const studySessionGoals = pgTable(
  'study_session_goals',
  { tenantId: tenant(), sessionId: uuid('session_id').notNull(), goalId: uuid('goal_id').notNull() },
  (t) => [primaryKey({ columns: [t.tenantId, t.sessionId, t.goalId] })],
);

/** 调研 (S5): topics chosen from problems; the problems found become rectification tasks. */
export const researchTopics = pgTable(
  'research_topics',
  {
    id: id(),
    tenantId: tenant(),
    campaignId: uuid('campaign_id'),
    title: text('title').notNull(),
    problemArea: text('problem_area').notNull(),
    leaderPersonId: uuid('leader_person_id').notNull(),
    status: text('status').notNull().default('proposed'),
    reportDocumentId: uuid('report_document_id'),
    findings: text('findings'),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('research_topics_tenant_idx').on(t.tenantId, t.campaignId, t.status),
    index('research_topics_tenant_leader_idx').on(t.tenantId, t.leaderPersonId),
    index('research_topics_grams_gin').using('gin', t.searchGrams),
  ],
);

export const researchTopicUnits = pgTable(
  'research_topic_units',
  { tenantId: tenant(), topicId: uuid('topic_id').notNull(), unitId: uuid('unit_id').notNull() },
  (t) => [primaryKey({ columns: [t.tenantId, t.topicId, t.unitId] }), index('research_topic_units_tenant_unit_idx').on(t.tenantId, t.unitId)],
);

export const researchProblems = pgTable(
  'research_problems',
  {
    id: id(),
    tenantId: tenant(),
    topicId: uuid('topic_id').notNull(),
    description: text('description').notNull(),
    ownerUnitId: uuid('owner_unit_id'),
    rectificationTaskId: uuid('rectification_task_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('research_problems_tenant_topic_idx').on(t.tenantId, t.topicId), index('research_problems_tenant_task_idx').on(t.tenantId, t.rectificationTaskId)],
);

/** 党课 (S6): who lectured whom, when, to how many. */
export const lectures = pgTable(
  'lectures',
  {
    id: id(),
    tenantId: tenant(),
    campaignId: uuid('campaign_id'),
    lecturerPersonId: uuid('lecturer_person_id').notNull(),
    audienceUnitId: uuid('audience_unit_id').notNull(),
    heldOn: day('held_on').notNull(),
    topic: text('topic').notNull(),
    audienceCount: integer('audience_count').notNull(),
    location: text('location'),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('lectures_tenant_idx').on(t.tenantId, t.heldOn),
    index('lectures_tenant_lecturer_idx').on(t.tenantId, t.lecturerPersonId),
    index('lectures_tenant_unit_idx').on(t.tenantId, t.audienceUnitId),
    index('lectures_grams_gin').using('gin', t.searchGrams),
  ],
);
