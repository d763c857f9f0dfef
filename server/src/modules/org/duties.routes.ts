import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, leaderDuty, leaderDutyCreate, leaderDutyList, leaderDutyQuery, okBody } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { contentDisposition } from '../../platform/excel.js';
import * as service from './duties.service.js';
import { importReport } from './org.import.js';

export async function dutyRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  r.get('/api/v1/leader-duties', { config: { permission: 'org.duty.read' }, schema: { tags, querystring: leaderDutyQuery, response: { 200: leaderDutyList } } }, async (req) =>
    service.listDuties(db, req.ctx, req.query),
  );

  r.post('/api/v1/leader-duties', { config: { permission: 'org.duty.write' }, schema: { tags, body: leaderDutyCreate, response: { 201: leaderDuty } } }, async (req, reply) => {
    reply.status(201);
    return service.addDuty(db, req.ctx, req.body);
  });

  r.delete('/api/v1/leader-duties/:id', { config: { permission: 'org.duty.write' }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.removeDuty(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.get('/api/v1/imports/:id/report', { config: { permission: 'org.import' }, schema: { tags, params: idParams } }, async (req, reply) => {
    const { fileName, buf } = await importReport(db, req.ctx, req.params.id);
    reply.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('Content-Disposition', contentDisposition(fileName));
    return buf;
  });
}
