import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { goal, goalCreate, goalList, goalListQuery, goalUpdate, idParams, okBody } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { once, sendXlsxStream } from '../../platform/excel.js';
import * as service from './goals.service.js';
import { trackLabel } from './goals.presenter.js';
import { tenantWide } from '../../access/target.js';

export async function goalRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['goals'];
  // Goals are tenant reference data: readable by all with the permission, written by the office.
  const onGoal = { target: tenantWide('goal') };

  r.get('/api/v1/goals', { config: { permission: 'plan.goal.read' }, schema: { tags, querystring: goalListQuery, response: { 200: goalList } } }, async (req) =>
    service.listGoals(db, req.ctx, req.query),
  );

  r.get('/api/v1/goals/export', { config: { permission: 'plan.goal.read' }, schema: { tags, querystring: goalListQuery } }, async (req, reply) => {
    const { items } = await service.listGoals(db, req.ctx, req.query);
    const byId = new Map(items.map((g) => [g.id, g]));
    return sendXlsxStream(reply, '目标体系.xlsx', '目标', [
      { header: '序列', key: 'track', value: (g) => trackLabel[g.track] },
      { header: '编码', key: 'code', value: (g) => g.code },
      { header: '名称', key: 'name', width: 30, value: (g) => g.name },
      { header: '上级目标', key: 'parent', width: 30, value: (g) => (g.parentId ? byId.get(g.parentId)?.name : '') },
      { header: '说明', key: 'description', width: 40, value: (g) => g.description },
      { header: '关联任务数', key: 'taskCount', value: (g) => g.taskCount },
      { header: '关联学习数', key: 'studyCount', value: (g) => g.studyCount },
    ], once(items));
  });

  r.get('/api/v1/goals/:id', { config: { permission: 'plan.goal.read', ...onGoal }, schema: { tags, params: idParams, response: { 200: goal } } }, async (req) =>
    service.getGoal(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/goals', { config: { permission: 'plan.goal.write' }, schema: { tags, body: goalCreate, response: { 201: goal } } }, async (req, reply) => {
    reply.status(201);
    return service.createGoal(db, req.ctx, req.body);
  });

  r.patch('/api/v1/goals/:id', { config: { permission: 'plan.goal.write', ...onGoal }, schema: { tags, params: idParams, body: goalUpdate, response: { 200: goal } } }, async (req) =>
    service.updateGoal(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/goals/:id', { config: { permission: 'plan.goal.write', ...onGoal }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteGoal(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
