import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { briefingQuery } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { contentDisposition, XLSX_TYPE } from '../../platform/excel.js';
import { fileName, gatherBriefing } from './briefing.service.js';

/** The generated work report (.docx) and its one-page statistics sheet (.xlsx), for a campaign and a period. */
export async function briefingRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'insight.briefing.read' as const };
  const tags = ['insight'];

  r.get('/api/v1/briefing.docx', { config, schema: { tags, querystring: briefingQuery } }, async (req, reply) => {
    const b = await gatherBriefing(db, req.ctx, req.query);
    // docx, ECharts and resvg load on first use, not at server start
    const [{ sendDocx }, { briefingDocument }] = await Promise.all([import('../../platform/docx.js'), import('./briefing.docx.js')]);
    return sendDocx(reply, fileName(b, 'docx'), briefingDocument(b.data, b));
  });

  r.get('/api/v1/briefing.xlsx', { config, schema: { tags, querystring: briefingQuery } }, async (req, reply) => {
    const b = await gatherBriefing(db, req.ctx, req.query);
    const { briefingWorkbook } = await import('./briefing.xlsx.js');
    const buf = await briefingWorkbook(b.data, b);
    return reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', contentDisposition(fileName(b, 'xlsx'))).send(buf);
  });
}
