import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, importResult, okBody, unit, unitCreate, unitDetail, unitList, unitListQuery, unitUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { contentDisposition, once, sendXlsxStream, XLSX_TYPE } from '../../platform/excel.js';
import { readUpload } from '../../platform/upload.js';
import * as repo from './units.repo.js';
import * as service from './units.service.js';
import { importUnits, template } from './org.import.js';
import { unitKindLabel } from './org.labels.js';

export async function unitRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  r.get('/api/v1/units', { config: { permission: 'org.unit.read' }, schema: { tags, querystring: unitListQuery, response: { 200: unitList } } }, async (req) => {
    const items = await repo.listUnitViews(db, req.ctx.tenantId, req.query);
    return { items, total: items.length };
  });

  r.get('/api/v1/units/export', { config: { permission: 'org.unit.read' }, schema: { tags, querystring: unitListQuery } }, async (req, reply) => {
    const rows = await repo.listUnits(db, req.ctx.tenantId, req.query);
    const byId = new Map(rows.map((u) => [u.id, u]));
    const all = req.query.track || req.query.kind || req.query.q ? new Map((await repo.listUnits(db, req.ctx.tenantId, {})).map((u) => [u.id, u])) : byId;
    return sendXlsxStream(reply, '单位列表.xlsx', '单位', [
      { header: '编码', key: 'code', value: (u) => u.code },
      { header: '名称', key: 'name', width: 28, value: (u) => u.name },
      { header: '简称', key: 'shortName', value: (u) => u.shortName },
      { header: '类型', key: 'kind', value: (u) => unitKindLabel[u.kind] },
      { header: '上级编码', key: 'parentCode', value: (u) => (u.parentId ? all.get(u.parentId)?.code : '') },
      { header: '结对单位编码', key: 'pairedCode', value: (u) => (u.pairedUnitId ? all.get(u.pairedUnitId)?.code : '') },
      { header: '排序', key: 'sortOrder', value: (u) => u.sortOrder },
    ], once(rows));
  });

  r.get('/api/v1/units/template', { config: { permission: 'org.import' }, schema: { tags } }, async (_req, reply) => {
    reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', contentDisposition('单位导入模板.xlsx'));
    return template('units');
  });

  r.post('/api/v1/units/import', { config: { permission: 'org.import' }, schema: { tags, consumes: ['multipart/form-data'], response: { 200: importResult } } }, async (req) => {
    const file = await readUpload(req);
    return importUnits(db, req.ctx, file.fileName, file.buffer);
  });

  r.get('/api/v1/units/:id', { config: { permission: 'org.unit.read' }, schema: { tags, params: idParams, response: { 200: unitDetail } } }, async (req) =>
    service.getUnitDetail(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/units', { config: { permission: 'org.unit.write' }, schema: { tags, body: unitCreate, response: { 201: unit } } }, async (req, reply) => {
    reply.status(201);
    return service.createUnit(db, req.ctx, req.body);
  });

  r.patch('/api/v1/units/:id', { config: { permission: 'org.unit.write' }, schema: { tags, params: idParams, body: unitUpdate, response: { 200: unit } } }, async (req) =>
    service.updateUnit(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/units/:id', { config: { permission: 'org.unit.write' }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteUnit(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
