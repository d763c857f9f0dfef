import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TenantGenerations } from './result-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** bumped for a tenant whenever one of its writes succeeds in this process (see result-cache.ts) */
    tenantWrites: TenantGenerations;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bumpOnWrite(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  if (READS.has(req.method) || !req.url.startsWith('/api/v1/') || !req.ctx) return;
  if (reply.statusCode >= 200 && reply.statusCode < 300) app.tenantWrites.bump(req.ctx.tenantId);
}

/**
 * Every successful API write (any method but GET/HEAD/OPTIONS answered 2xx)
 * bumps its tenant's generation. onSend runs once the handler has returned —
 * services commit their transaction before that — and before the client can
 * see the answer, so the writer's next read is never served from before the
 * write; onResponse bumps again for a handler that would finish its work
 * after sending.
 */
export function registerWriteGenerations(app: FastifyInstance) {
  app.decorate('tenantWrites', new TenantGenerations());
  app.addHook('onSend', async (req, reply, payload) => {
    bumpOnWrite(app, req, reply);
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => bumpOnWrite(app, req, reply));
}
