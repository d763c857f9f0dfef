import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  exchangeMeeting, exchangeMeetingCreate, exchangeMeetingExportQuery, exchangeMeetingList, exchangeMeetingListQuery, exchangeMeetingUpdate,
  hasPermission, idParams, okBody, type ExchangeMeeting,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { tenantConfig, tenantWide } from '../../access/target.js';
import { sendXlsxStream } from '../../platform/excel.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import * as repo from './exchange.repo.js';
import * as service from './exchange.service.js';
import { presentMeeting } from './exchange.presenter.js';

const excelDate = (d: string) => new Date(`${d}T00:00:00Z`);

/** 每月一交流 (S14): the monthly exchange meetings, with their files. */
export async function exchangeRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['exchange'];
  const read = { permission: 'assess.exchange.read' as const };
  const write = { permission: 'assess.exchange.write' as const };
  // The monthly exchange is school-wide: every reader reads each record; the office (tenant-wide writers only) keeps them.
  const onMeeting = { target: tenantWide('exchange-meeting') };
  const keepMeeting = { ...write, target: tenantConfig('exchange-meeting') };

  registerAttachmentOwner('exchange_meeting', async (db, ctx, id, mode) => {
    if (!hasPermission(ctx.roles, 'assess.exchange.read')) return 'missing';
    if (!(await repo.getMeeting(db, ctx.tenantId, id))) return 'missing';
    if (mode === 'write' && !hasPermission(ctx.roles, 'assess.exchange.write')) return 'denied';
    return 'ok';
  });

  r.get('/api/v1/exchange-meetings', { config: read, schema: { tags, querystring: exchangeMeetingListQuery, response: { 200: exchangeMeetingList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return service.listMeetings(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/exchange-meetings/export', { config: read, schema: { tags, querystring: exchangeMeetingExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    const batches = (async function* () {
      for await (const rows of repo.iterateMeetings(db, req.ctx.tenantId, f, sort)) yield rows.map(presentMeeting);
    })();
    return sendXlsxStream<ExchangeMeeting>(reply, '每月一交流.xlsx', '每月一交流', [
      { header: '月份', key: 'month', width: 10, value: (m) => m.month },
      { header: '交流日期', key: 'heldOn', width: 12, value: (m) => excelDate(m.heldOn) },
      { header: '交流人', key: 'presenters', width: 30, value: (m) => m.presenters },
      { header: '交流主题', key: 'topics', width: 50, value: (m) => m.topics },
      { header: '交流纪要', key: 'summary', width: 60, value: (m) => m.summary },
    ], batches);
  });

  r.get('/api/v1/exchange-meetings/:id', { config: { ...read, ...onMeeting }, schema: { tags, params: idParams, response: { 200: exchangeMeeting } } }, async (req) => service.getMeeting(db, req.ctx, req.params.id));

  r.post('/api/v1/exchange-meetings', { config: write, schema: { tags, body: exchangeMeetingCreate, response: { 201: exchangeMeeting } } }, async (req, reply) => {
    reply.status(201);
    return service.createMeeting(db, req.ctx, req.body);
  });

  r.patch('/api/v1/exchange-meetings/:id', { config: keepMeeting, schema: { tags, params: idParams, body: exchangeMeetingUpdate, response: { 200: exchangeMeeting } } }, async (req) =>
    service.updateMeeting(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/exchange-meetings/:id', { config: keepMeeting, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteMeeting(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
