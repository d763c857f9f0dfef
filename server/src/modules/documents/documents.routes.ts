import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { documentCreate, documentExportQuery, documentList, documentListQuery, documentRecord, documentUpdate, hasPermission, idParams, okBody } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { sendXlsxStream } from '../../platform/excel.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import * as repo from './documents.repo.js';
import * as service from './documents.service.js';
import { documentKindLabel } from './documents.presenter.js';
import { tenantWide } from '../../access/target.js';

const asDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

export async function documentRoutes(app: FastifyInstance, { db }: { db: Db }) {
  // Documents are published to the whole tenant: reading needs the read permission, attaching the write one.
  registerAttachmentOwner('document', async (d, ctx, id, mode) => {
    if (!(await repo.getDocument(d, ctx.tenantId, id))) return 'missing';
    return hasPermission(ctx.roles, mode === 'read' ? 'plan.document.read' : 'plan.document.write') ? 'ok' : 'denied';
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  const read = { permission: 'plan.document.read' as const };
  const write = { permission: 'plan.document.write' as const };
  // Documents are published to the whole tenant (see the attachment owner above).
  const onDocument = { target: tenantWide('document') };

  r.get('/api/v1/documents', { config: read, schema: { tags, querystring: documentListQuery, response: { 200: documentList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return service.listDocuments(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/documents/export', { config: read, schema: { tags, querystring: documentExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    return sendXlsxStream(reply, '文件登记.xlsx', '文件', [
      { header: '类型', key: 'kind', value: (d) => documentKindLabel[d.kind as keyof typeof documentKindLabel] },
      { header: '标题', key: 'title', width: 44, value: (d) => d.title },
      { header: '文号', key: 'docNo', width: 24, value: (d) => d.docNo },
      { header: '发文单位', key: 'issuingUnitName', width: 26, value: (d) => d.issuingUnitName },
      { header: '发文日期', key: 'issuedOn', value: (d) => asDate(d.issuedOn) },
      { header: '所属工作部署', key: 'campaignTitle', width: 36, value: (d) => d.campaignTitle },
      { header: '摘要', key: 'summary', width: 60, value: (d) => d.summary },
    ], repo.iterateDocuments(db, req.ctx.tenantId, f, sort));
  });

  r.get('/api/v1/documents/:id', { config: { ...read, ...onDocument }, schema: { tags, params: idParams, response: { 200: documentRecord } } }, async (req) =>
    service.getDocument(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/documents', { config: write, schema: { tags, body: documentCreate, response: { 201: documentRecord } } }, async (req, reply) => {
    reply.status(201);
    return service.createDocument(db, req.ctx, req.body);
  });

  r.patch('/api/v1/documents/:id', { config: { ...write, ...onDocument }, schema: { tags, params: idParams, body: documentUpdate, response: { 200: documentRecord } } }, async (req) =>
    service.updateDocument(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/documents/:id', { config: { ...write, ...onDocument }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteDocument(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
