import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment, idParams, okBody } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { AppError } from '../errors.js';
import { multipartError } from '../upload.js';
import { appendAudit } from '../audit/audit.repo.js';
import { contentDisposition } from '../excel.js';
import type { RequestContext } from '../context.js';
import { FileStore } from './files.store.js';
import { attachmentOwner } from './attachments.js';
import * as repo from './attachments.repo.js';
import { scoped } from '../../access/target.js';

async function checkAccess(db: Db, ctx: RequestContext, entity: string, entityId: string, mode: 'read' | 'write') {
  const check = attachmentOwner(entity);
  if (!check) throw new AppError('VALIDATION_FAILED', `entity: files cannot be attached to ${entity}`, { issues: [{ path: 'entity', message: 'unknown entity' }] });
  const verdict = await check(db, ctx, entityId, mode);
  if (verdict === 'missing') throw new AppError('NOT_FOUND', `${entity} not found`);
  if (verdict === 'denied') throw new AppError('OUT_OF_SCOPE', 'this record is outside your data scope');
}

export const presentAttachment = (a: NonNullable<Awaited<ReturnType<typeof repo.getAttachment>>>) => ({
  id: a.id,
  entity: a.entity,
  entityId: a.entityId,
  name: a.name,
  purpose: a.purpose,
  size: a.size,
  mime: a.mime,
  sha256: a.sha256,
  createdAt: a.createdAt.toISOString(),
  url: `/api/v1/attachments/${a.id}`,
});

const listQuery = z.object({ entity: z.string().min(1).max(40), entityId: z.uuid() }).strict();

/** Uploads and downloads for every feature, checked against the owning record's scope. */
export async function fileRoutes(app: FastifyInstance, { db, store }: { db: Db; store: FileStore }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['files'];
  // A file goes with its owning record: the owner's permission and scope decide (registerAttachmentOwner).
  const onAttachment = { target: scoped('attachment') };

  r.post('/api/v1/attachments', { config: { permission: 'authenticated', ...onAttachment }, schema: { tags, consumes: ['multipart/form-data'], response: { 201: attachment } } }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data');
    const fields: Record<string, string> = {};
    let upload: { name: string; buf: Buffer } | null = null;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const buf = await part.toBuffer();
          if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'file too large');
          upload = { name: part.filename, buf };
        } else fields[part.fieldname] = String(part.value);
      }
    } catch (err) {
      throw multipartError(err);
    }
    const meta = z
      .object({ entity: z.string().min(1).max(40), entityId: z.uuid(), purpose: z.string().max(40).optional() })
      .safeParse(fields);
    if (!meta.success) {
      const issues = meta.error.issues.map((i) => ({ path: String(i.path[0]), message: i.message }));
      throw new AppError('VALIDATION_FAILED', `${issues[0].path}: ${issues[0].message}`, { issues });
    }
    if (!upload) throw new AppError('VALIDATION_FAILED', 'file: required', { issues: [{ path: 'file', message: 'required' }] });
    await checkAccess(db, req.ctx, meta.data.entity, meta.data.entityId, 'write');
    const stored = await store.put(upload.buf);
    // Keep only the base name, without control characters: it is shown and sent back in headers.
    const name = upload.name.split(/[\\/]/).pop()!.replace(/[\x00-\x1f\x7f]/g, '').slice(0, 200) || 'file';
    const row = await db.transaction(async (tx) => {
      const file = await repo.upsertFile(tx, req.ctx.tenantId, stored);
      const a = await repo.insertAttachment(tx, { tenantId: req.ctx.tenantId, ...meta.data, fileId: file.id, name, uploadedBy: req.ctx.userId });
      await appendAudit(tx, req.ctx, { action: 'attach', entity: meta.data.entity, entityId: meta.data.entityId, after: { attachmentId: a.id, name, sha256: stored.sha256, size: stored.size } });
      return (await repo.getAttachment(tx, req.ctx.tenantId, a.id))!;
    });
    reply.status(201);
    return presentAttachment(row);
  });

  r.get('/api/v1/attachments', { config: { permission: 'authenticated', ...onAttachment }, schema: { tags, querystring: listQuery, response: { 200: z.object({ items: z.array(attachment) }) } } }, async (req) => {
    await checkAccess(db, req.ctx, req.query.entity, req.query.entityId, 'read');
    const rows = await repo.listAttachments(db, req.ctx.tenantId, req.query.entity, [req.query.entityId]);
    return { items: rows.map(presentAttachment) };
  });

  r.get('/api/v1/attachments/:id', { config: { permission: 'authenticated', ...onAttachment }, schema: { tags, params: idParams } }, async (req, reply) => {
    const a = await repo.getAttachment(db, req.ctx.tenantId, req.params.id);
    if (!a) throw new AppError('NOT_FOUND', 'file not found');
    await checkAccess(db, req.ctx, a.entity, a.entityId, 'read');
    const inline = a.mime.startsWith('image/') || a.mime === 'application/pdf';
    reply
      .header('Content-Type', a.mime === 'text/plain' ? 'text/plain; charset=utf-8' : a.mime)
      .header('Content-Length', String(a.size))
      .header('Content-Disposition', contentDisposition(a.name, inline))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, max-age=300');
    return reply.send(store.open(a.sha256));
  });

  r.delete('/api/v1/attachments/:id', { config: { permission: 'authenticated', ...onAttachment }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    const a = await repo.getAttachment(db, req.ctx.tenantId, req.params.id);
    if (!a) throw new AppError('NOT_FOUND', 'file not found');
    await checkAccess(db, req.ctx, a.entity, a.entityId, 'write');
    await db.transaction(async (tx) => {
      await repo.deleteAttachment(tx, req.ctx.tenantId, a.id);
      await appendAudit(tx, req.ctx, { action: 'detach', entity: a.entity, entityId: a.entityId, before: { attachmentId: a.id, name: a.name, sha256: a.sha256 } });
    });
    return { ok: true as const };
  });
}
