import { z } from 'zod';

/** Every error code the API can answer with, and its HTTP status. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  IMPORT_INVALID: 400,
  PASSWORD_POLICY: 400,
  ROLE_CONFLICT: 400,
  TENANT_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  DUTY_NOT_FOUND: 404,
  IMPORT_NOT_FOUND: 404,
  CAMPAIGN_NOT_FOUND: 404,
  CAMPAIGN_BODY_NOT_FOUND: 404,
  CAMPAIGN_MEMBER_NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  GOAL_NOT_FOUND: 404,
  STUDY_SESSION_NOT_FOUND: 404,
  RESEARCH_TOPIC_NOT_FOUND: 404,
  RESEARCH_PROBLEM_NOT_FOUND: 404,
  LECTURE_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  TASK_EXTENSION_NOT_FOUND: 404,
  PROGRESS_REPORT_NOT_FOUND: 404,
  NOTIFICATION_NOT_FOUND: 404,
  OUTCOME_NOT_FOUND: 404,
  CONTRIBUTION_AREA_NOT_FOUND: 404,
  REGULATION_NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  REGULATION_STATE_INVALID: 409,
  CONTRIBUTION_AREA_IN_USE: 409,
  DUPLICATE: 409,
  UNIT_HAS_CHILDREN: 409,
  RESEARCH_STATUS_INVALID: 409,
  PROBLEM_ALREADY_RECTIFIED: 409,
  TOPIC_HAS_TASKS: 409,
  CAMPAIGN_STATUS_INVALID: 409,
  CAMPAIGN_CLOSED: 409,
  CAMPAIGN_IN_USE: 409,
  DOCUMENT_IN_USE: 409,
  GOAL_HAS_CHILDREN: 409,
  GOAL_IN_USE: 409,
  TASK_STATE_INVALID: 409,
  TASK_HAS_CHILDREN: 409,
  REPORT_STATE_INVALID: 409,
  REPORT_TASK_CLOSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBody>;

/** One problem with one field; `path` is the dotted field path, `row` is set for imports. */
export const fieldIssue = z.object({
  path: z.string(),
  message: z.string(),
  row: z.number().int().optional(),
  column: z.string().optional(),
});
export type FieldIssue = z.infer<typeof fieldIssue>;
