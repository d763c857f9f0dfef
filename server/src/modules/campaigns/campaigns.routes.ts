import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  campaignBody, campaignBodyCreate, campaignBodyUpdate, campaignCreate, campaignDetail, campaignExportQuery, campaignList, campaignListQuery,
  campaignMember, campaignMemberCreate, campaignMemberUpdate, campaignUpdate, idParams, liaisonFillResult, okBody,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { sendXlsxStream, once } from '../../platform/excel.js';
import * as service from './campaigns.service.js';
import * as bodies from './bodies.service.js';
import { campaignKindLabel, campaignStatusLabel } from './campaigns.presenter.js';
import { tenantWide } from '../../access/target.js';

const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

export async function campaignRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  const read = { permission: 'plan.campaign.read' as const };
  const write = { permission: 'plan.campaign.write' as const };
  // A campaign is tenant-wide: everyone with the permission sees it; only the office holds the write permission.
  const onCampaign = { target: tenantWide('campaign') };

  r.get('/api/v1/campaigns', { config: read, schema: { tags, querystring: campaignListQuery, response: { 200: campaignList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return service.listCampaigns(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/campaigns/export', { config: read, schema: { tags, querystring: campaignExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    const { items } = await service.listCampaigns(db, req.ctx, f, { page: 1, pageSize: 10000, sort });
    return sendXlsxStream(reply, '工作部署.xlsx', '工作部署', [
      { header: '名称', key: 'title', width: 40, value: (c) => c.title },
      { header: '类型', key: 'kind', value: (c) => campaignKindLabel[c.kind] },
      { header: '开始日期', key: 'startDate', value: (c) => asDate(c.startDate) },
      { header: '结束日期', key: 'endDate', value: (c) => asDate(c.endDate) },
      { header: '状态', key: 'status', value: (c) => campaignStatusLabel[c.status] },
      { header: '机构数', key: 'bodyCount', value: (c) => c.bodyCount },
      { header: '成员数', key: 'memberCount', value: (c) => c.memberCount },
      { header: '文件数', key: 'documentCount', value: (c) => c.documentCount },
      { header: '说明', key: 'description', width: 50, value: (c) => c.description },
    ], once(items));
  });

  r.get('/api/v1/campaigns/:id', { config: { ...read, ...onCampaign }, schema: { tags, params: idParams, response: { 200: campaignDetail } } }, async (req) =>
    service.getCampaignDetail(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/campaigns', { config: write, schema: { tags, body: campaignCreate, response: { 201: campaignDetail } } }, async (req, reply) => {
    reply.status(201);
    return service.createCampaign(db, req.ctx, req.body);
  });

  r.patch('/api/v1/campaigns/:id', { config: { ...write, ...onCampaign }, schema: { tags, params: idParams, body: campaignUpdate, response: { 200: campaignDetail } } }, async (req) =>
    service.updateCampaign(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/campaigns/:id', { config: { ...write, ...onCampaign }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteCampaign(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  await bodyRoutes(app, db);
}

/** The bodies of a campaign's work loop and their members. */
async function bodyRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  const write = { permission: 'plan.campaign.write' as const };
  // Bodies and members belong to the tenant-wide campaign (its members may come from any unit).
  const onBody = { target: tenantWide('campaign-body') };
  const onMember = { target: tenantWide('campaign-member') };

  r.post('/api/v1/campaigns/:id/bodies', { config: { ...write, target: tenantWide('campaign') }, schema: { tags, params: idParams, body: campaignBodyCreate, response: { 201: campaignBody } } }, async (req, reply) => {
    reply.status(201);
    return bodies.addBody(db, req.ctx, req.params.id, req.body);
  });

  r.patch('/api/v1/campaign-bodies/:id', { config: { ...write, ...onBody }, schema: { tags, params: idParams, body: campaignBodyUpdate, response: { 200: campaignBody } } }, async (req) =>
    bodies.updateBody(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/campaign-bodies/:id', { config: { ...write, ...onBody }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await bodies.removeBody(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.post('/api/v1/campaign-bodies/:id/members', { config: { ...write, ...onBody }, schema: { tags, params: idParams, body: campaignMemberCreate, response: { 201: campaignMember } } }, async (req, reply) => {
    reply.status(201);
    return bodies.addMember(db, req.ctx, req.params.id, req.body);
  });

  r.post('/api/v1/campaign-bodies/:id/liaisons', { config: { ...write, ...onBody }, schema: { tags, params: idParams, response: { 200: liaisonFillResult } } }, async (req) =>
    bodies.fillLiaisons(db, req.ctx, req.params.id),
  );

  r.patch('/api/v1/campaign-members/:id', { config: { ...write, ...onMember }, schema: { tags, params: idParams, body: campaignMemberUpdate, response: { 200: campaignMember } } }, async (req) =>
    bodies.updateMember(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/campaign-members/:id', { config: { ...write, ...onMember }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await bodies.removeMember(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
