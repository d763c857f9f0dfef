import type { z } from 'zod';
import type { documentCreate, documentUpdate, DocumentRecord } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { listAttachments } from '../../platform/files/attachments.repo.js';
import { presentAttachment } from '../../platform/files/files.routes.js';
import { grams } from '../../platform/search/grams.js';
import { getUnit } from '../org/units.repo.js';
import { getCampaign } from '../campaigns/campaigns.repo.js';
import * as repo from './documents.repo.js';
import { presentDocument, type DocumentRow } from './documents.presenter.js';

type DocumentCreate = z.infer<typeof documentCreate>;
type DocumentUpdate = z.infer<typeof documentUpdate>;

/** Documents with their files, two queries for a whole page. */
export async function withFiles(db: Db, tenantId: string, rows: DocumentRow[]): Promise<DocumentRecord[]> {
  const files = await listAttachments(db, tenantId, 'document', rows.map((r) => r.id));
  return rows.map((r) => presentDocument(r, files.filter((f) => f.entityId === r.id).map(presentAttachment)));
}

export async function listDocuments(db: Db, ctx: RequestContext, f: repo.DocumentFilter, page: { page: number; pageSize: number; sort?: string }) {
  const { rows, total } = await repo.listDocuments(db, ctx.tenantId, f, page);
  return { items: await withFiles(db, ctx.tenantId, rows), total };
}

async function load(db: Db, ctx: Pick<RequestContext, 'tenantId'>, id: string) {
  const row = await repo.getDocument(db, ctx.tenantId, id);
  if (!row) throw notFound('DOCUMENT_NOT_FOUND', 'document');
  return row;
}

export async function getDocument(db: Db, ctx: Pick<RequestContext, 'tenantId'>, id: string): Promise<DocumentRecord> {
  const [doc] = await withFiles(db, ctx.tenantId, [await load(db, ctx, id)]);
  return doc;
}

/** References must be records of this tenant; a 文号 is unique within the tenant. */
async function checkRefs(db: Db, ctx: RequestContext, id: string | null, input: Partial<DocumentCreate>) {
  if (input.issuingUnitId && !(await getUnit(db, ctx.tenantId, input.issuingUnitId))) throw invalid('body.issuingUnitId', 'unknown unit');
  if (input.campaignId && !(await getCampaign(db, ctx.tenantId, input.campaignId))) throw invalid('body.campaignId', 'unknown campaign');
  if (input.docNo) {
    const other = await repo.getDocumentByDocNo(db, ctx.tenantId, input.docNo);
    if (other && other.id !== id) throw new AppError('DUPLICATE', 'document number already registered', { issues: [{ path: 'body.docNo', message: 'already registered' }] });
  }
}

const searchGramsOf = (d: { title: string; docNo?: string | null; summary?: string | null }) => grams(d.title, d.docNo, d.summary);

export async function createDocument(db: Db, ctx: RequestContext, input: DocumentCreate) {
  return db.transaction(async (tx) => {
    await checkRefs(tx, ctx, null, input);
    const { id } = await repo.insertDocument(tx, {
      tenantId: ctx.tenantId,
      kind: input.kind,
      title: input.title,
      docNo: input.docNo ?? null,
      issuingUnitId: input.issuingUnitId ?? null,
      issuedOn: input.issuedOn ?? null,
      campaignId: input.campaignId ?? null,
      summary: input.summary ?? null,
      searchGrams: searchGramsOf(input),
      createdBy: ctx.userId || null,
    });
    const after = await getDocument(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'document', entityId: id, after });
    return after;
  });
}

export async function updateDocument(db: Db, ctx: RequestContext, id: string, input: DocumentUpdate) {
  return db.transaction(async (tx) => {
    const before = await getDocument(tx, ctx, id);
    await checkRefs(tx, ctx, id, input);
    const { version, ...patch } = input;
    const merged = { title: patch.title ?? before.title, docNo: patch.docNo !== undefined ? patch.docNo : before.docNo, summary: patch.summary !== undefined ? patch.summary : before.summary };
    const row = await repo.updateDocument(tx, ctx.tenantId, id, version, { ...patch, searchGrams: searchGramsOf(merged) });
    if (!row) throw new AppError('VERSION_CONFLICT', 'the document was changed by someone else; reload and retry', { currentVersion: before.version });
    const after = await getDocument(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'document', entityId: id, before, after });
    return after;
  });
}

export async function deleteDocument(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await getDocument(tx, ctx, id);
    const usage = await repo.documentUsage(tx, ctx.tenantId, id);
    if (usage.research) throw new AppError('DOCUMENT_IN_USE', 'the document is the report of a research topic', usage);
    await repo.deleteDocument(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'document', entityId: id, before });
  });
}
