import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { leaderOverview, leaderView, leaderViewQuery } from '@santong/contract';
import type { Db } from '../../db/client.js';
import * as service from './leader.service.js';

/** 一岗双责 (S2): a leader's 分管/联系 units with their tasks' colours, lectures and research topics. */
export async function leaderRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['leader'];

  r.get('/api/v1/leader-view', { config: { permission: 'plan.leaderView.read' }, schema: { tags, querystring: leaderViewQuery, response: { 200: leaderView } } }, async (req) =>
    service.leaderView(db, req.ctx, req.query.personId),
  );

  r.get('/api/v1/leader-view/overview', { config: { permission: 'plan.leaderView.read' }, schema: { tags, response: { 200: leaderOverview } } }, async (req) =>
    service.leaderOverview(db, req.ctx),
  );
}
