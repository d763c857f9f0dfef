import type { FastifyInstance } from 'fastify';
import { invalid } from './errors.js';

/**
 * PostgreSQL text cannot hold NUL (the query fails), and an unpaired UTF-16
 * surrogate would be stored as U+FFFD (silently changed). Either is refused
 * up front as a 400 naming the field, for every route, whatever its schema.
 */
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 64;

/** The dotted path of the first string (or key) that cannot be stored, or null. */
export function findUnstorableText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return BAD.test(value) ? path : null;
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    if (BAD.test(k)) return `${path}.${k.replace(BAD, '?')}`;
    const hit = findUnstorableText(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const hit = findUnstorableText(req.body, 'body') ?? findUnstorableText(req.query, 'querystring') ?? findUnstorableText(req.params, 'params');
    if (hit) throw invalid(hit, 'contains a NUL character or an unpaired surrogate');
  });
}
