import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  honourNomination, honourNominationAward, honourNominationCreate, honourNominationExportQuery, honourNominationList, honourNominationListQuery,
  honourNominationReview, honourPublicityOpen, honourRound, honourRoundCreate, honourRoundList, honourRoundListQuery, honourRoundUpdate, idParams, okBody,
  type HonourNomination,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { sendXlsxStream } from '../../platform/excel.js';
import * as rounds from './honours.service.js';
import * as nominations from './nominations.service.js';
import { honourCategoryLabel, nominationStatusLabel } from './honours.presenter.js';
import { scoped, tenantWide } from '../../access/target.js';

const roundParams = z.object({ id: z.uuid() }).strict();

/** 两优一先 (S7): rounds with quotas; nominate → review → 公示 → award. */
export async function honourRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['honours'];
  const read = { permission: 'execute.honour.read' as const };
  const nominate = { permission: 'execute.honour.nominate' as const };
  const review = { permission: 'execute.honour.review' as const };
  // a round is the whole tenant's (everyone sees it in publicity); a nomination is its nominee unit's
  const onRound = { target: tenantWide('honour-round') };
  const onNomination = { target: scoped('honour-nomination') };

  r.get('/api/v1/honour-rounds', { config: read, schema: { tags, querystring: honourRoundListQuery, response: { 200: honourRoundList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return rounds.listRounds(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/honour-rounds/:id', { config: { ...read, ...onRound }, schema: { tags, params: idParams, response: { 200: honourRound } } }, async (req) => rounds.loadRound(db, req.ctx, req.params.id));

  r.post('/api/v1/honour-rounds', { config: review, schema: { tags, body: honourRoundCreate, response: { 201: honourRound } } }, async (req, reply) => {
    reply.status(201);
    return rounds.createRound(db, req.ctx, req.body);
  });

  r.patch('/api/v1/honour-rounds/:id', { config: { ...review, ...onRound }, schema: { tags, params: idParams, body: honourRoundUpdate, response: { 200: honourRound } } }, async (req) =>
    rounds.updateRound(db, req.ctx, req.params.id, req.body),
  );

  r.post('/api/v1/honour-rounds/:id/start-review', { config: { ...review, ...onRound }, schema: { tags, params: idParams, response: { 200: honourRound } } }, async (req) => rounds.startReview(db, req.ctx, req.params.id));

  r.post('/api/v1/honour-rounds/:id/publicity', { config: { ...review, ...onRound }, schema: { tags, params: idParams, body: honourPublicityOpen, response: { 200: honourRound } } }, async (req) =>
    rounds.openPublicity(db, req.ctx, req.params.id, req.body),
  );

  r.post('/api/v1/honour-rounds/:id/close', { config: { ...review, ...onRound }, schema: { tags, params: idParams, response: { 200: honourRound } } }, async (req) => rounds.closeRound(db, req.ctx, req.params.id));

  r.get('/api/v1/honour-rounds/:id/nominations', { config: { ...read, ...onRound }, schema: { tags, params: roundParams, querystring: honourNominationListQuery, response: { 200: honourNominationList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return nominations.listNominations(db, req.ctx, req.params.id, f, { page, pageSize, sort });
  });

  r.get('/api/v1/honour-rounds/:id/nominations/export', { config: { ...read, ...onRound }, schema: { tags, params: roundParams, querystring: honourNominationExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    const round = await rounds.loadRound(db, req.ctx, req.params.id);
    const name = f.status === 'awarded' ? '表彰名单' : '推荐名单';
    return sendXlsxStream<HonourNomination>(reply, `${round.year}年${name}.xlsx`, name, [
      { header: '表彰类别', key: 'category', width: 18, value: (n) => honourCategoryLabel[n.category] },
      { header: '姓名/组织名称', key: 'nomineeName', width: 28, value: (n) => n.nomineeName },
      { header: '所在单位', key: 'nomineePersonUnitName', width: 24, value: (n) => n.nomineePersonUnitName },
      { header: '职务职称', key: 'nomineeTitle', width: 20, value: (n) => n.nomineeTitle },
      { header: '推荐单位', key: 'nominatingUnitName', width: 24, value: (n) => n.nominatingUnitName },
      { header: '推荐理由', key: 'reason', width: 50, value: (n) => n.reason },
      { header: '状态', key: 'status', width: 10, value: (n) => nominationStatusLabel[n.status] },
      { header: '审核意见', key: 'reviewNote', width: 30, value: (n) => n.reviewNote },
      { header: '推荐日期', key: 'createdAt', width: 12, value: (n) => new Date(n.createdAt) },
    ], nominations.exportBatches(db, req.ctx, req.params.id, f, sort));
  });

  r.post('/api/v1/honour-rounds/:id/nominations', { config: { ...nominate, target: scoped('nominee') }, schema: { tags, params: roundParams, body: honourNominationCreate, response: { 201: honourNomination } } }, async (req, reply) => {
    reply.status(201);
    return nominations.nominate(db, req.ctx, req.params.id, req.body);
  });

  r.delete('/api/v1/honour-nominations/:id', { config: { ...nominate, ...onNomination }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await nominations.withdraw(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.post('/api/v1/honour-nominations/:id/review', { config: { ...review, ...onNomination }, schema: { tags, params: idParams, body: honourNominationReview, response: { 200: honourNomination } } }, async (req) =>
    nominations.review(db, req.ctx, req.params.id, req.body),
  );

  r.post('/api/v1/honour-nominations/:id/award', { config: { ...review, ...onNomination }, schema: { tags, params: idParams, body: honourNominationAward, response: { 200: honourNomination } } }, async (req) =>
    nominations.award(db, req.ctx, req.params.id, req.body),
  );
}
