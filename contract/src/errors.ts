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
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  UNIT_HAS_CHILDREN: 409,
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
