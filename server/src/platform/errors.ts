import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorStatus, type ErrorCode, type FieldIssue } from '@santong/contract';

/** The one error type the services throw; the handler turns it into the API error shape. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (code: ErrorCode = 'NOT_FOUND', what = 'record') => new AppError(code, `${what} not found`);
export const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${path}: ${message}`, { issues: [{ path, message }] satisfies FieldIssue[] });

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const c = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  return c && /^[0-9A-Z]{5}$/.test(c) ? c : undefined;
}

/** Maps anything thrown in a request to `{ error: { code, message, details } }`; 5xx never leak internals. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: FieldIssue[] = err.validation.map((v) => {
        const where = (err.validationContext ?? 'body') as string;
        const p = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        const extra = (v.params as { issue?: { keys?: string[] } })?.issue?.keys;
        const path = [where, p, extra?.length ? extra.join(',') : ''].filter(Boolean).join('.');
        return { path, message: v.message ?? 'invalid' };
      });
      const first = issues[0];
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: first ? `${first.path}: ${first.message}` : 'invalid request', details: { issues } },
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
    }
    const code = pgCode(err);
    if (code === '23505') return reply.status(409).send({ error: { code: 'DUPLICATE', message: 'a record with the same key already exists' } });
    if (code === '40001' || code === '40P01') return reply.status(409).send({ error: { code: 'VERSION_CONFLICT', message: 'concurrent update, retry' } });
    // 22021/22P05: text the database cannot store (NUL, bad encoding); 22001: longer than a column allows.
    if (code === '22P02' || code === '22007' || code === '22008' || code === '22003' || code === '23503' || code === '22021' || code === '22P05' || code === '22001')
      return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: 'invalid value' } });

    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.code === 'FST_REQ_FILE_TOO_LARGE')
      return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'request body too large' } });
    if (status === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.status(415).send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported content type' } });
    if (status === 429) return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: 'too many requests, slow down' } });
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'BAD_REQUEST', message: err.message || 'bad request' } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
  });
}
