import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditList, auditQuery, idParams, resetPasswordBody, user, userCreate, userList, userListQuery, userUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { listAudit } from '../../platform/audit/audit.repo.js';
import * as repo from './users.repo.js';
import * as service from './users.service.js';

export async function adminRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/users', { config: { permission: 'user.read' }, schema: { tags: ['admin'], querystring: userListQuery, response: { 200: userList } } }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    const { items, total } = await repo.listUsers(db, req.ctx.tenantId, f, page, pageSize);
    return { items: items.map(service.presentUser), total };
  });

  r.post('/api/v1/users', { config: { permission: 'user.write' }, schema: { tags: ['admin'], body: userCreate, response: { 201: user } } }, async (req, reply) => {
    reply.status(201);
    return service.createUser(db, req.ctx, req.body);
  });

  r.patch('/api/v1/users/:id', { config: { permission: 'user.write' }, schema: { tags: ['admin'], params: idParams, body: userUpdate, response: { 200: user } } }, async (req) =>
    service.updateUser(db, req.ctx, req.params.id, req.body),
  );

  r.post('/api/v1/users/:id/reset-password', { config: { permission: 'user.write' }, schema: { tags: ['admin'], params: idParams, body: resetPasswordBody, response: { 200: user } } }, async (req) =>
    service.resetPassword(db, req.ctx, req.params.id, req.body.password),
  );

  r.post('/api/v1/users/:id/unlock', { config: { permission: 'user.unlock' }, schema: { tags: ['admin'], params: idParams, response: { 200: user } } }, async (req) =>
    service.unlockUser(db, req.ctx, req.params.id),
  );

  r.get('/api/v1/audit-log', { config: { permission: 'audit.read' }, schema: { tags: ['admin'], querystring: auditQuery, response: { 200: auditList } } }, async (req) => {
    const { page, pageSize, sort: _s, ...f } = req.query;
    const { items, total } = await listAudit(db, req.ctx.tenantId, f, page, pageSize);
    return {
      total,
      items: items.map((a) => ({ id: String(a.id), at: a.at.toISOString(), actorId: a.actorId, actorName: a.actorName, ip: a.ip, action: a.action, entity: a.entity, entityId: a.entityId, before: a.before, after: a.after })),
    };
  });
}
