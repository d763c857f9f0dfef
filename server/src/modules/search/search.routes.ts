import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { searchQuery, searchResult } from '@santong/contract';
import type { Db } from '../../db/client.js';
import * as service from './search.service.js';

/** The header search across tasks, documents, outcomes, regulations, activities, research, lectures and people. */
export async function searchRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/search', { config: { permission: 'search.read' }, schema: { tags: ['search'], querystring: searchQuery, response: { 200: searchResult } } }, async (req) =>
    service.search(db, req.ctx, req.query),
  );
}
