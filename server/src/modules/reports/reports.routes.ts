import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  hasPermission, idParams, progressReportApprove, progressReportCreate, progressReportDetail, progressReportExportQuery, progressReportList,
  progressReportListQuery, progressReportReturn, progressReportUpdate, taskIdParams, taskReportHistory, type ProgressReport,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { sendXlsxStream, type XlsxColumn } from '../../platform/excel.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import * as repo from './reports.repo.js';
import * as service from './reports.service.js';
import { scoped } from '../../access/target.js';

const statusLabel: Record<ProgressReport['status'], string> = { submitted: '待审核', returned: '已退回', approved: '已通过' };
const time = (iso: string | null) => (iso ? new Date(iso) : null);

const exportColumns: XlsxColumn<ProgressReport>[] = [
  { header: '任务名称', key: 'taskTitle', width: 36, value: (r) => r.taskTitle },
  { header: '牵头单位', key: 'ownerUnitName', width: 24, value: (r) => r.ownerUnitName },
  { header: '报送人', key: 'reporterName', width: 12, value: (r) => r.reporterName },
  { header: '报送时间', key: 'submittedAt', width: 18, value: (r) => time(r.submittedAt) },
  { header: '进度(%)', key: 'progress', width: 10, value: (r) => r.progress },
  { header: '完成情况', key: 'doneText', width: 48, value: (r) => r.doneText },
  { header: '存在问题', key: 'problems', width: 30, value: (r) => r.problems },
  { header: '下步计划', key: 'nextSteps', width: 30, value: (r) => r.nextSteps },
  { header: '佐证材料数', key: 'evidence', width: 10, value: (r) => r.evidence.length },
  { header: '状态', key: 'status', width: 10, value: (r) => statusLabel[r.status] },
  { header: '版本', key: 'revision', width: 8, value: (r) => r.revision },
  { header: '审核人', key: 'reviewerName', width: 12, value: (r) => r.reviewerName },
  { header: '审核时间', key: 'reviewedAt', width: 18, value: (r) => time(r.reviewedAt) },
  { header: '审核意见', key: 'reviewComment', width: 30, value: (r) => r.reviewComment },
];

/** Progress reports (同落实): submit, review (approve / return), resubmit, and each task's report history. */
export async function reportRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['progress-reports'];

  // Evidence files: read with the report; added by those who may report on its task until it is approved.
  registerAttachmentOwner(service.EVIDENCE, async (d, ctx, id, mode) => {
    if (!hasPermission(ctx.roles, 'execute.report.read')) return 'missing';
    const row = await repo.getReport(d, ctx, id);
    if (!row) return 'missing';
    if (mode === 'write' && (row.status === 'approved' || !(await service.mayReport(d, ctx, row.taskId)))) return 'denied';
    return 'ok';
  });

  r.get('/api/v1/progress-reports', { config: { permission: 'execute.report.read' }, schema: { tags, querystring: progressReportListQuery, response: { 200: progressReportList } } }, async (req) =>
    service.listReports(db, req.ctx, req.query),
  );

  r.get('/api/v1/progress-reports/export', { config: { permission: 'execute.report.read' }, schema: { tags, querystring: progressReportExportQuery } }, async (req, reply) =>
    sendXlsxStream(reply, '进展报告.xlsx', '进展报告', exportColumns, service.exportBatches(await req.readDb(), req.ctx, req.query)),
  );

  r.get('/api/v1/progress-reports/:id', { config: { permission: 'execute.report.read', target: scoped('progress-report') }, schema: { tags, params: idParams, response: { 200: progressReportDetail } } }, async (req) =>
    service.getReport(db, req.ctx, req.params.id),
  );

  r.get('/api/v1/tasks/:taskId/progress-reports', { config: { permission: 'execute.report.read', target: scoped('task') }, schema: { tags, params: taskIdParams, response: { 200: taskReportHistory } } }, async (req) =>
    service.taskHistory(db, req.ctx, req.params.taskId),
  );

  r.post('/api/v1/progress-reports', { config: { permission: 'execute.report.write', target: scoped('task') }, schema: { tags, body: progressReportCreate, response: { 201: progressReportDetail } } }, async (req, reply) => {
    reply.status(201);
    return service.createReport(db, req.ctx, req.body);
  });

  r.patch('/api/v1/progress-reports/:id', { config: { permission: 'execute.report.write', target: scoped('progress-report') }, schema: { tags, params: idParams, body: progressReportUpdate, response: { 200: progressReportDetail } } }, async (req) =>
    service.resubmitReport(db, req.ctx, req.params.id, req.body),
  );

  r.post('/api/v1/progress-reports/:id/approve', { config: { permission: 'execute.report.review', target: scoped('progress-report') }, schema: { tags, params: idParams, body: progressReportApprove, response: { 200: progressReportDetail } } }, async (req) =>
    service.approveReport(db, req.ctx, req.params.id, req.body?.comment ?? null),
  );

  r.post('/api/v1/progress-reports/:id/return', { config: { permission: 'execute.report.review', target: scoped('progress-report') }, schema: { tags, params: idParams, body: progressReportReturn, response: { 200: progressReportDetail } } }, async (req) =>
    service.returnReport(db, req.ctx, req.params.id, req.body.comment),
  );
}
