import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  dispatchMeeting, dispatchMeetingList, dispatchMeetingListQuery, dispatchMeetingUpdate, dispatchPrepare, dispatchSheetQuery, dispatchSheetResponse,
  followUpClose, followUpCreate, followUpExportQuery, followUpItem, followUpList, followUpListQuery, followUpUpdate, idParams, type FollowUpItem,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { scoped, tenantConfig, tenantWide } from '../../access/target.js';
import { contentDisposition, sendXlsxStream, XLSX_TYPE } from '../../platform/excel.js';
import * as service from './dispatch.service.js';
import { followUpStatusLabel } from './dispatch.presenter.js';

const excelDate = (d: string | null) => (d ? new Date(d.length === 10 ? `${d}T00:00:00Z` : d) : null);

/** 每周一调度 (S12): the weekly sheet, its meeting, and the follow-up items it decides. */
export async function dispatchRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dispatch'];
  const read = { permission: 'assess.dispatch.read' as const };
  const write = { permission: 'assess.dispatch.write' as const };
  const close = { permission: 'assess.followup.write' as const };
  // The weekly meeting is the campaign's: every reader reads its record (the whole-tenant sheet only with a tenant-wide
  // scope), and only the office records it or creates and edits follow-ups (the service refuses narrower scopes).
  const meetingRead = { ...read, target: tenantWide('dispatch-meeting') };
  const officeOnly = (kind: string) => ({ ...write, target: tenantConfig(kind) });
  // A follow-up belongs to its owner unit: read within scope, closed by the owner unit (or the office).
  const onFollowUp = { target: scoped('follow-up') };

  r.get('/api/v1/dispatch/sheet', { config: read, schema: { tags, querystring: dispatchSheetQuery, response: { 200: dispatchSheetResponse } } }, async (req) =>
    service.getSheet(db, req.ctx, req.query.campaignId, req.query.week),
  );

  /** The sheet as Word: what the caller sees, plus the week's meeting record and its decisions. */
  r.get('/api/v1/dispatch/sheet/docx', { config: read, schema: { tags, querystring: dispatchSheetQuery } }, async (req, reply) => {
    const { sheet, meeting } = await service.getSheet(db, req.ctx, req.query.campaignId, req.query.week);
    const decisions = meeting ? (await service.listFollowUps(db, req.ctx, { meetingId: meeting.id }, { page: 1, pageSize: 500 })).items : [];
    // docx and exceljs load on first use, not at server start
    const [{ sendDocx }, { sheetDocument }] = await Promise.all([import('../../platform/docx.js'), import('./dispatch.export.js')]);
    return sendDocx(reply, `每周一调度清单-${sheet.isoWeek}.docx`, sheetDocument({ sheet, meeting, decisions }));
  });

  r.get('/api/v1/dispatch/sheet/xlsx', { config: read, schema: { tags, querystring: dispatchSheetQuery } }, async (req, reply) => {
    const { sheet } = await service.getSheet(db, req.ctx, req.query.campaignId, req.query.week);
    const { sheetWorkbook } = await import('./dispatch.export.js');
    const buf = await sheetWorkbook(sheet);
    return reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', contentDisposition(`每周一调度清单-${sheet.isoWeek}.xlsx`)).send(buf);
  });

  r.post('/api/v1/dispatch/meetings/prepare', { config: write, schema: { tags, body: dispatchPrepare, response: { 200: dispatchMeeting, 201: dispatchMeeting } } }, async (req, reply) => {
    const { meeting, created } = await service.prepare(db, req.ctx, req.body.campaignId, req.body.isoWeek, req.body.refresh);
    reply.status(created ? 201 : 200);
    return meeting;
  });

  r.get('/api/v1/dispatch/meetings', { config: read, schema: { tags, querystring: dispatchMeetingListQuery, response: { 200: dispatchMeetingList } } }, async (req) => {
    const { page, pageSize, sort: _sort, ...f } = req.query;
    return service.listMeetings(db, req.ctx, f, { page, pageSize });
  });

  r.get('/api/v1/dispatch/meetings/:id', { config: meetingRead, schema: { tags, params: idParams, response: { 200: dispatchMeeting } } }, async (req) =>
    service.getMeeting(db, req.ctx, req.params.id),
  );

  r.patch('/api/v1/dispatch/meetings/:id', { config: officeOnly('dispatch-meeting'), schema: { tags, params: idParams, body: dispatchMeetingUpdate, response: { 200: dispatchMeeting } } }, async (req) =>
    service.updateMeeting(db, req.ctx, req.params.id, req.body),
  );

  r.get('/api/v1/dispatch/follow-ups', { config: read, schema: { tags, querystring: followUpListQuery, response: { 200: followUpList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return service.listFollowUps(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/dispatch/follow-ups/export', { config: read, schema: { tags, querystring: followUpExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    return sendXlsxStream<FollowUpItem>(reply, '督办事项.xlsx', '督办事项', [
      { header: '督办事项', key: 'title', width: 40, value: (x) => x.title },
      { header: '责任单位', key: 'ownerUnitName', width: 20, value: (x) => x.ownerUnitName },
      { header: '完成时限', key: 'dueDate', width: 12, value: (x) => excelDate(x.dueDate) },
      { header: '状态', key: 'status', width: 10, value: (x) => followUpStatusLabel[x.status] },
      { header: '是否逾期', key: 'overdue', width: 10, value: (x) => (x.overdue ? '是' : '否') },
      { header: '来源周次', key: 'meetingWeek', width: 12, value: (x) => x.meetingWeek },
      { header: '办结说明', key: 'closingNote', width: 40, value: (x) => x.closingNote },
      { header: '办结时间', key: 'closedAt', width: 18, value: (x) => excelDate(x.closedAt) },
      { header: '专项工作', key: 'campaignTitle', width: 24, value: (x) => x.campaignTitle },
    ], service.exportFollowUps(db, req.ctx, f, sort));
  });

  r.get('/api/v1/dispatch/follow-ups/:id', { config: { ...read, ...onFollowUp }, schema: { tags, params: idParams, response: { 200: followUpItem } } }, async (req) =>
    service.getFollowUp(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/dispatch/follow-ups', { config: officeOnly('unit'), schema: { tags, body: followUpCreate, response: { 201: followUpItem } } }, async (req, reply) => {
    reply.status(201);
    return service.createFollowUp(db, req.ctx, req.body);
  });

  r.patch('/api/v1/dispatch/follow-ups/:id', { config: officeOnly('follow-up'), schema: { tags, params: idParams, body: followUpUpdate, response: { 200: followUpItem } } }, async (req) =>
    service.updateFollowUp(db, req.ctx, req.params.id, req.body),
  );

  r.post('/api/v1/dispatch/follow-ups/:id/close', { config: { ...close, ...onFollowUp }, schema: { tags, params: idParams, body: followUpClose, response: { 200: followUpItem } } }, async (req) =>
    service.closeFollowUp(db, req.ctx, req.params.id, req.body),
  );

}
