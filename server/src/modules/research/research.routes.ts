import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParams, okBody, rectifyInput, rectifyResult, researchProblem, researchProblemCreate, researchProblemUpdate, researchTopicCreate,
  researchTopicDetail, researchTopicExportQuery, researchTopicList, researchTopicListQuery, researchTopicUpdate, type ResearchTopic,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { sendXlsxStream } from '../../platform/excel.js';
import * as repo from './research.repo.js';
import * as service from './research.service.js';
import * as problems from './problems.service.js';
import { presentTopic, researchStatusLabel } from './research.presenter.js';
import { scoped } from '../../access/target.js';

/** 调研 (S5): topics, the problems they find, and the one-step rectification task. */
export async function researchRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['research'];
  const read = { permission: 'plan.research.read' as const };
  const write = { permission: 'plan.research.write' as const };
  // A topic is in scope when it touches a unit of the caller's scope or the caller leads it; its problems go with it.
  const onTopic = { target: scoped('research-topic') };
  const onProblem = { target: scoped('research-problem') };

  r.get('/api/v1/research-topics', { config: read, schema: { tags, querystring: researchTopicListQuery, response: { 200: researchTopicList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return service.listTopics(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/research-topics/export', { config: read, schema: { tags, querystring: researchTopicExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    const batches = (async function* () {
      for await (const rows of repo.iterateTopics(db, req.ctx.tenantId, req.ctx.scope, f, sort)) {
        const units = await repo.listTopicUnits(db, req.ctx.tenantId, rows.map((x) => x.id));
        yield rows.map((x) => presentTopic(x, units));
      }
    })();
    return sendXlsxStream<ResearchTopic>(reply, '调研课题.xlsx', '调研课题', [
      { header: '课题名称', key: 'title', width: 36, value: (t) => t.title },
      { header: '问题领域', key: 'problemArea', width: 20, value: (t) => t.problemArea },
      { header: '牵头校领导', key: 'leaderName', width: 12, value: (t) => t.leaderName },
      { header: '参与单位', key: 'units', width: 36, value: (t) => t.units.map((u) => u.name).join('、') },
      { header: '状态', key: 'status', width: 10, value: (t) => researchStatusLabel[t.status] },
      { header: '调研报告', key: 'report', width: 30, value: (t) => (t.reportDocument ? `${t.reportDocument.title}${t.reportDocument.docNo ? `（${t.reportDocument.docNo}）` : ''}` : '') },
      { header: '发现问题数', key: 'problemCount', width: 10, value: (t) => t.problemCount },
      { header: '转整改任务数', key: 'rectifiedCount', width: 12, value: (t) => t.rectifiedCount },
      { header: '整改完成数', key: 'doneCount', width: 10, value: (t) => t.doneCount },
      { header: '更新时间', key: 'updatedAt', width: 18, value: (t) => new Date(t.updatedAt) },
    ], batches);
  });

  r.get('/api/v1/research-topics/:id', { config: { ...read, ...onTopic }, schema: { tags, params: idParams, response: { 200: researchTopicDetail } } }, async (req) =>
    service.getTopicDetail(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/research-topics', { config: { ...write, target: scoped('unit') }, schema: { tags, body: researchTopicCreate, response: { 201: researchTopicDetail } } }, async (req, reply) => {
    reply.status(201);
    return service.createTopic(db, req.ctx, req.body);
  });

  r.patch('/api/v1/research-topics/:id', { config: { ...write, ...onTopic }, schema: { tags, params: idParams, body: researchTopicUpdate, response: { 200: researchTopicDetail } } }, async (req) =>
    service.updateTopic(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/research-topics/:id', { config: { ...write, ...onTopic }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteTopic(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.post('/api/v1/research-topics/:id/problems', { config: { ...write, ...onTopic }, schema: { tags, params: idParams, body: researchProblemCreate, response: { 201: researchProblem } } }, async (req, reply) => {
    reply.status(201);
    return problems.addProblem(db, req.ctx, req.params.id, req.body);
  });

  r.patch('/api/v1/research-problems/:id', { config: { ...write, ...onProblem }, schema: { tags, params: idParams, body: researchProblemUpdate, response: { 200: researchProblem } } }, async (req) =>
    problems.updateProblem(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/research-problems/:id', { config: { ...write, ...onProblem }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await problems.deleteProblem(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.post('/api/v1/research-problems/:id/rectify', { config: { ...write, ...onProblem }, schema: { tags, params: idParams, body: rectifyInput, response: { 201: rectifyResult } } }, async (req, reply) => {
    reply.status(201);
    return problems.rectifyProblem(db, req.ctx, req.params.id, req.body);
  });
}
