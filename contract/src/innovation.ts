import { z } from 'zod';
import { isoDate, listOf, optionalText, pageQuery, text } from './common.js';
import { outcomeKind, outcomeLevel } from './outcomes.js';
import { activityKind } from './activities.js';

/** 党建"双创" (S9): 标杆院系, 样板支部, 双带头人工作室 — applied, approved, cultivated, checked mid-term, accepted with a grade. */
export const innovationKinds = ['benchmark_college', 'model_branch', 'dual_leader_studio', 'other'] as const;
export const innovationKind = z.enum(innovationKinds);
export type InnovationKind = z.infer<typeof innovationKind>;
export const innovationLevels = ['national', 'provincial', 'school'] as const;
export const innovationLevel = z.enum(innovationLevels);
export type InnovationLevel = z.infer<typeof innovationLevel>;
export const innovationStages = ['applied', 'approved', 'rejected', 'cultivating', 'midterm_checked', 'accepted'] as const;
export const innovationStage = z.enum(innovationStages);
export type InnovationStage = z.infer<typeof innovationStage>;
export const innovationGrades = ['excellent', 'pass', 'fail'] as const;
export const innovationGrade = z.enum(innovationGrades);
export type InnovationGrade = z.infer<typeof innovationGrade>;
/** The office's steps after the application, each a POST action. */
export const innovationActions = ['approve', 'reject', 'cultivate', 'midterm_check', 'accept'] as const;
export const innovationAction = z.enum(innovationActions);
export type InnovationAction = z.infer<typeof innovationAction>;
export const innovationStepNames = ['apply', ...innovationActions] as const;

export const innovationProject = z
  .object({
    id: z.uuid(),
    kind: innovationKind,
    title: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    leaderPersonId: z.uuid(),
    leaderName: z.string(),
    level: innovationLevel,
    stage: innovationStage,
    grade: innovationGrade.nullable(),
    summary: z.string().nullable(),
    appliedOn: isoDate.nullable(),
    lastStepOn: isoDate.nullable(),
    outcomeCount: z.number().int(),
    activityCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'InnovationProject' });
export type InnovationProject = z.infer<typeof innovationProject>;

export const innovationStep = z
  .object({
    id: z.uuid(),
    step: z.enum(innovationStepNames),
    at: isoDate,
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    expertComment: z.string().nullable(),
    grade: innovationGrade.nullable(),
  })
  .meta({ id: 'InnovationStep' });
export type InnovationStep = z.infer<typeof innovationStep>;

export const innovationProjectDetail = innovationProject
  .extend({
    steps: z.array(innovationStep),
    /** the steps the project's stage allows next */
    nextActions: z.array(innovationAction),
    outcomes: z.array(z.object({ id: z.uuid(), kind: outcomeKind, title: z.string(), level: outcomeLevel, publishedOn: isoDate, unitName: z.string() })),
    activities: z.array(z.object({ id: z.uuid(), kind: activityKind, title: z.string(), heldOn: isoDate, unitName: z.string(), participants: z.number().int() })),
  })
  .meta({ id: 'InnovationProjectDetail' });
export type InnovationProjectDetail = z.infer<typeof innovationProjectDetail>;

const projectFields = {
  kind: innovationKind,
  title: text(200),
  unitId: z.uuid(),
  leaderPersonId: z.uuid(),
  level: innovationLevel,
  summary: optionalText(5000),
};
export const innovationProjectCreate = z
  .object({ ...projectFields, appliedOn: isoDate.optional().describe('date of the application; today when absent'), comment: optionalText(2000) })
  .strict();
export const innovationProjectUpdate = z.object(projectFields).partial().extend({ version: z.number().int() }).strict();

/** One step: its date and the experts' comment; `version` (optional) guards against a stale page. */
export const innovationStepInput = z.object({ at: isoDate, expertComment: optionalText(2000), version: z.number().int().optional() }).strict();
export const innovationAcceptInput = innovationStepInput.extend({ grade: innovationGrade }).strict();
export const innovationOutcomeLink = z.object({ outcomeId: z.uuid() }).strict();
export const innovationOutcomeParams = z.object({ id: z.uuid(), outcomeId: z.uuid() }).strict();

const projectFilter = {
  kind: innovationKind.optional(),
  level: innovationLevel.optional(),
  stage: innovationStage.optional(),
  unitId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
};
export const innovationProjectListQuery = z.object({ ...pageQuery, ...projectFilter }).strict();
export const innovationProjectExportQuery = innovationProjectListQuery.omit({ page: true, pageSize: true });
export const innovationProjectList = listOf(innovationProject);
