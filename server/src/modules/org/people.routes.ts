import type { FastifyInstance } from 'fastify';
import type { PersonStats } from '@santong/contract';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, importResult, okBody, person, personCreate, personStats, personExportQuery, personList, personListQuery, personUpdate, position, positionCreate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { contentDisposition, sendXlsxStream, XLSX_TYPE } from '../../platform/excel.js';
import { readUpload } from '../../platform/upload.js';
import * as repo from './people.repo.js';
import * as service from './people.service.js';
import { importPeople, template } from './org.import.js';
import { genderLabel, politicalStatusLabel } from './org.labels.js';

const bool = (v?: 'true' | 'false') => (v === undefined ? undefined : v === 'true');

export async function peopleRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  r.get('/api/v1/people', { config: { permission: 'org.person.read' }, schema: { tags, querystring: personListQuery, response: { 200: personList } } }, async (req) => {
    const { page, pageSize, sort, subtree, dualLeader, ...f } = req.query;
    return service.listPeople(db, req.ctx, { ...f, subtree: bool(subtree), dualLeader: bool(dualLeader) }, { page, pageSize, sort });
  });

  r.get('/api/v1/people/export', { config: { permission: 'org.person.read' }, schema: { tags, querystring: personExportQuery } }, async (req, reply) => {
    const { sort: _sort, subtree, dualLeader, ...f } = req.query;
    const batches = repo.iteratePeople(await req.readDb(), req.ctx.tenantId, req.ctx.scope, { ...f, subtree: bool(subtree), dualLeader: bool(dualLeader) });
    return sendXlsxStream(reply, '人员名单.xlsx', '人员', [
      { header: '工号', key: 'staffNo', value: (p) => p.staffNo },
      { header: '姓名', key: 'name', value: (p) => p.name },
      { header: '性别', key: 'gender', value: (p) => (p.gender ? genderLabel[p.gender] : '') },
      { header: '职称职务', key: 'title', value: (p) => p.title },
      { header: '政治面貌', key: 'politicalStatus', value: (p) => politicalStatusLabel[p.politicalStatus] },
      { header: '双带头人', key: 'dualLeader', value: (p) => (p.dualLeader ? '是' : '否') },
      { header: '电话', key: 'phone', value: (p) => p.phone },
      { header: '邮箱', key: 'email', width: 26, value: (p) => p.email },
      { header: '单位', key: 'unitName', width: 26, value: (p) => p.unitName },
    ], batches);
  });

  r.get('/api/v1/people/stats', { config: { permission: 'org.person.read' }, schema: { tags, response: { 200: personStats } } }, async (req) => {
    const rows = await repo.countPeopleByStatus(db, req.ctx.tenantId, req.ctx.scope);
    return {
      total: rows.reduce((s, r) => s + r.count, 0),
      dualLeaders: rows.reduce((s, r) => s + r.dual, 0),
      byPoliticalStatus: rows.map((r) => ({ politicalStatus: r.politicalStatus as PersonStats['byPoliticalStatus'][number]['politicalStatus'], count: r.count })),
    };
  });

  r.get('/api/v1/people/template', { config: { permission: 'org.import' }, schema: { tags } }, async (_req, reply) => {
    reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', contentDisposition('人员导入模板.xlsx'));
    return template('people');
  });

  r.post('/api/v1/people/import', { config: { permission: 'org.import' }, schema: { tags, consumes: ['multipart/form-data'], response: { 200: importResult } } }, async (req) => {
    const file = await readUpload(req);
    return importPeople(db, req.ctx, file.fileName, file.buffer);
  });

  r.get('/api/v1/people/:id', { config: { permission: 'org.person.read' }, schema: { tags, params: idParams, response: { 200: person } } }, async (req) =>
    service.getPersonDetail(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/people', { config: { permission: 'org.person.write' }, schema: { tags, body: personCreate, response: { 201: person } } }, async (req, reply) => {
    reply.status(201);
    return service.createPerson(db, req.ctx, req.body);
  });

  r.patch('/api/v1/people/:id', { config: { permission: 'org.person.write' }, schema: { tags, params: idParams, body: personUpdate, response: { 200: person } } }, async (req) =>
    service.updatePerson(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/people/:id', { config: { permission: 'org.person.write' }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deletePerson(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.post('/api/v1/positions', { config: { permission: 'org.person.write' }, schema: { tags, body: positionCreate, response: { 201: position } } }, async (req, reply) => {
    reply.status(201);
    return service.addPosition(db, req.ctx, req.body);
  });

  r.delete('/api/v1/positions/:id', { config: { permission: 'org.person.write' }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.removePosition(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
